// JSON API client: session cookie is HttpOnly; the CSRF token from /api/session goes in a header on writes.
let csrf = null;

export class ApiError extends Error {
  constructor(status, message) { super(message); this.status = status; }
}

export function setCsrf(token) { csrf = token; }

async function call(method, path, body) {
  const headers = { 'Accept': 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrf) headers['X-CSRF-Token'] = csrf;
  const res = await fetch(path, { method, headers, credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = { error: text }; }
  if (!res.ok) {
    if (res.status === 401 && path !== '/api/login' && path !== '/api/session') window.dispatchEvent(new Event('xuncha:logged-out'));
    throw new ApiError(res.status, (data && data.error) || res.statusText);
  }
  return data;
}

export const api = {
  get: (path) => call('GET', path),
  post: (path, body) => call('POST', path, body ?? {}),
};

/** Evidence URL of a case: unit users must name the case, so always do. */
export function evidenceUrl(url, caseId) {
  return url ? `${url}?case=${caseId}` : null;
}
