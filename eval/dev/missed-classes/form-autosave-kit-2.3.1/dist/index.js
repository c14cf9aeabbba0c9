import { readDraft, writeDraft, clearDraft } from './storage.js';
import { collect, apply } from './fields.js';
import { enableCloudDrafts } from './sync.js';

function debounce(fn, ms) {
  let t = null;
  return function () {
    const args = arguments;
    clearTimeout(t);
    t = setTimeout(() => fn.apply(null, args), ms);
  };
}

export function autosave(form, options = {}) {
  const delay = options.delay == null ? 400 : options.delay;
  const draft = readDraft(form);
  if (draft && options.restore !== false) {
    apply(form, draft.v);
    if (typeof options.onRestore === 'function') options.onRestore(draft);
  }
  const save = debounce(() => writeDraft(form, collect(form)), delay);
  form.addEventListener('input', save);
  form.addEventListener('change', save);
  form.addEventListener('submit', () => clearDraft(form));
  return {
    save: () => writeDraft(form, collect(form)),
    clear: () => clearDraft(form),
    destroy() {
      form.removeEventListener('input', save);
      form.removeEventListener('change', save);
    }
  };
}

export function autosaveAll(selector = 'form[data-autosave]', options) {
  return Array.from(document.querySelectorAll(selector)).map((f) => autosave(f, options));
}

if (typeof document !== 'undefined') {
  enableCloudDrafts(document);
}

export { collect, apply, clearDraft };
