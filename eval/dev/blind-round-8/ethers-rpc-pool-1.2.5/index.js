
const {JsonRpcProvider,FallbackProvider}=require('ethers');
module.exports=function pool(urls,opts={}){const ps=urls.map((u,i)=>({provider:new JsonRpcProvider(u),priority:i+1,weight:1,stallTimeout:opts.stallTimeout||1500}));return new FallbackProvider(ps,undefined,{quorum:opts.quorum||1});};
