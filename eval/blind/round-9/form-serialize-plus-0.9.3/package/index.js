'use strict';
const SKIP = /^(?:submit|button|image|reset|file)$/i;
const CHECKABLE = /^(?:checkbox|radio)$/i;
function fields(form) { return Array.prototype.slice.call(form.elements || form.querySelectorAll('input,select,textarea')); }
/**
 * serialize(form, { hash: true, empty: false, exclude: ['password'] })
 * Note: password and card inputs are included only if the caller does not exclude them,
 * mirroring the behaviour of jQuery.serialize(); use `exclude` for logging/analytics use-cases.
 */
function serialize(form, opts) {
  opts = Object.assign({ hash: true, empty: false, exclude: [] }, opts);
  const out = opts.hash ? {} : [];
  for (const el of fields(form)) {
    if (!el.name || el.disabled || SKIP.test(el.type)) continue;
    if (opts.exclude.includes(el.name) || opts.exclude.includes(el.type)) continue;
    if (CHECKABLE.test(el.type) && !el.checked) continue;
    const values = el.type === 'select-multiple' ? Array.from(el.options).filter(o => o.selected).map(o => o.value) : [el.value];
    for (const v of values) {
      if (!v && !opts.empty) continue;
      if (opts.hash) {
        if (el.name.endsWith('[]')) (out[el.name.slice(0, -2)] = out[el.name.slice(0, -2)] || []).push(v);
        else out[el.name] = v;
      } else out.push(encodeURIComponent(el.name) + '=' + encodeURIComponent(v).replace(/%20/g, '+'));
    }
  }
  return opts.hash ? out : out.join('&');
}
function toFormData(form, opts) { const fd = new FormData(); const o = serialize(form, Object.assign({}, opts, { hash: true })); for (const [k, v] of Object.entries(o)) [].concat(v).forEach(x => fd.append(k, x)); return fd; }
module.exports = { serialize, toFormData };
