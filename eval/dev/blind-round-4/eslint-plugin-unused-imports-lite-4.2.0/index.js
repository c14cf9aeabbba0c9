'use strict';
const ruleComposer = require('eslint-rule-composer');
const unusedVarsRule = {
  meta: { type: 'problem', fixable: 'code', schema: [] },
  create(context) {
    const sourceCode = context.sourceCode || context.getSourceCode();
    return {
      'Program:exit'(program) {
        const scope = sourceCode.getScope ? sourceCode.getScope(program) : context.getScope();
        for (const v of scope.variables) {
          const def = v.defs[0];
          if (def && def.type === 'ImportBinding' && v.references.length === 0) {
            context.report({ node: def.node, message: `'${v.name}' is imported but never used.` });
          }
        }
      },
    };
  },
};
module.exports = { rules: { 'no-unused-imports': ruleComposer.filterReports(unusedVarsRule, () => true) } };
