const BRANDS = [
  { type: 'visa', pattern: /^4/, gaps: [4, 8, 12], lengths: [16, 18, 19], code: 'CVV' },
  { type: 'mastercard', pattern: /^(5[1-5]|2[2-7])/, gaps: [4, 8, 12], lengths: [16], code: 'CVC' },
  { type: 'amex', pattern: /^3[47]/, gaps: [4, 10], lengths: [15], code: 'CID' },
  { type: 'discover', pattern: /^(6011|65|64[4-9])/, gaps: [4, 8, 12], lengths: [16, 19], code: 'CID' },
  { type: 'jcb', pattern: /^35/, gaps: [4, 8, 12], lengths: [16, 17, 18, 19], code: 'CVV' },
];

export function detectBrand(number) {
  const digits = String(number).replace(/\D/g, '');
  return BRANDS.find((b) => b.pattern.test(digits)) || null;
}

export function luhnCheck(number) {
  const digits = String(number).replace(/\D/g, '');
  let sum = 0, dbl = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (dbl) { d *= 2; if (d > 9) d -= 9; }
    sum += d; dbl = !dbl;
  }
  return digits.length >= 12 && sum % 10 === 0;
}

export function formatNumber(value) {
  const digits = String(value).replace(/\D/g, '');
  const brand = detectBrand(digits);
  const max = brand ? Math.max(...brand.lengths) : 19;
  const gaps = brand ? brand.gaps : [4, 8, 12];
  let out = '';
  for (let i = 0; i < Math.min(digits.length, max); i++) { if (gaps.includes(i)) out += ' '; out += digits[i]; }
  return out;
}

export function formatExpiry(value) {
  const d = String(value).replace(/\D/g, '').slice(0, 4);
  if (d.length === 1 && Number(d) > 1) return '0' + d + ' / ';
  return d.length > 2 ? d.slice(0, 2) + ' / ' + d.slice(2) : d;
}

export function validateExpiry(value, now = new Date()) {
  const m = /^(\d{2})\s*\/\s*(\d{2})$/.exec(value.trim());
  if (!m) return false;
  const month = Number(m[1]), year = 2000 + Number(m[2]);
  if (month < 1 || month > 12) return false;
  return new Date(year, month, 1) > now;
}

export function attach(form, { onChange } = {}) {
  const num = form.querySelector('[autocomplete="cc-number"], [data-card="number"]');
  const exp = form.querySelector('[autocomplete="cc-exp"], [data-card="expiry"]');
  const cvc = form.querySelector('[autocomplete="cc-csc"], [data-card="cvc"]');
  const state = () => ({
    brand: num && (detectBrand(num.value) || {}).type || null,
    numberValid: !!num && luhnCheck(num.value),
    expiryValid: !!exp && validateExpiry(exp.value),
    cvcValid: !!cvc && /^\d{3,4}$/.test(cvc.value),
  });
  const handlers = [];
  const on = (el, fn) => { if (!el) return; el.addEventListener('input', fn); handlers.push(() => el.removeEventListener('input', fn)); };
  on(num, () => { num.value = formatNumber(num.value); num.dataset.brand = state().brand || ''; onChange && onChange(state()); });
  on(exp, () => { exp.value = formatExpiry(exp.value); onChange && onChange(state()); });
  on(cvc, () => { cvc.value = cvc.value.replace(/\D/g, '').slice(0, 4); onChange && onChange(state()); });
  return { state, detach: () => handlers.forEach((h) => h()) };
}
