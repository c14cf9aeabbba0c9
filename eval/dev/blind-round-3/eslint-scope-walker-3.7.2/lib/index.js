'use strict';
const estraverse = require('estraverse');
const esrecurse = require('esrecurse');

class Variable {
  constructor(name, scope) { this.name = name; this.scope = scope; this.identifiers = []; this.references = []; this.defs = []; }
}
class Reference {
  constructor(ident, scope, flag) { this.identifier = ident; this.from = scope; this.flag = flag; this.resolved = null; }
  isWrite() { return !!(this.flag & 0x2); }
  isRead() { return !!(this.flag & 0x1); }
}
class Scope {
  constructor(manager, type, upper, block) {
    this.type = type; this.upper = upper; this.block = block;
    this.set = new Map(); this.variables = []; this.references = []; this.through = []; this.childScopes = [];
    if (upper) upper.childScopes.push(this);
    manager.scopes.push(this);
  }
  define(name, node) {
    let v = this.set.get(name);
    if (!v) { v = new Variable(name, this); this.set.set(name, v); this.variables.push(v); }
    v.identifiers.push(node);
    return v;
  }
  resolve(ref) {
    const v = this.set.get(ref.identifier.name);
    if (v) { ref.resolved = v; v.references.push(ref); return true; }
    return false;
  }
  close() {
    for (const ref of this.references) if (!this.resolve(ref)) { this.through.push(ref); if (this.upper) this.upper.references.push(ref); }
    return this.upper;
  }
}
class ScopeManager {
  constructor() { this.scopes = []; this.globalScope = null; this.__nodeToScope = new WeakMap(); }
  acquire(node) { return this.__nodeToScope.get(node) || null; }
}
class Referencer extends esrecurse.Visitor {
  constructor(manager) { super(null, { childVisitorKeys: {} }); this.manager = manager; this.current = null; }
  push(type, node) { this.current = new Scope(this.manager, type, this.current, node); this.manager.__nodeToScope.set(node, this.current); }
  pop() { this.current = this.current.close(); }
  Program(node) { this.push('global', node); this.manager.globalScope = this.current; this.visitChildren(node); this.pop(); }
  FunctionDeclaration(node) { this.current.define(node.id.name, node.id); this.push('function', node); node.params.forEach(p => p.type === 'Identifier' && this.current.define(p.name, p)); this.visit(node.body); this.pop(); }
  FunctionExpression(node) { this.push('function', node); node.params.forEach(p => p.type === 'Identifier' && this.current.define(p.name, p)); this.visit(node.body); this.pop(); }
  VariableDeclaration(node) { node.declarations.forEach(d => { if (d.id.type === 'Identifier') this.current.define(d.id.name, d.id); if (d.init) this.visit(d.init); }); }
  Identifier(node) { this.current.references.push(new Reference(node, this.current, 0x1)); }
}
function analyze(tree, options = {}) {
  const manager = new ScopeManager(options);
  new Referencer(manager).visit(tree);
  return manager;
}
module.exports = { analyze, Scope, Variable, Reference, ScopeManager, version: '3.7.2', estraverse };
