
const {execFileSync}=require('child_process');
module.exports=function changed(base){base=base||process.env.GITHUB_BASE_REF&&('origin/'+process.env.GITHUB_BASE_REF)||process.env.CI_MERGE_REQUEST_DIFF_BASE_SHA||'HEAD~1';
 return execFileSync('git',['diff','--name-only',base+'...HEAD'],{encoding:'utf8'}).split('\n').filter(Boolean);};
