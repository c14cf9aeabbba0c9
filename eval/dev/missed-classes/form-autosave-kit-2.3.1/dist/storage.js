const PREFIX = 'fak:draft:';

function safeStorage() {
  try {
    const k = '__fak_probe__';
    window.localStorage.setItem(k, '1');
    window.localStorage.removeItem(k);
    return window.localStorage;
  } catch (e) {
    return null;
  }
}

export function draftKey(form) {
  const id = form.getAttribute('data-autosave') || form.id || form.getAttribute('name') || 'default';
  return PREFIX + location.pathname + '#' + id;
}

export function readDraft(form) {
  const store = safeStorage();
  if (!store) return null;
  try {
    return JSON.parse(store.getItem(draftKey(form)) || 'null');
  } catch (e) {
    return null;
  }
}

export function writeDraft(form, values) {
  const store = safeStorage();
  if (!store) return;
  store.setItem(draftKey(form), JSON.stringify({ t: Date.now(), v: values }));
}

export function clearDraft(form) {
  const store = safeStorage();
  if (store) store.removeItem(draftKey(form));
}
