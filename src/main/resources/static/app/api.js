// The one way the pages talk to the API: JSON in and out, problem+json refusals as words, and the CSRF token that
// the accounts branch's csrf.spa() puts in the XSRF-TOKEN cookie, sent back as X-XSRF-TOKEN on every write.

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `The server answered ${status}.`);
    this.status = status;
    this.problem = problem;
  }
}

function csrfToken() {
  const cookie = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : null;
}

export async function request(method, path, body, contentType = 'application/json') {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (method !== 'GET' && method !== 'HEAD') {
    const token = csrfToken();
    if (token) headers['X-XSRF-TOKEN'] = token;
  }
  let payload;
  if (body instanceof URLSearchParams) {
    payload = body;
  } else if (body !== undefined) {
    headers['Content-Type'] = contentType;
    payload = JSON.stringify(body);
  }
  const response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

export const get = path => request('GET', path);
export const post = (path, body) => request('POST', path, body);

export async function signIn(username, password) {
  // A GET first, so the XSRF-TOKEN cookie exists before the form's POST.
  await fetch('/api/accounts/me', { credentials: 'same-origin' });
  return request('POST', '/login', new URLSearchParams({ username, password }));
}

export const signOut = () => request('POST', '/logout');
