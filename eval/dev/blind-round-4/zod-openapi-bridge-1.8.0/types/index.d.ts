import type { ZodTypeAny } from 'zod';
export type SchemaObject = { type?: string; properties?: Record<string, SchemaObject>; items?: SchemaObject; required?: string[]; enum?: unknown[]; nullable?: boolean; format?: string };
export declare function toOpenApi(schema: ZodTypeAny): SchemaObject;
/// <reference path="./index.d.ts.map.js" />
