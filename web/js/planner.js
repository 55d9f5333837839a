/*
 * Planner workspace shell (规划工作台): the signed-in user and sign-out, the sidebar tabs, workspace
 * messages, and the bookkeeping of operations (check, save, propose, approve…).
 *
 * Every operation that talks to the service runs through Planner.track(op, work): while it runs the
 * page shows it is busy, and when it has finished (including whatever it reloads afterwards)
 * window.plannerOps.count goes up by one and window.plannerOps.last says what happened:
 * { op, ok, status, detail }; window.plannerOps.log keeps the last few, each with its sequence number
 * (seq), because one operation may start another (an approval reloads the parcel being edited).
 * Browser tests wait on these instead of on timers.
 *
 * Tabs announce themselves with the 'planner:panel' document event ({panel, previous}) so each panel
 * can load its data and put its own layers on the map only while it is open.
 *
 * Exposes window.Planner = { track, call, activate, panel, showMessage, hideMessage, me, ha, formatDateTime }.
 */
(function () {
  'use strict';

  const { bilingual, escapeHtml, formatNumber } = window.ValleyFindings;
  const { api, me: fetchMe, signOut, problemText } = window.ValleySession;

  // ---------------------------------------------------------------------------------------------
  // Operations
  // ---------------------------------------------------------------------------------------------

  /** How many finished operations plannerOps.log keeps. */
  const LOG_SIZE = 50;
  const ops = { count: 0, running: 0, last: null, log: [] };
  window.plannerOps = ops;

  /**
   * Runs work() as the named operation. work returns {ok, status, detail?} (or an api() result); an
   * exception counts as a failed operation with its message. Resolves to what work returned.
   */
  async function track(op, work) {
    ops.running += 1;
    document.body.dataset.busy = 'true';
    let outcome;
    try {
      outcome = await work();
      ops.last = {
        op,
        ok: Boolean(outcome && outcome.ok),
        status: outcome && outcome.status !== undefined ? outcome.status : null,
        detail: outcome && outcome.detail !== undefined ? outcome.detail : (outcome && !outcome.ok ? problemText(outcome) : null),
      };
      return outcome;
    } catch (error) {
      console.error(`${op} failed`, error);
      ops.last = { op, ok: false, status: null, detail: String(error && error.message ? error.message : error) };
      showMessage('error', `Something went wrong: ${ops.last.detail}`, '操作失败，请重试。');
      return { ok: false, status: null, detail: ops.last.detail };
    } finally {
      ops.running -= 1;
      if (ops.running === 0) delete document.body.dataset.busy;
      ops.count += 1;
      if (ops.last) {
        ops.last.seq = ops.count;
        ops.log.push(ops.last);
        if (ops.log.length > LOG_SIZE) ops.log.shift();
      }
    }
  }

  /** api(), plus the one failure every panel treats alike: a session that has ended. */
  async function call(url, options) {
    const result = await api(url, options);
    if (result.status === 401) {
      showMessage('error', 'Your session has ended. Sign in again to continue; unsaved changes stay on this page.',
        '登录已失效，请重新登录。', { href: '/login.html', en: 'Sign in', zh: '登录' });
    }
    return result;
  }

  // ---------------------------------------------------------------------------------------------
  // Workspace message (above the panels)
  // ---------------------------------------------------------------------------------------------

  const message = document.getElementById('workspace-message');

  function showMessage(kind, en, zh, link) {
    message.hidden = false;
    message.className = `message workspace-message message-${kind}`;
    message.dataset.kind = kind;
    message.innerHTML = `${bilingual(en, zh)}${link ? ` <a href="${escapeHtml(link.href)}">${bilingual(link.en, link.zh)}</a>` : ''}
      <button type="button" class="link-button message-close" aria-label="Dismiss 关闭">✕</button>`;
    message.querySelector('.message-close').addEventListener('click', hideMessage);
  }

  function hideMessage() {
    message.hidden = true;
    message.textContent = '';
  }

  // ---------------------------------------------------------------------------------------------
  // Tabs
  // ---------------------------------------------------------------------------------------------

  const PANELS = ['parcel', 'allocations', 'history', 'budget', 'inquiries'];
  /** The budget chart and the inquiries read better with a wider sidebar. */
  const WIDE = new Set(['budget', 'inquiries']);
  const tabs = [...document.querySelectorAll('.planner-tabs [role="tab"]')];
  const app = document.querySelector('.planner-app');
  let current = 'parcel';

  function activate(panel, { focus = false } = {}) {
    const next = PANELS.includes(panel) ? panel : 'parcel';
    const previous = current;
    current = next;
    tabs.forEach((tab) => {
      const selected = tab.dataset.panel === next;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      document.getElementById(tab.getAttribute('aria-controls')).hidden = !selected;
      if (selected && focus) tab.focus();
    });
    app.dataset.panel = next;
    const wasWide = app.classList.contains('sidebar-wide');
    app.classList.toggle('sidebar-wide', WIDE.has(next));
    if (wasWide !== WIDE.has(next) && window.plannerMap) window.plannerMap.map.invalidateSize({ animate: false });
    document.dispatchEvent(new CustomEvent('planner:panel', { detail: { panel: next, previous } }));
  }

  tabs.forEach((tab, index) => {
    tab.addEventListener('click', () => activate(tab.dataset.panel));
    tab.addEventListener('keydown', (event) => {
      const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
      if (!step) return;
      event.preventDefault();
      activate(tabs[(index + step + tabs.length) % tabs.length].dataset.panel, { focus: true });
    });
  });

  // ---------------------------------------------------------------------------------------------
  // The user
  // ---------------------------------------------------------------------------------------------

  const ROLES = { admin: { en: 'Administrator', zh: '管理员' }, planner: { en: 'Planner', zh: '规划人员' }, investor: { en: 'Investor', zh: '投资者' } };

  const mePromise = fetchMe().then((who) => {
    const name = document.getElementById('user-name');
    const role = document.getElementById('user-role');
    if (!who.signedIn) {
      // The page itself needs a planner, so this means the session ended while it loaded.
      window.location.assign('/login.html');
      return who;
    }
    name.textContent = who.username;
    const names = ROLES[who.role] || { en: who.role, zh: '' };
    role.innerHTML = bilingual(names.en, names.zh);
    role.dataset.role = who.role;
    return who;
  });

  document.getElementById('sign-out').addEventListener('click', (event) => {
    event.currentTarget.disabled = true;
    signOut('/login.html?logout');
  });

  // ---------------------------------------------------------------------------------------------
  // Formatting shared by the panels
  // ---------------------------------------------------------------------------------------------

  const ha = (m2) => (m2 === null || m2 === undefined ? '—' : formatNumber(m2 / 10000, 2, 2));

  /** "30 Nov 2026, 14:05" in the browser's time zone; the raw ISO instant stays in a title. */
  function formatDateTime(iso) {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return String(iso || '');
    return date.toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  }

  window.Planner = {
    track, call, activate, showMessage, hideMessage, problemText, ha, formatDateTime,
    me: mePromise,
    get panel() { return current; },
  };
})();
