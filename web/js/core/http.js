/*
 * Talking to the service: the CSRF header, problem details (RFC 9457), GeoJSON reads and small collections.
 *
 * Sign-in keeps a session cookie; every state-changing request that rides on it must prove it comes from one of
 * our pages. The service puts a CSRF token in the XSRF-TOKEN cookie with every page and /api/me, and accepts it
 * back in the X-XSRF-TOKEN header (Spring Security's csrf.spa(): the raw cookie value is accepted in the header
 * only, a _csrf form field is not enough). So every POST/PUT/PATCH/DELETE goes through api(), which adds that
 * header and X-Requested-With, and reads problem details on failure.
 */

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** The service caps a page at 1000 features; larger collections are read page by page. */
export const PAGE_SIZE = 1000;

export function csrfToken() {
  const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
  return match && match[1] ? decodeURIComponent(match[1]) : null;
}

/** The token, fetching one first if this page has none yet (/api/me sets the cookie). */
export async function ensureCsrfToken() {
  let token = csrfToken();
  if (!token) {
    await fetch('/api/me', { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    token = csrfToken();
  }
  return token;
}

/**
 * One call to the service. options: method, json (a value sent as JSON), body, headers, ifMatch, signal.
 * Never throws for an HTTP status: the caller reads { ok, status, data, etag, location, headers }, data being
 * the parsed JSON body (a problem detail on failure) or null. A network failure or an abort still throws.
 */
export async function api(url, options = {}) {
  const method = (options.method || 'GET').toUpperCase();
  const headers = {
    Accept: 'application/json, application/geo+json;q=0.9, application/problem+json;q=0.8',
    // Tells the security layer this is a script, not a page navigation: it answers 401 rather than
    // redirecting to the sign-in page.
    'X-Requested-With': 'XMLHttpRequest',
    ...(options.headers || {}),
  };
  let { body } = options;
  if (!SAFE_METHODS.has(method)) {
    const token = await ensureCsrfToken();
    if (token) headers['X-XSRF-TOKEN'] = token;
  }
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.json);
  }
  if (options.ifMatch) headers['If-Match'] = options.ifMatch;
  const response = await fetch(url, { method, headers, body, credentials: 'same-origin', signal: options.signal });
  const type = response.headers.get('Content-Type') || '';
  const data = /json/i.test(type) ? await response.json().catch(() => null) : null;
  return {
    ok: response.ok,
    status: response.status,
    data,
    etag: response.headers.get('ETag'),
    location: response.headers.get('Location'),
    headers: response.headers,
  };
}

/** A one-line explanation of a failed call, from its problem detail when there is one. */
export function problemText(result) {
  const problem = result && result.data;
  if (problem && (problem.detail || problem.title)) return String(problem.detail || problem.title);
  if (result && result.status === 401) return 'Your session has ended: sign in again.';
  if (result && result.status === 403) return 'Your account may not do this.';
  return result ? `HTTP ${result.status}` : 'no answer';
}

/** A read that must succeed: the JSON body, or an Error naming the URL and the status. */
export async function getJson(url, { signal, call = api } = {}) {
  const result = await call(url, { signal, headers: { Accept: 'application/geo+json, application/json;q=0.9' } });
  if (!result.ok || !result.data) throw new Error(`${url} answered HTTP ${result.status}`);
  return result.data;
}

/** Optional extras: the page still works, with less information, if these fail. */
export async function getOptional(url, fallback) {
  try {
    return await getJson(url);
  } catch (error) {
    console.warn(`Optional ${url} unavailable:`, error);
    return fallback;
  }
}

/** True when an OGC API page says another follows (its `next` link) and was not empty. */
export function hasNextPage(page) {
  const returned = page.numberReturned ?? (page.features || []).length;
  return returned > 0 && (page.links || []).some((link) => link.rel === 'next');
}

/**
 * Every feature of a small OGC API collection (the valley, zones, constraints, roads; never the parcels, which are
 * read by bbox). Pages are requested by offset rather than by following the `next` link's href, because that
 * href is absolute and would break behind a reverse proxy that rewrites the host; the `next` link only tells
 * whether another page exists.
 */
export async function fetchCollection(id, options) {
  const features = [];
  for (let offset = 0; ; offset += PAGE_SIZE) {
    const page = await getJson(`/ogc/collections/${encodeURIComponent(id)}/items?limit=${PAGE_SIZE}&offset=${offset}`, options);
    features.push(...(page.features || []));
    if (!hasNextPage(page)) break;
  }
  return features;
}

/** {signedIn, username?, role?, planner?}; anonymous when the service cannot be asked. */
export async function me() {
  try {
    const result = await api('/api/me');
    return result.ok && result.data ? result.data : { signedIn: false };
  } catch {
    return { signedIn: false };
  }
}

/** Ends the session on the server (POST /logout with the CSRF token), then goes to `next`. */
export async function signOut(next = '/login.html?logout') {
  try {
    await api('/logout', { method: 'POST' });
  } finally {
    window.location.assign(next);
  }
}
