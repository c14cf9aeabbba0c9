
import fs from 'node:fs';import crypto from 'node:crypto';import path from 'node:path';
export function buildManifest(dir,globs=/\.(html|js|css|png|svg|woff2)$/){const out=[];(function walk(d){for(const f of fs.readdirSync(d,{withFileTypes:true})){const p=path.join(d,f.name);if(f.isDirectory())walk(p);else if(globs.test(f.name))out.push({url:'/'+path.relative(dir,p).split(path.sep).join('/'),revision:crypto.createHash('md5').update(fs.readFileSync(p)).digest('hex').slice(0,10)});}})(dir);return out;}
export function renderWorker(manifest,{cacheName='precache-v1',navigateFallback='/index.html'}={}){
 const tpl=fs.readFileSync(new URL('./sw-template.js',import.meta.url),'utf8');
 return tpl.replace('self.__MANIFEST',JSON.stringify(manifest)).replace('__CACHE__',JSON.stringify(cacheName)).replace('__FALLBACK__',JSON.stringify(navigateFallback));}
