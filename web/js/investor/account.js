/*
 * Who is looking at the public map (账户): anonymous visitors get a discreet "Sign in 登录" link;
 * signed-in users see their name, a sign-out button and, for planners, the way to the planner
 * workspace and the "Audit 规划审计" tab, which needs a planner (the audit shows planner-only data).
 *
 * Announces the answer with the 'account:known' document event ({signedIn, username, role, planner});
 * tabs.js opens the audit a link asked for on it. Test hooks: <html data-account-known="true"> once it is in;
 * account.who (the answer) in the page's testHooks.
 */
import { me, signOut } from '../core/http.js';

const box = document.getElementById('account');
const auditTab = document.getElementById('tab-audit');

function text(tag, className, content) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.textContent = content;
  return node;
}

function render(who) {
  box.replaceChildren();
  if (!who.signedIn) {
    const link = document.createElement('a');
    link.href = '/login.html';
    link.id = 'sign-in-link';
    link.className = 'account-link';
    link.append('Sign in ', text('span', 'zh', '登录'));
    box.append(link);
    return;
  }
  box.append(text('span', 'account-name', who.username));
  if (who.planner) {
    const workspace = document.createElement('a');
    workspace.href = '/planner.html';
    workspace.id = 'planner-link';
    workspace.className = 'account-link';
    workspace.append('Planner workspace ', text('span', 'zh', '规划工作台'));
    box.append(workspace);
  }
  const out = document.createElement('button');
  out.type = 'button';
  out.id = 'sign-out';
  out.className = 'account-button';
  out.append('Sign out ', text('span', 'zh', '退出'));
  out.addEventListener('click', () => {
    out.disabled = true;
    signOut('/');
  });
  box.append(out);
}

/** Test hooks (see the top of this file). */
export const account = { who: null };

/** Asks the service who is looking, then shows it. */
export function initAccount() {
  document.documentElement.dataset.accountKnown = 'false';
  me().then((who) => {
    account.who = who;
    render(who);
    auditTab.hidden = !who.planner;
    document.documentElement.dataset.accountKnown = 'true';
    document.dispatchEvent(new CustomEvent('account:known', { detail: who }));
  });
}
