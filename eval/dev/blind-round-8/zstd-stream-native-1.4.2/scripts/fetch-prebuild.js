
const https=require('https'),fs=require('fs'),path=require('path'),crypto=require('crypto');
const pkg=require('../package.json');const target=process.platform+'-'+process.arch;
const sums=require('./checksums.json');
if(process.env.ZSTD_NATIVE_BUILD_FROM_SOURCE){console.log('building from source');process.exit(1);}
const url=(process.env.ZSTD_NATIVE_BINARY_HOST||pkg.binary.host)+'/v'+pkg.version+'/zstd-'+target+'.node';
const dir=path.join(__dirname,'..','prebuilds',target);fs.mkdirSync(dir,{recursive:true});
function get(u,n=0){https.get(u,res=>{if(res.statusCode>=300&&res.statusCode<400&&res.headers.location&&n<5)return get(res.headers.location,n+1);
 if(res.statusCode!==200){console.error('prebuild not available ('+res.statusCode+'), falling back to source build');process.exit(1);}
 const chunks=[];res.on('data',c=>chunks.push(c));res.on('end',()=>{const buf=Buffer.concat(chunks);const h=crypto.createHash('sha256').update(buf).digest('hex');
  if(sums[target]!==h){console.error('checksum mismatch for '+target);process.exit(1);}fs.writeFileSync(path.join(dir,'zstd.node'),buf);console.log('installed prebuild '+target);});}).on('error',e=>{console.error(e.message);process.exit(1);});}
get(url);
