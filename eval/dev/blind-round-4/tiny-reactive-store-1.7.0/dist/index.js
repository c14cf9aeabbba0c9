const targetMap = new WeakMap();
const proxyCache = new WeakMap();
let activeEffect = null;
const effectStack = [];
const ITERATE = Symbol('iterate');
const RAW = Symbol('raw');

function track(target, key) {
  if (!activeEffect) return;
  let deps = targetMap.get(target);
  if (!deps) targetMap.set(target, (deps = new Map()));
  let dep = deps.get(key);
  if (!dep) deps.set(key, (dep = new Set()));
  dep.add(activeEffect);
  activeEffect.deps.push(dep);
}

function trigger(target, key) {
  const deps = targetMap.get(target);
  if (!deps) return;
  const run = new Set();
  (deps.get(key) || []).forEach((e) => run.add(e));
  (deps.get(ITERATE) || []).forEach((e) => run.add(e));
  run.forEach((e) => (e.scheduler ? e.scheduler(e) : e()));
}

export function reactive(obj) {
  if (typeof obj !== 'object' || obj === null) return obj;
  if (proxyCache.has(obj)) return proxyCache.get(obj);
  const proxy = new Proxy(obj, {
    get(target, key, receiver) {
      if (key === RAW) return target;
      const value = Reflect.get(target, key, receiver);
      if (typeof key !== 'symbol') track(target, key);
      return typeof value === 'object' && value !== null ? reactive(value) : value;
    },
    set(target, key, value, receiver) {
      const had = Object.prototype.hasOwnProperty.call(target, key);
      const old = target[key];
      const ok = Reflect.set(target, key, value, receiver);
      if (!had) trigger(target, ITERATE);
      if (!Object.is(old, value)) trigger(target, key);
      return ok;
    },
    deleteProperty(target, key) {
      const had = Object.prototype.hasOwnProperty.call(target, key);
      const ok = Reflect.deleteProperty(target, key);
      if (had && ok) { trigger(target, key); trigger(target, ITERATE); }
      return ok;
    },
    has(target, key) { track(target, key); return Reflect.has(target, key); },
    ownKeys(target) { track(target, ITERATE); return Reflect.ownKeys(target); },
  });
  proxyCache.set(obj, proxy);
  return proxy;
}

export function toRaw(p) { return (p && p[RAW]) || p; }

function cleanup(e) { e.deps.forEach((d) => d.delete(e)); e.deps.length = 0; }

export function effect(fn, options = {}) {
  const e = () => {
    cleanup(e);
    activeEffect = e; effectStack.push(e);
    try { return Reflect.apply(fn, undefined, []); }
    finally { effectStack.pop(); activeEffect = effectStack[effectStack.length - 1] || null; }
  };
  e.deps = [];
  e.scheduler = options.scheduler;
  if (!options.lazy) e();
  return e;
}

export function computed(getter) {
  let value, dirty = true;
  const runner = effect(getter, { lazy: true, scheduler: () => { if (!dirty) { dirty = true; trigger(obj, 'value'); } } });
  const obj = { get value() { if (dirty) { value = runner(); dirty = false; } track(obj, 'value'); return value; } };
  return obj;
}

export function watch(source, cb) {
  let old;
  const getter = typeof source === 'function' ? source : () => { const s = source; Reflect.ownKeys(s).forEach((k) => s[k]); return s; };
  const job = () => { const v = runner(); cb(v, old); old = v; };
  const runner = effect(getter, { lazy: true, scheduler: job });
  old = runner();
  return () => cleanup(runner);
}
