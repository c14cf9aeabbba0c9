'use strict';
module.exports = {
  meta: {
    type: 'problem',
    fixable: 'code',
    docs: { description: 'disallow unused import specifiers' },
    messages: { unused: "'{{name}}' is imported but never used." },
    schema: [{ type: 'object', properties: { ignore: { type: 'string' } }, additionalProperties: false }]
  },
  create(context) {
    const ignore = context.options[0] && context.options[0].ignore ? new RegExp(context.options[0].ignore) : null;
    const sourceCode = context.sourceCode || context.getSourceCode();
    return {
      'Program:exit'(node) {
        const scope = sourceCode.getScope ? sourceCode.getScope(node) : context.getScope();
        const moduleScope = scope.childScopes.find((s) => s.type === 'module') || scope;
        for (const v of moduleScope.variables) {
          const def = v.defs[0];
          if (!def || def.type !== 'ImportBinding') continue;
          if (v.references.length > 0) continue;
          if (ignore && ignore.test(v.name)) continue;
          const spec = def.node;
          const decl = spec.parent;
          context.report({
            node: spec,
            messageId: 'unused',
            data: { name: v.name },
            fix(fixer) {
              if (decl.specifiers.length === 1) return fixer.remove(decl);
              const tokenAfter = sourceCode.getTokenAfter(spec);
              return tokenAfter && tokenAfter.value === ',' ? fixer.removeRange([spec.range[0], tokenAfter.range[1]]) : fixer.remove(spec);
            }
          });
        }
      }
    };
  }
};
