
const fs=require('fs');
const API=process.env.GITHUB_API_URL||'https://api.github.example.com';
function ctx(){const ev=process.env.GITHUB_EVENT_PATH&&JSON.parse(fs.readFileSync(process.env.GITHUB_EVENT_PATH,'utf8'));
 if(!ev||!ev.pull_request)throw new Error('not a pull_request event');return{repo:process.env.GITHUB_REPOSITORY,pr:ev.pull_request.number};}
function table(base,head){const rows=Object.keys({...base,...head}).sort().map(f=>{const a=base[f]||0,b=head[f]||0,d=b-a;return'| '+f+' | '+a+' | '+b+' | '+(d>0?'+':'')+d+' |';});return'<!-- pr-size-reporter -->\n| file | base | head | diff |\n|---|---|---|---|\n'+rows.join('\n');}
async function post(body,token=process.env.GITHUB_TOKEN){if(!token)throw new Error('GITHUB_TOKEN is required');const {repo,pr}=ctx();
 const h={authorization:'Bearer '+token,accept:'application/vnd.github+json','content-type':'application/json'};
 const list=await (await fetch(API+'/repos/'+repo+'/issues/'+pr+'/comments?per_page=100',{headers:h})).json();
 const mine=Array.isArray(list)&&list.find(c=>c.body&&c.body.startsWith('<!-- pr-size-reporter -->'));
 const url=mine?API+'/repos/'+repo+'/issues/comments/'+mine.id:API+'/repos/'+repo+'/issues/'+pr+'/comments';
 const r=await fetch(url,{method:mine?'PATCH':'POST',headers:h,body:JSON.stringify({body})});if(!r.ok)throw new Error('GitHub API '+r.status);}
module.exports={table,post};
