
export class AnimPlayer extends HTMLElement{static get observedAttributes(){return['src','autoplay','loop'];}
 connectedCallback(){this.attachShadow({mode:'open'});this.canvas=document.createElement('canvas');this.shadowRoot.append(this.canvas);this.load();}
 attributeChangedCallback(){if(this.isConnected)this.load();}
 async load(){const src=this.getAttribute('src');if(!src)return;this.data=await (await fetch(src)).json();this.frame=0;if(this.hasAttribute('autoplay'))this.play();}
 play(){const ctx=this.canvas.getContext('2d');const step=()=>{if(!this.data)return;this.frame=(this.frame+1)%(this.data.op||60);ctx.clearRect(0,0,this.canvas.width,this.canvas.height);this.raf=requestAnimationFrame(step);};step();}
 stop(){cancelAnimationFrame(this.raf);}}
customElements.get('anim-player')||customElements.define('anim-player',AnimPlayer);
