"use strict";

const Variable = require("./variable");

function isStrictScope(scope, block, isMethodDefinition, useDirective) {
    if (scope.upper && scope.upper.isStrict) return true;
    if (block.type === "ArrowFunctionExpression") return true;
    if (isMethodDefinition) return true;
    if (scope.type === "class" || scope.type === "module") return true;
    if (scope.type === "block" || scope.type === "switch") return false;
    if (!useDirective) return false;
    const body = scope.type === "global" ? block : block.body;
    if (!body || !body.body) return false;
    for (let i = 0; i < body.body.length; ++i) {
        const stmt = body.body[i];
        if (stmt.type !== "ExpressionStatement") break;
        const expr = stmt.expression;
        if (expr.type !== "Literal" || typeof expr.value !== "string") break;
        if (expr.raw != null) {
            if (expr.raw === "\"use strict\"" || expr.raw === "'use strict'") return true;
        } else if (expr.value === "use strict") {
            return true;
        }
    }
    return false;
}

class Scope {
    constructor(scopeManager, type, upperScope, block, isMethodDefinition) {
        this.type = type;
        this.set = new Map();
        this.taints = new Map();
        this.dynamic = this.type === "global" || this.type === "with";
        this.block = block;
        this.through = [];
        this.variables = [];
        this.references = [];
        this.variableScope = (this.type === "global" || this.type === "function" || this.type === "module") ? this : upperScope.variableScope;
        this.functionExpressionScope = false;
        this.directCallToEvalScope = false;
        this.thisFound = false;
        this.__left = [];
        this.upper = upperScope;
        this.isStrict = isStrictScope(this, block, isMethodDefinition, scopeManager.__useDirective());
        this.childScopes = [];
        if (this.upper) this.upper.childScopes.push(this);
        this.__declaredVariables = scopeManager.__declaredVariables;
    }

    __define(node, def) {
        if (node && node.type === "Identifier") {
            let variable = this.set.get(node.name);
            if (!variable) {
                variable = new Variable(node.name, this);
                this.set.set(node.name, variable);
                this.variables.push(variable);
            }
            if (def) {
                variable.defs.push(def);
                if (def.type !== Variable.TDZ) {
                    const vars = this.__declaredVariables.get(def.node) || [];
                    vars.push(variable);
                    this.__declaredVariables.set(def.node, vars);
                }
            }
            variable.identifiers.push(node);
        }
    }

    resolve(ident) {
        for (let i = 0, iz = this.references.length; i < iz; ++i) {
            const ref = this.references[i];
            if (ref.identifier === ident) return ref;
        }
        return null;
    }

    isStatic() { return !this.dynamic; }
    isArgumentsMaterialized() { return true; }
    isThisMaterialized() { return true; }
    isUsedName(name) {
        if (this.set.has(name)) return true;
        for (let i = 0, iz = this.through.length; i < iz; ++i) {
            if (this.through[i].identifier.name === name) return true;
        }
        return false;
    }
}

module.exports = Scope;
