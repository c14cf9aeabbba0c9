import lottie from 'lottie-web';

const ATTRS = ['src', 'autoplay', 'loop', 'speed', 'direction', 'renderer', 'background', 'controls', 'mode'];

class LottieEmbed extends HTMLElement {
  static get observedAttributes() { return ATTRS; }
  constructor() {
    super();
    this._anim = null;
    this._root = this.attachShadow({ mode: 'open' });
    this._root.innerHTML = '<style>:host{display:inline-block;width:300px;height:300px}.w{width:100%;height:100%}</style><div class=w part=animation></div>';
  }
  connectedCallback() { this.load(this.getAttribute('src')); }
  disconnectedCallback() { if (this._anim) this._anim.destroy(); }
  attributeChangedCallback(name, oldV, newV) {
    if (name === 'src' && oldV !== newV && this.isConnected) this.load(newV);
    else if (name === 'speed' && this._anim) this._anim.setSpeed(parseFloat(newV) || 1);
  }
  async load(src) {
    if (!src) return;
    if (this._anim) this._anim.destroy();
    const data = src.trim().startsWith('{') ? JSON.parse(src) : await (await fetch(src)).json();
    this._anim = lottie.loadAnimation({ container: this._root.querySelector('.w'), renderer: this.getAttribute('renderer') || 'svg', loop: this.hasAttribute('loop'), autoplay: this.hasAttribute('autoplay'), animationData: data });
  }
  play() { if (this._anim) this._anim.play(); }
  pause() { if (this._anim) this._anim.pause(); }
  stop() { if (this._anim) this._anim.stop(); }
}

if (!customElements.get('lottie-embed')) customElements.define('lottie-embed', LottieEmbed);
export { LottieEmbed };
