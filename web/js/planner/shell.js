/*
 * Planner workspace shell (规划工作台): the signed-in user and sign-out, the sidebar tabs, workspace messages, and
 * the bookkeeping of operations (check, save, propose, approve…). The panels import it as `Planner`.
 *
 * Every operation that talks to the service runs through track(op, work): while it runs the page shows it is
 * busy, and when it has finished (including whatever it reloads afterwards) ops.count goes up by one and
 * ops.last says what happened: { op, ok, status, detail }; ops.log keeps the last few, each with its sequence
 * number (seq), because one operation may start another (an approval reloads the parcel being edited). Browser
 * tests wait on these (testHooks.ops) instead of on timers.
 *
 * Tabs announce themselves with the 'planner:panel' document event ({panel, previous}) so each panel can load its
 * data and put its own layers on the map only while it is open.
 */
import { bilingual, escapeHtml } from '../core/format.js';
import { api, me as fetchMe, problemText, signOut } from '../core/http.js';
import { showMessage as show } from '../core/messages.js';
import { Tabs } from '../core/tabs.js';
import { view } from './context.js';

export { problemText };
export { ha, formatDateTime } from '../core/format.js';

// ---------------------------------------------------------------------------------------------
// Operations
// ---------------------------------------------------------------------------------------------

/** How many finished operations ops.log keeps. */
const LOG_SIZE = 50;
export const ops = { count: 0, running: 0, last: null, log: [] };

/**
 * Runs work() as the named operation. work returns {ok, status, detail?} (or an api() result); an exception
 * counts as a failed operation with its message. Resolves to what work returned.
 */
export async function track(op, work) {
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
export async function call(url, options) {
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

export function showMessage(kind, en, zh, link) {
  show(message, kind, en, zh, {
    html: `${link ? ` <a href="${escapeHtml(link.href)}">${bilingual(link.en, link.zh)}</a>` : ''}
      <button type="button" class="link-button message-close" aria-label="Dismiss 关闭">✕</button>`,
  });
  message.classList.add('workspace-message');
  message.querySelector('.message-close').addEventListener('click', hideMessage);
}

export function hideMessage() {
  message.hidden = true;
  message.textContent = '';
}

// ---------------------------------------------------------------------------------------------
// Tabs
// ---------------------------------------------------------------------------------------------

const tabs = new Tabs({
  tablist: '.planner-tabs [role="tab"]',
  app: document.querySelector('.planner-app'),
  fallback: 'parcel',
  // The budget chart, the inquiries and the supervision sheet read better with a wider sidebar.
  wide: new Set(['budget', 'inquiries', 'supervision']),
  event: 'planner:panel',
  map: () => view.map,
});

export function activate(panel, options) {
  return tabs.activate(panel, options);
}

export const panel = () => tabs.current;

// ---------------------------------------------------------------------------------------------
// The user
// ---------------------------------------------------------------------------------------------

const ROLES = { admin: { en: 'Administrator', zh: '管理员' }, planner: { en: 'Planner', zh: '规划人员' }, investor: { en: 'Investor', zh: '投资者' } };

/** Who is signed in ({signedIn, username, role, planner}), once the service has said. */
export const me = fetchMe().then((who) => {
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
  // Admins manage the accounts on their own page.
  document.getElementById('link-admin').hidden = who.role !== 'admin';
  return who;
});

document.getElementById('sign-out').addEventListener('click', (event) => {
  event.currentTarget.disabled = true;
  signOut('/login.html?logout');
});
