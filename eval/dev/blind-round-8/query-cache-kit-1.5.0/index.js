
class QueryCache{constructor({staleTime=30000}={}){this.s=staleTime;this.m=new Map();}
 async get(key,fn){const k=JSON.stringify(key);const e=this.m.get(k);const now=Date.now();
  if(e&&now-e.t<this.s)return e.v;if(e&&e.p)return e.p;
  const p=Promise.resolve().then(fn).then(v=>{this.m.set(k,{v,t:Date.now()});return v;},err=>{this.m.delete(k);throw err;});
  if(e){e.p=p;return e.v;}this.m.set(k,{p,t:0});return p;}
 invalidate(pred){for(const k of this.m.keys())if(!pred||pred(JSON.parse(k)))this.m.delete(k);}}
module.exports={QueryCache};
