// JSON API client: session cookie is HttpOnly; the CSRF token from /api/session goes in a header on writes.
let csrf = null;
// bumped on every login and logout: a late 401 answering an earlier session's request must not end the current one
let generation = 0;

export class ApiError extends Error {
  constructor(status, message) { super(message); this.status = status; }
}

/** A session began (login, reload, language switch): its CSRF token goes on writes from now on. */
export function beginSession(token) { csrf = token; generation++; }

/** The session ended here: replies to requests still in flight no longer speak for the user. */
export function endSession() { csrf = null; generation++; }

async function call(method, path, body) {
  const headers = { 'Accept': 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrf) headers['X-CSRF-Token'] = csrf;
  const mine = generation;
  const res = await fetch(path, { method, headers, credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = { error: text }; }
  if (!res.ok) {
    if (res.status === 401 && mine === generation && path !== '/api/login' && path !== '/api/session') window.dispatchEvent(new Event('xuncha:logged-out'));
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
