import { autosize } from './autosize.js';
import { shortcuts } from './shortcuts.js';
import { drafts } from './drafts.js';

export function enhance(el, opts = {}) {
  const offs = [autosize(el, opts), shortcuts(el)];
  const d = opts.autosave === false ? null : drafts(el, opts.draftKey);
  return { clearDraft: () => d && d.clear(), destroy: () => { offs.forEach((f) => f()); d && d.dispose(); } };
}
export { autosize, shortcuts, drafts };
