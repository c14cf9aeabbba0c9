export type Result<T, E> = Ok<T> | Err<E>;
export interface Ok<T> { readonly ok: true; readonly value: T; }
export interface Err<E> { readonly ok: false; readonly error: E; }
export declare const ok: <T>(value: T) => Ok<T>;
export declare const err: <E>(error: E) => Err<E>;
export declare function map<T, U, E>(r: Result<T, E>, f: (t: T) => U): Result<U, E>;
export declare function andThen<T, U, E>(r: Result<T, E>, f: (t: T) => Result<U, E>): Result<U, E>;
export declare function unwrapOr<T, E>(r: Result<T, E>, fallback: T): T;
export declare function match<T, E, R>(r: Result<T, E>, arms: { ok: (t: T) => R; err: (e: E) => R }): R;
export declare function fromPromise<T, E = unknown>(p: Promise<T>): Promise<Result<T, E>>;
export declare function tryCatch<T, E = unknown>(f: () => T): Result<T, E>;
