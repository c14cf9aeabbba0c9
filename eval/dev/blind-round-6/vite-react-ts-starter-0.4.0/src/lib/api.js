// fetch wrapper with JSON, timeout and typed errors.
export class HttpError extends Error {
  constructor(status, body) { super(`HTTP ${status}`); this.status = status; this.body = body; }
}

export async function request(path, { method = "GET", body, timeout = 8000, headers = {} } = {}) {
  const ctl = new AbortController();
  const t = setTimeout(() => ctl.abort(), timeout);
  try {
    const res = await fetch((import.meta.env?.VITE_API_URL || "/api") + path, {
      method, signal: ctl.signal, headers: { accept: "application/json", ...(body ? { "content-type": "application/json" } : {}), ...headers },
      body: body ? JSON.stringify(body) : undefined
    });
    const text = await res.text();
    const data = text ? JSON.parse(text) : null;
    if (!res.ok) throw new HttpError(res.status, data);
    return data;
  } finally { clearTimeout(t); }
}

export const get = (p, o) => request(p, o);
export const post = (p, body, o) => request(p, { ...o, method: "POST", body });
