/*
 * "Inquiries 投资意向": investors' open expressions of interest in available sites, sent from the
 * public map, and closing them once answered.
 *
 *   GET  /api/inquiries?state=open   → {"inquiries": [{id, parcelId, company, contact, message, state, createdAt, submittedBy?}]}
 *   POST /api/inquiries/{id}/close   with {"note": "..."}
 *
 * A service without the inquiry API (404) simply has no inquiries to show.
 *
 * Test hooks: window.plannerInquiries = { items (last loaded), load() }; counted in window.plannerOps
 * as 'inquiries' and 'close-inquiry'.
 */
(function () {
  'use strict';

  const { escapeHtml, bilingual } = window.ValleyFindings;
  const Planner = window.Planner;
  /** Longest closing note sent, characters (the service bounds free text too). */
  const NOTE_MAX = 1000;

  const dom = {
    message: document.getElementById('inquiries-message'),
    none: document.getElementById('inquiries-none'),
    list: document.getElementById('inquiries-list'),
    refresh: document.getElementById('inquiries-refresh'),
    count: document.getElementById('inquiry-count'),
  };

  const hooks = { items: [] };
  window.plannerInquiries = hooks;
  let pm;

  function init(api) {
    pm = api;
    hooks.load = load;
    dom.refresh.addEventListener('click', load);
    dom.list.addEventListener('click', (event) => {
      const parcel = event.target.closest('button[data-parcel]');
      if (parcel) {
        if (pm.selectParcel(parcel.dataset.parcel, { fly: true })) Planner.activate('allocations');
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
    const known = inquiry.parcelId && pm.data.parcels.has(inquiry.parcelId);
    const parcel = inquiry.parcelId
      ? (known ? `<button type="button" class="chip" data-parcel="${escapeHtml(inquiry.parcelId)}" title="Show the parcel 查看地块">${escapeHtml(inquiry.parcelId)}</button>`
        : `<span class="chip">${escapeHtml(inquiry.parcelId)}</span>`)
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
    dom.message.hidden = false;
    dom.message.className = `message message-${kind}`;
    dom.message.innerHTML = bilingual(en, zh);
  }

  document.addEventListener('plannermap:ready', (event) => init(event.detail));
})();
