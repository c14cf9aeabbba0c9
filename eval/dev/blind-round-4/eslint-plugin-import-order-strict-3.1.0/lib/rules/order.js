'use strict';
const GROUPS = ['builtin', 'external', 'internal', 'parent', 'sibling', 'index'];
const builtins = new Set(require('module').builtinModules);
function groupOf(src) {
  if (src.startsWith('node:') || builtins.has(src)) return 0;
  if (src.startsWith('@/') || src.startsWith('~/')) return 2;
  if (src.startsWith('../')) return 3;
  if (src === '.' || src === './') return 5;
  if (src.startsWith('./')) return 4;
  return 1;
}
module.exports = {
  meta: { type: 'suggestion', docs: { description: 'enforce import group order' }, schema: [] },
  create(context) {
    let last = -1;
    return {
      ImportDeclaration(node) {
        const g = groupOf(node.source.value);
        if (g < last) context.report({ node, message: `${GROUPS[g]} import should come before ${GROUPS[last]} imports` });
        last = Math.max(last, g);
      },
      'Program:exit'() { last = -1; },
    };
  },
};
