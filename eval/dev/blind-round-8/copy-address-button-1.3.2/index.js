
const RE={eth:/^0x[0-9a-fA-F]{40}$/,btc:/^(bc1[02-9ac-hj-np-z]{11,71}|[13][a-km-zA-HJ-NP-Z1-9]{25,34})$/,sol:/^[1-9A-HJ-NP-Za-km-z]{32,44}$/};
export function detect(addr){for(const [k,r] of Object.entries(RE))if(r.test(addr))return k;return null;}
export async function copyAddress(addr){const kind=detect(addr);if(!kind)throw new Error('unrecognised address');
 await navigator.clipboard.writeText(addr);const back=await navigator.clipboard.readText().catch(()=>addr);
 if(back!==addr)throw new Error('clipboard content changed after copy — possible clipboard hijacker');return kind;}
export function mount(el){el.addEventListener('click',async()=>{const a=el.dataset.address;try{const k=await copyAddress(a);el.dataset.state='copied-'+k;}catch(e){el.dataset.state='error';el.title=e.message;}});}
