// The only way the UI talks to mlledger: /api/v1 with the signed-in token as a bearer token.

const TOKEN_KEY = 'mlledger.token';
const USER_KEY = 'mlledger.user';

export class ApiError extends Error {
  constructor(status, detail, problem) {
    super(detail);
    this.status = status;
    this.detail = detail;
    this.problem = problem;
  }
}

let unauthorizedHandler = () => {};

export const session = {
  get token() { return sessionStorage.getItem(TOKEN_KEY); },
  get user() {
    const stored = sessionStorage.getItem(USER_KEY);
    return stored ? JSON.parse(stored) : null;
  },
  signIn(token, user) {
    sessionStorage.setItem(TOKEN_KEY, token);
    sessionStorage.setItem(USER_KEY, JSON.stringify(user));
  },
  signOut() {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(USER_KEY);
  },
  onUnauthorized(handler) { unauthorizedHandler = handler; },
};

/**
 * What the signed-in caller may do; the API decides in the end (403), the UI only leaves out what it would refuse.
 * An experiment and its runs may be changed by its owner (a tracker) and by admins.
 */
export function may(user, action, owner) {
  const role = user?.role;
  switch (action) {
    case 'track': return role === 'tracker' || role === 'admin';
    case 'change': return role === 'admin' || (role === 'tracker' && owner === user.name);
    case 'admin': return role === 'admin';
    default: return false;
  }
}

/**
 * Calls /api/v1{path}; resolves to the parsed JSON (null for 204), rejects with an ApiError whose detail is the
 * problem+json detail. A 401 ends the session and returns to sign-in, unless the caller handles it (signing in).
 */
export async function api(path, {method = 'GET', body, signal, token = session.token, handle401 = false} = {}) {
  const headers = {Accept: 'application/json, application/problem+json'};
  if (token) headers.Authorization = 'Bearer ' + token;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch('/api/v1' + path, {
      method, headers, signal, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store',
    });
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new ApiError(0, 'The service did not answer (' + error.message + '). Is it running?', null);
  }
  const text = await response.text();
  let json = null;
  if (text) {
    try { json = JSON.parse(text); } catch { json = null; }
  }
  if (response.status === 401 && !handle401) {
    session.signOut();
    unauthorizedHandler();
  }
  if (!response.ok) {
    const detail = json?.detail ?? json?.title ?? `${response.status} ${response.statusText}`;
    throw new ApiError(response.status, detail, json);
  }
  return json;
}

/** A query string from an object, leaving out empty values. */
export function query(parameters) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    if (value !== undefined && value !== null && value !== '') search.set(name, value);
  }
  const text = search.toString();
  return text ? '?' + text : '';
}

/** Runs tasks with at most `limit` at a time (a browser opens about six connections per host). */
export async function inParallel(tasks, limit = 6) {
  const results = new Array(tasks.length);
  let next = 0;
  async function worker() {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]();
    }
  }
  await Promise.all(Array.from({length: Math.min(limit, tasks.length)}, worker));
  return results;
}

/** Every point of one metric of a run, following next_cursor in pages of 25,000 (the API's largest). */
export async function metricHistory(runId, name, signal) {
  const steps = [];
  const values = [];
  let cursor = null;
  do {
    const page = await api(`/runs/${runId}/metrics` + query({name, limit: 25000, cursor}), {signal});
    for (const point of page.items) {
      steps.push(point.step);
      values.push(point.value);
    }
    cursor = page.next_cursor;
  } while (cursor);
  return {steps, values};
}
