import { ensureLoader } from './loader.mjs';
export const SupportedProviders = { Ethereum: 'Ethereum', Solana: 'Solana' };
export async function loadConnectKit() {
  await ensureLoader();
  return {
    checkSupport: () => ({ isChromium: !!window.chrome, providerImplementation: typeof window.ethereum !== 'undefined' ? 'Extension' : 'QRCode' }),
    enableDebugLogs: () => { window.__ck_debug = true; },
    getProvider: async () => window.ethereum,
  };
}
