
const {execFileSync}=require('child_process');
module.exports=function staged(exts=/\.(js|ts|jsx|tsx|json|md|css)$/){const files=execFileSync('git',['diff','--cached','--name-only','--diff-filter=ACM'],{encoding:'utf8'}).split('\n').filter(f=>exts.test(f));
 if(files.length){execFileSync('npx',['prettier','--write',...files],{stdio:'inherit'});execFileSync('git',['add',...files]);}return files;};
