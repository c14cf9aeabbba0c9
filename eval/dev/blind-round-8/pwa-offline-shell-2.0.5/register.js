
export function registerOfflineShell(opts={}){if(!('serviceWorker' in navigator))return Promise.resolve(null);
 const url=opts.url||'/sw.js';return navigator.serviceWorker.register(url,{scope:opts.scope||'/'});}
