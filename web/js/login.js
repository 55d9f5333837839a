/*
 * The sign-in form (登录). It posts the service's form login (POST /login, username and password) with
 * fetch, because the CSRF token must travel in the X-XSRF-TOKEN header (see session.js). The service
 * answers with a redirect, which fetch follows: to /login.html?error when the credentials are wrong,
 * otherwise to the page for the user's role (planners: /planner.html, investors: /), where the
 * browser then goes.
 *
 * Test hooks: <html data-login-state> is 'ready', 'submitting', 'error' or 'done'; the same in testHooks.state.
 */
import { ensureCsrfToken, me } from './core/http.js';

const form = document.getElementById('login-form');
const submit = document.getElementById('login-submit');
const username = document.getElementById('username');
const password = document.getElementById('password');
const error = document.getElementById('login-error');
const signedOut = document.getElementById('login-signed-out');
const problem = document.getElementById('login-problem');

/** Test hooks (see the top of this file). */
export const testHooks = { state: null };

function setState(state) {
  testHooks.state = state;
  document.documentElement.dataset.loginState = state;
}

const params = new URLSearchParams(window.location.search);
error.hidden = !params.has('error');
signedOut.hidden = !params.has('logout');

function showProblem(en, zh) {
  problem.textContent = `${en} `;
  const span = document.createElement('span');
  span.className = 'zh';
  span.textContent = zh;
  problem.appendChild(span);
  problem.hidden = false;
}

async function signIn(event) {
  event.preventDefault();
  if (!username.value.trim() || !password.value) {
    showProblem('Enter your username and password.', '请输入用户名和密码。');
    (username.value.trim() ? password : username).focus();
    return;
  }
  setState('submitting');
  submit.disabled = true;
  error.hidden = true;
  problem.hidden = true;
  signedOut.hidden = true;
  try {
    const token = await ensureCsrfToken();
    const response = await fetch('/login', {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'X-XSRF-TOKEN': token || '',
      },
      body: new URLSearchParams({ username: username.value.trim(), password: password.value }),
    });
    const landed = new URL(response.url, window.location.href);
    if (landed.pathname === '/login.html') {
      setState('error');
      error.hidden = !landed.searchParams.has('error');
      if (error.hidden) showProblem('Sign-in did not complete. Please try again.', '登录未完成，请重试。');
      password.value = '';
      password.focus();
      return;
    }
    if (response.status === 429 || response.status === 503) {
      // Too many failed sign-ins from here for this name (429), or every password check busy (503): say when to
      // come back rather than "wrong password", since nothing was checked.
      setState('error');
      const seconds = Number(response.headers.get('Retry-After')) || 60;
      const minutes = Math.max(1, Math.ceil(seconds / 60));
      if (response.status === 429) {
        showProblem(`Too many failed sign-ins. Try again in ${minutes} min.`, `登录失败次数过多，请${minutes}分钟后再试。`);
      } else {
        showProblem('The service is busy. Please try again in a moment.', '服务繁忙，请稍后再试。');
      }
      return;
    }
    if (landed.pathname === '/login') {
      // No redirect: the sign-in itself was refused, e.g. 403 for a CSRF token gone stale while the page sat
      // open across a restart. A fresh token is set by now, so trying again works.
      setState('error');
      showProblem(`Sign-in was refused (HTTP ${response.status}). Please try again.`, '登录被拒绝，请重试。');
      return;
    }
    setState('done');
    // Signed in. A page asked for earlier may not be open to this role (an investor sent here from the
    // planner workspace): then the map is the place to go.
    window.location.assign(response.ok ? landed.pathname + landed.search + landed.hash : '/');
  } catch (failure) {
    setState('error');
    showProblem('The service did not answer. Please try again.', '服务无响应，请重试。');
  } finally {
    submit.disabled = false;
  }
}

form.addEventListener('submit', signIn);

// Already signed in: say so, and offer the way on rather than a second sign-in.
me().then((who) => {
  if (!who.signedIn) return;
  const note = document.createElement('p');
  note.className = 'login-message login-info';
  note.id = 'login-already';
  const target = who.planner ? '/planner.html' : '/';
  note.innerHTML = 'You are signed in as <b></b>. <a></a>';
  note.querySelector('b').textContent = who.username;
  const link = note.querySelector('a');
  link.href = target;
  link.textContent = who.planner ? 'Open the planner workspace · 进入规划工作台' : 'Open the map · 打开地图';
  form.before(note);
});

setState('ready');
