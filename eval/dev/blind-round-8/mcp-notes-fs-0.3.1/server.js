#!/usr/bin/env node
import fs from 'node:fs/promises';import path from 'node:path';import readline from 'node:readline';
const ROOT=path.resolve(process.argv[2]||process.env.NOTES_DIR||'./notes');
function safe(p){const abs=path.resolve(ROOT,p);if(abs!==ROOT&&!abs.startsWith(ROOT+path.sep))throw new Error('path outside notes directory');return abs;}
const tools=[{name:'list_notes',description:'List note files',inputSchema:{type:'object',properties:{}}},{name:'read_note',description:'Read a note',inputSchema:{type:'object',properties:{name:{type:'string'}},required:['name']}},{name:'write_note',description:'Create or overwrite a note',inputSchema:{type:'object',properties:{name:{type:'string'},content:{type:'string'}},required:['name','content']}}];
async function call(n,a){if(n==='list_notes')return (await fs.readdir(ROOT)).filter(f=>f.endsWith('.md')).join('\n');
 if(n==='read_note')return fs.readFile(safe(a.name),'utf8');if(n==='write_note'){if(!a.name.endsWith('.md'))throw new Error('only .md files');await fs.writeFile(safe(a.name),a.content);return'saved';}throw new Error('unknown tool');}
const send=m=>process.stdout.write(JSON.stringify(m)+'\n');
readline.createInterface({input:process.stdin}).on('line',async l=>{let m;try{m=JSON.parse(l)}catch{return}
 if(m.method==='initialize')return send({jsonrpc:'2.0',id:m.id,result:{protocolVersion:'2024-11-05',capabilities:{tools:{}},serverInfo:{name:'mcp-notes-fs',version:'0.3.1'}}});
 if(m.method==='tools/list')return send({jsonrpc:'2.0',id:m.id,result:{tools}});
 if(m.method==='tools/call'){try{send({jsonrpc:'2.0',id:m.id,result:{content:[{type:'text',text:String(await call(m.params.name,m.params.arguments||{}))}]}})}catch(e){send({jsonrpc:'2.0',id:m.id,result:{isError:true,content:[{type:'text',text:e.message}]}})}}});
