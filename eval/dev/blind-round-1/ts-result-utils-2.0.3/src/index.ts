export type Result<T, E> = Ok<T> | Err<E>;
export interface Ok<T> { readonly ok: true; readonly value: T; }
export interface Err<E> { readonly ok: false; readonly error: E; }

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
export const err = <E>(error: E): Err<E> => ({ ok: false, error });

export function map<T, U, E>(r: Result<T, E>, f: (t: T) => U): Result<U, E> {
  return r.ok ? ok(f(r.value)) : r;
}

export function andThen<T, U, E>(r: Result<T, E>, f: (t: T) => Result<U, E>): Result<U, E> {
  return r.ok ? f(r.value) : r;
}

export function unwrapOr<T, E>(r: Result<T, E>, fallback: T): T {
  return r.ok ? r.value : fallback;
}

export function match<T, E, R>(r: Result<T, E>, arms: { ok: (t: T) => R; err: (e: E) => R }): R {
  return r.ok ? arms.ok(r.value) : arms.err(r.error);
}

export async function fromPromise<T, E = unknown>(p: Promise<T>): Promise<Result<T, E>> {
  try { return ok(await p); } catch (e) { return err(e as E); }
}

export function tryCatch<T, E = unknown>(f: () => T): Result<T, E> {
  try { return ok(f()); } catch (e) { return err(e as E); }
}
