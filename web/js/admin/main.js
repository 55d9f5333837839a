/*
 * The admin page (/admin.html, admins only): list the accounts, create one, change a role, disable or enable an
 * account (its sessions end at once), reset a password. Every change goes through PATCH /api/users/{username};
 * the service refuses a change that would leave no enabled admin, and this page shows its reason.
 */
import { api, me, problemText, signOut } from '../core/http.js';

const ROLES = [['investor', '投资者'], ['planner', '规划人员'], ['admin', '管理员']];

const dom = {
  body: document.getElementById('users-body'),
  message: document.getElementById('admin-message'),
  form: document.getElementById('new-user'),
  userName: document.getElementById('user-name'),
  signOut: document.getElementById('sign-out'),
};

function show(kind, en, zh) {
  dom.message.hidden = false;
  dom.message.className = `admin-message admin-${kind}`;
  dom.message.textContent = `${en} ${zh}`;
}

function cell(row, content) {
  const td = document.createElement('td');
  if (content instanceof Node) td.append(content); else td.textContent = content;
  row.append(td);
  return td;
}

function button(label, onClick, extra = {}) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'tool-button';
  b.textContent = label;
  Object.assign(b.dataset, extra);
  b.addEventListener('click', onClick);
  return b;
}

async function change(username, json, doneEn, doneZh) {
  const result = await api(`/api/users/${encodeURIComponent(username)}`, { method: 'PATCH', json });
  if (result.ok) {
    show('ok', `${username}: ${doneEn}.`, `${username}：${doneZh}。`);
  } else {
    show('error', `${username}: not changed: ${problemText(result)}`, '未能修改。');
  }
  await load();
}

function roleSelect(user) {
  const select = document.createElement('select');
  select.setAttribute('aria-label', `Role of ${user.username} 角色`);
  for (const [value, zh] of ROLES) {
    const option = new Option(`${value} · ${zh}`, value, false, value === user.role);
    select.append(option);
  }
  select.addEventListener('change', () => change(user.username, { role: select.value },
    `role is now ${select.value}; their sessions ended`, `角色已改为 ${select.value}，其会话已结束`));
  return select;
}

function row(user) {
  const tr = document.createElement('tr');
  tr.dataset.username = user.username;
  cell(tr, user.username);
  cell(tr, roleSelect(user));
  cell(tr, user.enabled ? 'enabled 启用' : 'disabled 停用');
  cell(tr, new Date(user.createdAt).toLocaleString());
  const actions = cell(tr, '');
  actions.className = 'admin-actions';
  actions.append(user.enabled
    ? button('Disable 停用', () => change(user.username, { disabled: true }, 'disabled; their sessions ended',
      '已停用，其会话已结束'), { action: 'disable' })
    : button('Enable 启用', () => change(user.username, { disabled: false }, 'enabled', '已启用'),
      { action: 'enable' }));
  actions.append(button('Reset password 重置密码', () => resetPassword(user.username), { action: 'reset' }));
  return tr;
}

/** A reset asks for the new password in the row itself (no prompt dialog), and sends it once confirmed. */
function resetPassword(username) {
  const tr = dom.body.querySelector(`tr[data-username="${CSS.escape(username)}"]`);
  const actions = tr.querySelector('.admin-actions');
  const input = document.createElement('input');
  input.type = 'password';
  input.minLength = 10;
  input.autocomplete = 'new-password';
  input.setAttribute('aria-label', `New password for ${username} 新密码`);
  const save = button('Set password 设置密码', () => change(username, { password: input.value },
    'password reset; their sessions ended', '密码已重置，其会话已结束'), { action: 'set-password' });
  actions.replaceChildren(input, save, button('Cancel 取消', () => load()));
  input.focus();
}

async function load() {
  const result = await api('/api/users');
  if (!result.ok) {
    show('error', `The accounts could not be read: ${problemText(result)}`, '无法读取账户。');
    return;
  }
  dom.body.replaceChildren(...result.data.map(row));
}

dom.form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const data = new FormData(dom.form);
  const json = { username: data.get('username'), password: data.get('password'), role: data.get('role') };
  const result = await api('/api/users', { method: 'POST', json });
  if (result.ok) {
    show('ok', `${json.username} created as ${json.role}.`, `已创建 ${json.username}。`);
    dom.form.reset();
  } else {
    show('error', `Not created: ${problemText(result)}`, '未能创建。');
  }
  await load();
});

dom.signOut.addEventListener('click', () => signOut());

const who = await me();
dom.userName.textContent = who && who.username ? who.username : '';
await load();
