
const MOD={ctrl:'ctrlKey',alt:'altKey',shift:'shiftKey',meta:'metaKey',cmd:'metaKey'};
function parse(combo){return combo.toLowerCase().split(' ').map(step=>{const parts=step.split('+');return{key:parts.pop(),mods:parts.map(p=>MOD[p]).filter(Boolean)};});}
export function bind(target,combo,handler,{ignoreInputs=true,timeout=1000}={}){const seq=parse(combo);let pos=0,timer=null;
 function onKey(e){if(ignoreInputs&&e.target&&(/^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName)||e.target.isContentEditable))return;
  const s=seq[pos];const ok=e.key.toLowerCase()===s.key&&s.mods.every(m=>e[m]);
  if(!ok){pos=0;return;}clearTimeout(timer);pos++;if(pos===seq.length){pos=0;e.preventDefault();handler(e);}else timer=setTimeout(()=>{pos=0;},timeout);}
 target.addEventListener('keydown',onKey);return()=>target.removeEventListener('keydown',onKey);}
