'use strict';

function isUsed(variable) {
  return variable.references.some((ref) => !ref.init && ref.identifier.parent.type !== 'ImportSpecifier');
}

module.exports = {
  meta: {
    type: 'problem',
    fixable: 'code',
    docs: { description: 'Disallow unused imports', recommended: true },
    schema: [],
    messages: { unused: "'{{name}}' is imported but never used." },
  },
  create(context) {
    const sourceCode = context.sourceCode || context.getSourceCode();
    return {
      'Program:exit'(program) {
        const scope = sourceCode.getScope ? sourceCode.getScope(program) : context.getScope();
        const moduleScope = scope.childScopes.find((s) => s.type === 'module') || scope;
        for (const variable of moduleScope.variables) {
          const def = variable.defs[0];
          if (!def || def.type !== 'ImportBinding' || isUsed(variable)) continue;
          const spec = def.node;
          const decl = spec.parent;
          context.report({
            node: spec,
            messageId: 'unused',
            data: { name: variable.name },
            fix(fixer) {
              if (decl.specifiers.length === 1) return fixer.remove(decl);
              const token = sourceCode.getTokenAfter(spec);
              if (token && token.value === ',') return fixer.removeRange([spec.range[0], token.range[1]]);
              const before = sourceCode.getTokenBefore(spec);
              return fixer.removeRange([before.range[0], spec.range[1]]);
            },
          });
        }
      },
    };
  },
};
