
const stripBom=require('strip-bom-lite');
module.exports=function split(src){src=stripBom(String(src));const m=/^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(src);if(!m)return{data:'',content:src};return{data:m[1],content:src.slice(m[0].length)};};
