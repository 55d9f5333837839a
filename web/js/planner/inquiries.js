/*
 * "Inquiries 投资意向": investors' open expressions of interest in available sites, sent from the
 * public map, and closing them once answered.
 *
 *   GET  /api/inquiries?state=open   → {"inquiries": [{id, parcelId, company, contact, message, state, createdAt, submittedBy?}]}
 *   POST /api/inquiries/{id}/close   with {"note": "..."}
 *
 * A service without the inquiry API (404) simply has no inquiries to show.
 *
 * "Propose to this company 向该企业提出供地方案" selects the inquiry's parcel, opens the allocations panel and prefills
 * its proposal form from the inquiry (allocations.js proposeFromInquiry); the proposal closes the inquiry.
 *
 * Test hooks: plannerInquiries = { items (last loaded), load() }; counted in the shell's ops
 * as 'inquiries' and 'close-inquiry'.
 */
import { bilingual, escapeHtml } from '../core/format.js';
import { showMessage } from '../core/messages.js';
import { proposeFromInquiry } from './allocations.js';
import { showParcel } from './selection.js';
import * as Planner from './shell.js';

/** Longest closing note sent, characters (the service bounds free text too). */
const NOTE_MAX = 1000;

const dom = {
  message: document.getElementById('inquiries-message'),
  none: document.getElementById('inquiries-none'),
  list: document.getElementById('inquiries-list'),
  refresh: document.getElementById('inquiries-refresh'),
  count: document.getElementById('inquiry-count'),
};

/** Test hooks (see the top of this file). */
export const plannerInquiries = { items: [] };
const hooks = plannerInquiries;

export function initInquiries() {
  hooks.load = load;
  dom.refresh.addEventListener('click', load);
  dom.list.addEventListener('click', (event) => {
    const parcel = event.target.closest('button[data-parcel]');
    if (parcel) {
      showParcel(parcel.dataset.parcel, { fly: true }).then((shown) => { if (shown) Planner.activate('allocations'); });
      return;
    }
    const propose = event.target.closest('button[data-propose]');
    if (propose) {
      const inquiry = hooks.items.find((i) => i.id === propose.closest('li').dataset.inquiryId);
      if (inquiry) {
        showParcel(inquiry.parcelId, { fly: true }).then((shown) => {
          if (!shown) return;
          Planner.activate('allocations');
          proposeFromInquiry(inquiry);
        });
      }
      return;
    }
    const open = event.target.closest('button[data-open-close]');
    if (open) toggleCloseForm(open.closest('li'), true);
    const cancel = event.target.closest('button[data-cancel]');
    if (cancel) toggleCloseForm(cancel.closest('li'), false);
  });
  dom.list.addEventListener('submit', (event) => {
    event.preventDefault();
    const li = event.target.closest('li');
    close(li.dataset.inquiryId, event.target.querySelector('textarea').value.trim());
  });
  document.addEventListener('planner:panel', (event) => { if (event.detail.panel === 'inquiries') load(); });
  // A proposal made from an inquiry closed it.
  document.addEventListener('planner:inquiries-changed', load);
  // The count on the tab tells a planner there is something waiting, without opening the panel.
  load();
}

function load() {
  return Planner.track('inquiries', async () => {
    dom.refresh.disabled = true;
    try {
      const result = await Planner.call('/api/inquiries?state=open');
      if (result.status === 404) {
        render([]);
        return { ok: true, status: 404, detail: 'no inquiry service' };
      }
      if (!result.ok || !result.data) {
        show('error', `The inquiries could not be loaded: ${Planner.problemText(result)}`, '投资意向加载失败。');
        return result;
      }
      dom.message.hidden = true;
      const items = (result.data.inquiries || []).filter((i) => !i.state || i.state === 'open')
        .sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)));
      render(items);
      return result;
    } finally {
      dom.refresh.disabled = false;
    }
  });
}

function render(items) {
  hooks.items = items;
  dom.none.hidden = items.length > 0;
  dom.count.hidden = items.length === 0;
  dom.count.textContent = String(items.length);
  dom.list.replaceChildren(...items.map(card));
}

function card(inquiry) {
  const li = document.createElement('li');
  li.className = 'inquiry-card';
  li.dataset.inquiryId = inquiry.id;
  // The map holds the parcels of its view only; a parcel elsewhere is read by id when its chip is clicked.
  const parcel = inquiry.parcelId
    ? `<button type="button" class="chip" data-parcel="${escapeHtml(inquiry.parcelId)}" title="Show the parcel 查看地块">${escapeHtml(inquiry.parcelId)}</button>`
    : '';
  li.innerHTML = `
    <div class="inquiry-head">
      <b class="inquiry-company">${escapeHtml(inquiry.company)}</b> ${parcel}
    </div>
    <p class="inquiry-meta">${escapeHtml(inquiry.contact)}
      ${inquiry.createdAt ? ` · <time datetime="${escapeHtml(inquiry.createdAt)}">${escapeHtml(Planner.formatDateTime(inquiry.createdAt))}</time>` : ''}
      ${inquiry.submittedBy ? ` · ${bilingual('account', '账号')} ${escapeHtml(inquiry.submittedBy)}` : ''}</p>
    <p class="inquiry-message">${escapeHtml(inquiry.message)}</p>
    <div class="inquiry-actions">
      ${inquiry.parcelId ? `<button type="button" class="primary-small" data-propose>${bilingual('Propose to this company', '向该企业提出供地方案')}</button>` : ''}
      <button type="button" class="reset" data-open-close>${bilingual('Close…', '关闭…')}</button>
    </div>
    <form class="inquiry-close" hidden>
      <label>${bilingual('Note (what was answered)', '处理说明')}
        <textarea maxlength="${NOTE_MAX}" rows="2" required></textarea></label>
      <div class="inquiry-actions">
        <button type="submit" class="primary-small">${bilingual('Close inquiry', '关闭意向')}</button>
        <button type="button" class="reset" data-cancel>${bilingual('Cancel', '取消')}</button>
      </div>
    </form>`;
  return li;
}

function toggleCloseForm(li, open) {
  li.querySelector('.inquiry-close').hidden = !open;
  li.querySelector('[data-open-close]').hidden = open;
  if (open) li.querySelector('textarea').focus();
}

function close(id, note) {
  return Planner.track('close-inquiry', async () => {
    const result = await Planner.call(`/api/inquiries/${encodeURIComponent(id)}/close`, { method: 'POST', json: { note } });
    if (result.ok) {
      await load();
      show('success', 'Inquiry closed.', '已关闭该投资意向。');
    } else {
      show('error', `Not closed: ${Planner.problemText(result)}`, '未能关闭。');
    }
    return result;
  });
}

function show(kind, en, zh) {
  showMessage(dom.message, kind, en, zh);
}

