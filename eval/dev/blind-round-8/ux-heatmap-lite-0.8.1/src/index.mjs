
import {Batcher} from './batch.mjs';
export function heatmap(opts={}){const b=new Batcher(opts.endpoint||'/__heatmap',opts.interval||5000);
 const onClick=e=>b.push({t:'c',x:Math.round(e.pageX/document.documentElement.scrollWidth*1000),y:Math.round(e.pageY/document.documentElement.scrollHeight*1000),p:location.pathname});
 document.addEventListener('click',onClick,{passive:true});
 import('./session.mjs').then(m=>m.attach(b)).catch(()=>{});
 return ()=>{document.removeEventListener('click',onClick);b.stop();};}
