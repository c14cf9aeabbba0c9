'use strict';
module.exports = {
  rules: {
    'import-groups': {
      meta: { type: 'layout', fixable: 'code', schema: [], docs: { description: 'Group imports: builtin, external, internal' } },
      create(context) {
        const order = ['builtin', 'external', 'internal'];
        const builtins = new Set(require('module').builtinModules);
        const kind = src => builtins.has(src.replace(/^node:/, '')) ? 'builtin' : (src.startsWith('.') ? 'internal' : 'external');
        let last = -1;
        return {
          ImportDeclaration(node) {
            const k = order.indexOf(kind(node.source.value));
            if (k < last) context.report({ node, message: `'${node.source.value}' should come before ${order[last]} imports` });
            last = Math.max(last, k);
          }
        };
      }
    },
    'jsx-one-prop-per-line': {
      meta: { type: 'layout', schema: [] },
      create(context) {
        return {
          JSXOpeningElement(node) {
            if (node.attributes.length < 3) return;
            const lines = new Set(node.attributes.map(a => a.loc.start.line));
            if (lines.size !== node.attributes.length) context.report({ node, message: 'Put each JSX prop on its own line when there are 3 or more' });
          }
        };
      }
    }
  },
  configs: { recommended: { plugins: ['layout-tidy'], rules: { 'layout-tidy/import-groups': 'warn', 'layout-tidy/jsx-one-prop-per-line': 'warn' } } }
};
