import { createElement as h, useMemo, useState } from 'react';

function flatten(route, depth = 0, out = []) {
  out.push({ id: route.id, path: route.fullPath || route.path || '/', depth, hasLoader: !!route.options?.loader });
  for (const child of route.children ? Object.values(route.children) : []) flatten(child, depth + 1, out);
  return out;
}

function Row({ r, active }) {
  return h('div', {
    style: { paddingLeft: 8 + r.depth * 14, fontFamily: 'ui-monospace, monospace', fontSize: 12, color: active ? '#22c55e' : '#e5e7eb', display: 'flex', gap: 8 }
  }, h('span', null, r.path), r.hasLoader ? h('span', { style: { color: '#a78bfa' } }, 'loader') : null);
}

export function RouterDevtools({ router, initialIsOpen = false, position = 'bottom-right' }) {
  const [open, setOpen] = useState(initialIsOpen);
  const rows = useMemo(() => (router?.routeTree ? flatten(router.routeTree) : []), [router]);
  const matches = new Set((router?.state?.matches || []).map((m) => m.routeId));
  const [v, hz] = position.split('-');
  const anchor = { position: 'fixed', [v]: 12, [hz]: 12, zIndex: 99999 };
  if (!open) return h('button', { style: { ...anchor, borderRadius: 999, padding: '6px 10px' }, onClick: () => setOpen(true) }, 'Router');
  return h('div', { style: { ...anchor, width: 420, maxHeight: 360, overflow: 'auto', background: '#111827', borderRadius: 8, padding: 8 } },
    h('div', { style: { display: 'flex', justifyContent: 'space-between', color: '#9ca3af', fontSize: 12 } },
      h('strong', null, `Routes (${rows.length})`), h('button', { onClick: () => setOpen(false) }, '×')),
    rows.map((r) => h(Row, { key: r.id, r, active: matches.has(r.id) })),
    h('pre', { style: { color: '#9ca3af', fontSize: 11 } }, JSON.stringify(router?.state?.location?.search ?? {}, null, 2)));
}

export default RouterDevtools;
