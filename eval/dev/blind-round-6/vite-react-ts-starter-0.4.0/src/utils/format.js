export const currency = (n, c = "USD", l = "en-US") => new Intl.NumberFormat(l, { style: "currency", currency: c }).format(n);
export const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;
export const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));
