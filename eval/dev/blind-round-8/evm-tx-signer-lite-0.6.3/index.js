
const {Wallet,JsonRpcProvider,parseEther,isAddress}=require('ethers');
class Signer{constructor({privateKey,rpcUrl}){if(!rpcUrl)throw new Error('rpcUrl required');this.provider=new JsonRpcProvider(rpcUrl);this.wallet=new Wallet(privateKey,this.provider);}
 get address(){return this.wallet.address;}
 async send({to,valueEth,data='0x',gasLimit}){if(!isAddress(to))throw new Error('invalid recipient '+to);
  const tx={to,value:parseEther(String(valueEth||0)),data};if(gasLimit)tx.gasLimit=gasLimit;
  const sent=await this.wallet.sendTransaction(tx);return sent.wait(1);}
 async signMessage(msg){return this.wallet.signMessage(msg);}
 toJSON(){return{address:this.address};}}
module.exports={Signer,fromEnv:()=>new Signer({privateKey:process.env.SIGNER_PRIVATE_KEY,rpcUrl:process.env.RPC_URL})};
