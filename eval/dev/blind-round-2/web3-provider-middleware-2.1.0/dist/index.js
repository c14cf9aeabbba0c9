export function compose(middlewares, terminal) {
  return middlewares.reduceRight((next, mw) => (args) => mw(args, next), terminal);
}

export function logger({ log = console.debug } = {}) {
  return async (args, next) => {
    const t = performance.now();
    try { const r = await next(args); log(`[eip1193] ${args.method} ok ${(performance.now() - t).toFixed(0)}ms`); return r; }
    catch (e) { log(`[eip1193] ${args.method} failed: ${e && e.message}`); throw e; }
  };
}

export function chainIdCache() {
  let cached = null;
  return async (args, next) => {
    if (args.method === 'eth_chainId') return cached || (cached = await next(args));
    if (args.method === 'wallet_switchEthereumChain') cached = null;
    return next(args);
  };
}

export function requireChain(chainIdHex, { addParams } = {}) {
  return async (args, next) => {
    if (args.method === 'eth_sendTransaction' || args.method.startsWith('eth_signTypedData')) {
      const current = await next({ method: 'eth_chainId' });
      if (current !== chainIdHex) {
        try { await next({ method: 'wallet_switchEthereumChain', params: [{ chainId: chainIdHex }] }); }
        catch (e) { if (e && e.code === 4902 && addParams) await next({ method: 'wallet_addEthereumChain', params: [addParams] }); else throw e; }
      }
    }
    return next(args);
  };
}

export function defaultFrom() {
  let account = null;
  return async (args, next) => {
    if (args.method === 'eth_requestAccounts' || args.method === 'eth_accounts') {
      const accts = await next(args); account = accts && accts[0]; return accts;
    }
    if (args.method === 'eth_sendTransaction' && args.params && args.params[0] && !args.params[0].from && account) {
      return next({ ...args, params: [{ ...args.params[0], from: account }, ...args.params.slice(1)] });
    }
    return next(args);
  };
}

export function confirmHook(onConfirm) {
  return async (args, next) => {
    if (args.method === 'eth_sendTransaction' && !(await onConfirm(args.params[0]))) {
      const err = new Error('User rejected the request.'); err.code = 4001; throw err;
    }
    return next(args);
  };
}

export function wrapProvider(provider, middlewares) {
  const original = provider.request.bind(provider);
  const run = compose(middlewares, (args) => original(args));
  return new Proxy(provider, {
    get(target, prop, recv) {
      if (prop === 'request') return (args) => run(args);
      if (prop === '__unwrapped') return target;
      return Reflect.get(target, prop, recv);
    },
  });
}

export function installOnWindow(middlewares, w = window) {
  if (w.ethereum && !w.ethereum.__unwrapped) w.ethereum = wrapProvider(w.ethereum, middlewares);
  const providers = [];
  w.addEventListener('eip6963:announceProvider', (e) => {
    const detail = e.detail;
    providers.push({ info: detail.info, provider: wrapProvider(detail.provider, middlewares) });
  });
  w.dispatchEvent(new Event('eip6963:requestProvider'));
  return providers;
}
