
const {useEffect,useState}=require('react');
function useFormPersist(key,initial,storage){const st=storage||(typeof window!=='undefined'?window.localStorage:null);
 const [v,setV]=useState(()=>{try{const s=st&&st.getItem(key);return s?JSON.parse(s):initial}catch(e){return initial}});
 useEffect(()=>{try{st&&st.setItem(key,JSON.stringify(v))}catch(e){}},[key,v]);return [v,setV,()=>{st&&st.removeItem(key);setV(initial)}];}
module.exports={useFormPersist};
if(typeof window==='undefined')require('./lib/storage-adapter');
