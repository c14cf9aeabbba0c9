'use strict';
// Minimal OpenAPI 3 request validation (parameters + JSON bodies) for synced routes.
function resolveRef(spec, obj) {
  let cur = obj, guard = 0;
  while (cur && cur.$ref && guard++ < 20) {
    const parts = cur.$ref.replace(/^#\//, '').split('/').map(p => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    cur = parts.reduce((o, k) => (o ? o[k] : undefined), spec);
  }
  return cur;
}

function coerce(value, schema) {
  if (value === undefined || !schema) return value;
  switch (schema.type) {
    case 'integer': { const n = Number(value); return Number.isInteger(n) ? n : value; }
    case 'number': { const n = Number(value); return Number.isNaN(n) ? value : n; }
    case 'boolean': return value === 'true' ? true : value === 'false' ? false : value;
    case 'array': return Array.isArray(value) ? value : String(value).split(',');
    default: return value;
  }
}

function check(spec, schema, value, path, errors) {
  schema = resolveRef(spec, schema);
  if (!schema) return;
  if (value === undefined || value === null) { if (schema.nullable || value === undefined) return; errors.push(`${path} must not be null`); return; }
  if (schema.enum && !schema.enum.includes(value)) errors.push(`${path} must be one of ${schema.enum.join(', ')}`);
  switch (schema.type) {
    case 'string':
      if (typeof value !== 'string') { errors.push(`${path} must be a string`); break; }
      if (schema.minLength != null && value.length < schema.minLength) errors.push(`${path} is shorter than ${schema.minLength}`);
      if (schema.maxLength != null && value.length > schema.maxLength) errors.push(`${path} is longer than ${schema.maxLength}`);
      if (schema.pattern && !new RegExp(schema.pattern, 'u').test(value)) errors.push(`${path} does not match ${schema.pattern}`);
      if (schema.format === 'email' && !/^[^\s@]+@[^\s@]+$/.test(value)) errors.push(`${path} must be an email`);
      if (schema.format === 'date-time' && Number.isNaN(Date.parse(value))) errors.push(`${path} must be a date-time`);
      if (schema.format === 'uuid' && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) errors.push(`${path} must be a uuid`);
      break;
    case 'integer':
    case 'number':
      if (typeof value !== 'number' || (schema.type === 'integer' && !Number.isInteger(value))) { errors.push(`${path} must be ${schema.type === 'integer' ? 'an integer' : 'a number'}`); break; }
      if (schema.minimum != null && value < schema.minimum) errors.push(`${path} must be >= ${schema.minimum}`);
      if (schema.maximum != null && value > schema.maximum) errors.push(`${path} must be <= ${schema.maximum}`);
      break;
    case 'boolean':
      if (typeof value !== 'boolean') errors.push(`${path} must be a boolean`);
      break;
    case 'array':
      if (!Array.isArray(value)) { errors.push(`${path} must be an array`); break; }
      if (schema.minItems != null && value.length < schema.minItems) errors.push(`${path} needs at least ${schema.minItems} items`);
      if (schema.maxItems != null && value.length > schema.maxItems) errors.push(`${path} allows at most ${schema.maxItems} items`);
      value.forEach((v, i) => check(spec, schema.items, v, `${path}[${i}]`, errors));
      break;
    case 'object':
    default:
      if (schema.type === 'object' || schema.properties) {
        if (typeof value !== 'object' || Array.isArray(value)) { errors.push(`${path} must be an object`); break; }
        for (const r of schema.required || []) if (value[r] === undefined) errors.push(`${path}.${r} is required`);
        for (const [k, s] of Object.entries(schema.properties || {})) check(spec, s, value[k], `${path}.${k}`, errors);
        if (schema.additionalProperties === false) for (const k of Object.keys(value)) if (!(schema.properties || {})[k]) errors.push(`${path}.${k} is not allowed`);
      }
  }
  for (const sub of schema.allOf || []) check(spec, sub, value, path, errors);
  if (schema.oneOf) {
    const ok = schema.oneOf.filter(s => { const e = []; check(spec, s, value, path, e); return !e.length; }).length;
    if (ok !== 1) errors.push(`${path} must match exactly one schema (matched ${ok})`);
  }
}

function validator(spec, op, pathItem) {
  const params = [].concat(pathItem.parameters || [], op.parameters || []).map(p => resolveRef(spec, p));
  const body = op.requestBody && resolveRef(spec, op.requestBody);
  const bodySchema = body && body.content && body.content['application/json'] && body.content['application/json'].schema;
  return function validateRequest(req, res, next) {
    const errors = [];
    for (const p of params) {
      const src = p.in === 'path' ? req.params : p.in === 'query' ? req.query : p.in === 'header' ? req.headers : {};
      const key = p.in === 'header' ? p.name.toLowerCase() : p.name;
      const v = coerce(src[key], p.schema);
      if (v === undefined) { if (p.required) errors.push(`${p.in} parameter '${p.name}' is required`); continue; }
      src[key] = v;
      check(spec, p.schema, v, `${p.in}.${p.name}`, errors);
    }
    if (bodySchema) {
      if (req.body === undefined && body.required) errors.push('request body is required');
      else if (req.body !== undefined) check(spec, bodySchema, req.body, 'body', errors);
    }
    if (errors.length) return res.status(400).json({ error: 'ValidationError', details: errors });
    next();
  };
}
module.exports = { validator, resolveRef, check, coerce };
