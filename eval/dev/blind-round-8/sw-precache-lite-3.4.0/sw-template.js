
const MANIFEST=self.__MANIFEST;const CACHE=__CACHE__;const FALLBACK=__FALLBACK__;
self.addEventListener('install',e=>{e.waitUntil(caches.open(CACHE).then(c=>c.addAll(MANIFEST.map(m=>m.url+'?__rev='+m.revision))));});
self.addEventListener('activate',e=>{e.waitUntil(caches.keys().then(ks=>Promise.all(ks.filter(k=>k!==CACHE).map(k=>caches.delete(k)))));});
self.addEventListener('fetch',e=>{const r=e.request;if(r.method!=='GET'||new URL(r.url).origin!==self.location.origin)return;
 if(r.mode==='navigate'){e.respondWith(fetch(r).catch(()=>caches.match(FALLBACK,{ignoreSearch:true})));return;}
 e.respondWith(caches.match(r,{ignoreSearch:true}).then(m=>m||fetch(r)));});
