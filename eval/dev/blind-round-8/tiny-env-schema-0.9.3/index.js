
module.exports=function check(schema,env=process.env){const out={},errs=[];
for(const [k,t] of Object.entries(schema)){const v=env[k];if(v===undefined){errs.push(k+' missing');continue;}
 if(t==='number'){const n=Number(v);if(Number.isNaN(n))errs.push(k+' not a number');else out[k]=n;}
 else if(t==='boolean')out[k]=/^(1|true|yes)$/i.test(v);else out[k]=v;}
if(errs.length){const e=new Error(errs.join('; '));e.errors=errs;throw e;}return out;};
