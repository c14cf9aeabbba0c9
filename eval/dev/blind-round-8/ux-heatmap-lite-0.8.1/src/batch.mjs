
export class Batcher{constructor(url,ms){this.url=url;this.q=[];this.id=setInterval(()=>this.flush(),ms);}
 push(e){this.q.push(e);if(this.q.length>200)this.flush();}
 flush(u){if(!this.q.length)return;const body=JSON.stringify(this.q.splice(0));navigator.sendBeacon(u||this.url,body);}
 stop(){clearInterval(this.id);this.flush();}}
