
exports.toCssVars=(tokens,prefix='--')=>Object.entries(tokens).map(([k,v])=>prefix+k.replace(/\./g,'-')+': '+v+';').join('\n');
exports.flatten=function flat(o,p=''){return Object.entries(o).reduce((a,[k,v])=>v&&typeof v==='object'&&!('value' in v)?Object.assign(a,flat(v,p+k+'.')):(a[p+k]=v&&v.value!==undefined?v.value:v,a),{});};
