import type { RequestHandler } from "express";
export declare class ValidationError extends Error { path: string; expected: string; }
export type Rule = string | { type: string; optional?: boolean; shape?: Record<string, Rule>; check?: (v: unknown) => boolean };
export interface Options { rolling?: boolean; maxAgeMs?: number; refreshBeforeMs?: number; strict?: boolean; }
export declare function sessionValidator(shape: Record<string, Rule>, options?: Options): RequestHandler;
