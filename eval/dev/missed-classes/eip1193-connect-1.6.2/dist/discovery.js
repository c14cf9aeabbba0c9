// EIP-6963 multi-injected-provider discovery with a window.ethereum fallback.
export function discoverProviders(timeout = 400) {
  return new Promise((resolve) => {
    const found = new Map();
    const onAnnounce = (ev) => {
      const { info, provider } = ev.detail || {};
      if (info && provider && !found.has(info.uuid)) found.set(info.uuid, { info, provider });
    };
    window.addEventListener('eip6963:announceProvider', onAnnounce);
    window.dispatchEvent(new Event('eip6963:requestProvider'));
    setTimeout(() => {
      window.removeEventListener('eip6963:announceProvider', onAnnounce);
      const list = Array.from(found.values());
      if (!list.length && window.ethereum) {
        list.push({ info: { uuid: 'injected', name: window.ethereum.isMetaMask ? 'MetaMask' : 'Injected', icon: '', rdns: 'injected' }, provider: window.ethereum });
      }
      resolve(list);
    }, timeout);
  });
}
