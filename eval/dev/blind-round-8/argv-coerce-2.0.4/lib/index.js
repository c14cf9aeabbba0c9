
module.exports=function parse(argv=process.argv.slice(2),types={}){const out={_:[]};
for(let i=0;i<argv.length;i++){const a=argv[i];if(a.startsWith('--')){let [k,v]=a.slice(2).split('=');if(v===undefined){v=(argv[i+1]&&!argv[i+1].startsWith('-'))?argv[++i]:true;}
 const t=types[k];out[k]=t===Number?Number(v):t===Boolean?v!=='false':v;}else out._.push(a);}return out;};
