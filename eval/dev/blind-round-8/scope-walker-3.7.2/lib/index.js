
class Scope{constructor(type,upper,block){this.type=type;this.upper=upper;this.block=block;this.variables=new Map();this.through=[];this.childScopes=[];if(upper)upper.childScopes.push(this);}
 declare(name,def){if(!this.variables.has(name))this.variables.set(name,{name,defs:[]});this.variables.get(name).defs.push(def);}
 resolve(name){let s=this;while(s){if(s.variables.has(name))return s.variables.get(name);s=s.upper;}return null;}}
function analyze(ast){const global=new Scope('global',null,ast);const stack=[global];
 (function walk(n){if(!n||typeof n.type!=='string')return;const cur=stack[stack.length-1];
  if(n.type==='VariableDeclarator'&&n.id.type==='Identifier')cur.declare(n.id.name,n);
  if(n.type==='FunctionDeclaration'&&n.id)cur.declare(n.id.name,n);
  const fn=/Function/.test(n.type);if(fn){const s=new Scope('function',cur,n);(n.params||[]).forEach(p=>p.type==='Identifier'&&s.declare(p.name,p));stack.push(s);}
  for(const k of Object.keys(n)){const v=n[k];if(Array.isArray(v))v.forEach(walk);else if(v&&typeof v.type==='string')walk(v);}
  if(fn)stack.pop();})(ast);return{globalScope:global,scopes:[global]};}
module.exports={analyze,Scope};
