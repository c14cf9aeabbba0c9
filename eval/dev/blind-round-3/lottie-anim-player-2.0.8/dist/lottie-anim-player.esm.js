export class LottieAnimPlayer extends HTMLElement {
  static get observedAttributes() { return ['src', 'autoplay', 'loop', 'speed']; }
  connectedCallback() { this.attachShadow({ mode: 'open' }).innerHTML = '<div part="stage" style="width:100%;height:100%"></div>'; this.load(); }
  attributeChangedCallback() { if (this.shadowRoot) this.load(); }
  async load() {
    const src = this.getAttribute('src'); if (!src) return;
    const json = await (await fetch(src)).json();
    this.frames = json.op - json.ip; this.fps = json.fr; this.frame = 0;
    if (this.hasAttribute('autoplay')) this.play();
  }
  play() { const step = () => { this.frame = (this.frame + 1) % (this.frames || 1); this.dispatchEvent(new CustomEvent('frame', { detail: this.frame })); this.raf = requestAnimationFrame(step); }; this.raf = requestAnimationFrame(step); }
  pause() { cancelAnimationFrame(this.raf); }
}
if (!customElements.get('lottie-anim-player')) customElements.define('lottie-anim-player', LottieAnimPlayer);
