import { Handler } from 'express';
declare function middleware(options?: { replaceWith?: string; onSanitize?: (p: { req: any; key: string }) => void; allowDots?: boolean }): Handler;
declare namespace middleware { function sanitize<T>(t: T, o?: object): T; function has(t: unknown, allowDots?: boolean): boolean; }
export = middleware;
