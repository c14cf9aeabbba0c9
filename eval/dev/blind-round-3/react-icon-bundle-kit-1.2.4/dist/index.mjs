import { createElement } from 'react';
const registry = new Map();
export function registerIcon(name, paths, viewBox = '0 0 24 24') { registry.set(name, { paths, viewBox }); }
export function Icon({ name, size = 24, color = 'currentColor', ...rest }) {
  const def = registry.get(name);
  if (!def) return null;
  return createElement('svg', { width: size, height: size, viewBox: def.viewBox, fill: color, ...rest }, def.paths.map((d, i) => createElement('path', { key: i, d })));
}
registerIcon('check', ['M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4L9 16.2z']);
registerIcon('close', ['M19 6.4 17.6 5 12 10.6 6.4 5 5 6.4 10.6 12 5 17.6 6.4 19 12 13.4 17.6 19 19 17.6 13.4 12z']);
