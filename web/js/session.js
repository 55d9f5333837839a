/*
 * The browser session (会话): who is signed in, CSRF, and fetch() for state-changing calls.
 *
 * Sign-in keeps a session cookie; every state-changing request that rides on it must prove it comes
 * from one of our pages. The service puts a CSRF token in the XSRF-TOKEN cookie with every page and /api/me, and
 * accepts it back in the X-XSRF-TOKEN header (Spring Security's csrf.spa(): the raw cookie value is
 * accepted in the header only, a _csrf form field is not enough). So every POST/PUT/PATCH/DELETE
 * here goes through api(), which adds that header and X-Requested-With, and reads problem details
 * (RFC 9457) on failure.
 *
 * Exposes window.ValleySession = { api, me, signOut, csrfToken, ensureCsrfToken, problemText }.
 */
(function () {
  'use strict';

  const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

  function csrfToken() {
    const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
    return match && match[1] ? decodeURIComponent(match[1]) : null;
  }

  /** The token, fetching one first if this page has none yet (/api/me sets the cookie). */
  async function ensureCsrfToken() {
    let token = csrfToken();
    if (!token) {
      await fetch('/api/me', { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
      token = csrfToken();
    }
    return token;
  }

  /**
   * One call to the service. options: method, json (a value sent as JSON), body, headers, ifMatch.
   * Never throws for an HTTP status: the caller reads { ok, status, data, etag, location }.
   * data is the parsed JSON body (a problem detail on failure) or null.
   */
  async function api(url, options = {}) {
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
    const response = await fetch(url, { method, headers, body, credentials: 'same-origin' });
    const type = response.headers.get('Content-Type') || '';
    const data = /json/i.test(type) ? await response.json().catch(() => null) : null;
    return {
      ok: response.ok,
      status: response.status,
      data,
      etag: response.headers.get('ETag'),
      location: response.headers.get('Location'),
    };
  }

  /** A one-line explanation of a failed call, from its problem detail when there is one. */
  function problemText(result) {
    const problem = result && result.data;
    if (problem && (problem.detail || problem.title)) return String(problem.detail || problem.title);
    if (result && result.status === 401) return 'Your session has ended: sign in again.';
    if (result && result.status === 403) return 'Your account may not do this.';
    return result ? `HTTP ${result.status}` : 'no answer';
  }

  /** {signedIn, username?, role?, planner?}; anonymous when the service cannot be asked. */
  async function me() {
    try {
      const result = await api('/api/me');
      return result.ok && result.data ? result.data : { signedIn: false };
    } catch (error) {
      return { signedIn: false };
    }
  }

  /** Ends the session on the server (POST /logout with the CSRF token), then goes to `next`. */
  async function signOut(next = '/login.html?logout') {
    try {
      await api('/logout', { method: 'POST' });
    } finally {
      window.location.assign(next);
    }
  }

  window.ValleySession = { api, me, signOut, csrfToken, ensureCsrfToken, problemText };
})();
