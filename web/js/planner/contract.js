/*
 * The steps after approval, in the allocation cards of "Allocations 供地" (allocation-card.js draws the card,
 * allocations.js the list):
 *
 *   POST /api/allocations/{id}/contract    approved -> contracted: the transfer contract (出让合同)
 *   POST /api/allocations/{id}/milestones  {kind, on}: handed-over (交地), started (开工), completed (竣工), in order
 *   POST /api/allocations/{id}/review      after completed -> reviewed: the review at full production (达产复核)
 *   POST /api/allocations/{id}/revoke      contracted | reviewed -> revoked: the land recovered (收回土地)
 *
 * An approved card offers "Record contract 签订出让合同" (a form opened in the card). A contracted card shows the
 * contract and a timeline of each deadline against the date reached (late ones marked "12 days late 逾期12天"), a
 * form for the next milestone only, and after completion the review form; a reviewed card shows the review's
 * per-mu figures, the percent of each pledge achieved and its findings. Both may be revoked, with a reason and a
 * confirmation. A revoked card says why, by whom and when.
 *
 * The page checks what it can (required fields, the contract's dates in order) with bilingual messages, but the
 * service decides: a refusal (400, 409) shows its problem detail in the form, which keeps what was typed. Dates are
 * the service's: it refuses a date after its today (a day of the park's calendar); the page only says which day that
 * is (the `today` of the last list it read, which also dates the forms and counts overdue deadlines) and blocks
 * nothing for it.
 *
 * Test hooks: plannerAllocations.lastResult = { kind: 'contract' | 'milestone' | 'review' | 'revoke', status, ok,
 * allocation }; the steps are counted in the shell's ops as 'contract', 'milestone', 'review', 'revoke'.
 */
import { bilingual, escapeHtml, InputError } from '../core/format.js';
import { hideMessage, showMessage } from '../core/messages.js';
import {
  contractFacts, MILESTONES, percentText, reviewResult, revokedFacts, timeline, verdict,
} from './contract-view.js';
import * as Planner from './shell.js';

/** The contract's dates in the order the service requires them. */
const CONTRACT_DATES = [
  { name: 'signedOn', en: 'Signed on', zh: '签订日期' },
  { name: 'handOverBy', en: 'Hand over by', zh: '交地期限' },
  { name: 'startBy', en: 'Start by', zh: '开工期限' },
  { name: 'completeBy', en: 'Complete by', zh: '竣工期限' },
  { name: 'reviewOn', en: 'Review on', zh: '达产复核日期' },
];

/** What the list gives this module: the test hooks, the panel's message, and the reload after a step. */
let host = null;

export function initContract({ list, hooks, showPanelMessage, afterChange }) {
  host = { hooks, showPanelMessage, afterChange };
  list.addEventListener('click', onClick);
  list.addEventListener('submit', (event) => {
    const form = event.target.closest('form[data-form]');
    if (!form) return;
    event.preventDefault();
    if (form.dataset.form === 'revoke') askRevoke(form);
    else send(form);
  });
}

// ---------------------------------------------------------------------------------------------
// The card's section
// ---------------------------------------------------------------------------------------------

/** The HTML of allocation `a`'s contract section; today: the service's date (yyyy-MM-dd) or null. */
export function contractSection(a, today) {
  if (a.state === 'approved') return contractForm(a, today);
  if (!a.contract) return '';
  const live = a.state === 'contracted' || a.state === 'reviewed';
  return `
    <section class="contract" data-contract>
      ${contractFacts(a.contract)}
      ${timeline(a, today)}
      ${a.state === 'contracted' ? nextStep(a, today) : ''}
      ${a.review ? reviewResult(a.review) : ''}
      ${a.revoked ? revokedFacts(a.revoked) : ''}
      ${live ? revokeForm(a) : ''}
    </section>`;
}

const field = (name, en, zh, input, wide = false) => `
  <label class="field${wide ? ' wide' : ''}"><span class="label">${bilingual(en, zh)}</span>${input.replace('<input', `<input name="${name}"`)}</label>`;
const dateInput = (value) => `<input type="date" required${value ? ` value="${escapeHtml(value)}"` : ''}>`;
const figureInput = (min) => `<input type="number" min="${min}" step="any" inputmode="decimal" required>`;
const todayHint = (today) => (today ? bilingual(`Today by the service's clock: ${today} (the park's calendar); it refuses dates after it.`,
  `按服务端时钟（园区日历）今日为${today}，晚于该日的日期将被拒绝。`) : '');

function contractForm(a, today) {
  const dates = CONTRACT_DATES.map((d) => field(d.name, d.en, d.zh, dateInput(d.name === 'signedOn' ? today : ''))).join('');
  return `
    <div class="contract-step" data-step="contract">
      <button type="button" class="primary-small" data-open-form>${bilingual('Record contract', '签订出让合同')}</button>
      <form class="contract-form" data-form="contract" data-allocation="${escapeHtml(a.id)}" novalidate hidden>
        <h4>${bilingual('Transfer contract', '国有建设用地使用权出让合同')}</h4>
        <div class="field-grid two">
          ${field('contractNumber', 'Contract number', '合同编号', '<input type="text" maxlength="64" required>', true)}
          ${field('priceWanYuan', 'Price, 万元', '出让价款', figureInput(0))}
          ${dates}
        </div>
        <p class="hint">${bilingual('The dates go signed ≤ hand over ≤ start ≤ complete ≤ review.', '日期须依次为：签订 ≤ 交地 ≤ 开工 ≤ 竣工 ≤ 复核。')}
          ${todayHint(today)}</p>
        <div class="contract-buttons">
          <button type="submit" class="primary-small">${bilingual('Record contract', '登记合同')}</button>
          <button type="button" class="reset" data-close-form>${bilingual('Cancel', '取消')}</button>
        </div>
        <p class="message" data-form-message hidden></p>
      </form>
    </div>`;
}

/** The form for the next milestone only, or after completion the review's. */
function nextStep(a, today) {
  const reached = new Set((a.milestones || []).map((m) => m.kind));
  const next = MILESTONES.find((m) => !reached.has(m.kind));
  const id = escapeHtml(a.id);
  if (next) {
    return `
      <form class="contract-form inline-step" data-form="milestone" data-allocation="${id}" data-kind="${next.kind}" novalidate>
        <h4>${bilingual(`Next: ${next.en.toLowerCase()}`, `下一步：${next.zh}`)}</h4>
        ${field('on', next.on, next.onZh, dateInput(today))}
        <button type="submit" class="primary-small">${bilingual(`Record ${next.en.toLowerCase()}`, `记录${next.zh}`)}</button>
        <p class="hint">${todayHint(today)}</p>
        <p class="message" data-form-message hidden></p>
      </form>`;
  }
  return `
    <form class="contract-form inline-step" data-form="review" data-allocation="${id}" novalidate>
      <h4>${bilingual('Review at full production', '达产复核')}</h4>
      <div class="field-grid two">
        ${field('on', 'Reviewed on', '复核日期', dateInput(today))}
        ${field('investmentWanYuan', 'Investment to date, 万元', '累计投资', figureInput(0))}
        ${field('taxWanYuanPerYear', 'Tax a year, 万元', '年纳税额', figureInput(0))}
      </div>
      <p class="hint">${bilingual("Divided by the parcel's area in mu and held against the pledges.", '按地块面积（亩）折算后与承诺对比。')}</p>
      <button type="submit" class="primary-small">${bilingual('Record review', '记录复核')}</button>
      <p class="message" data-form-message hidden></p>
    </form>`;
}

function revokeForm(a) {
  return `
    <div class="contract-step" data-step="revoke">
      <button type="button" class="danger-small" data-open-form>${bilingual('Revoke (recover land)', '收回土地')}</button>
      <form class="contract-form" data-form="revoke" data-allocation="${escapeHtml(a.id)}" novalidate hidden>
        <label class="field"><span class="label">${bilingual('Reason', '收回理由')}</span>
          <textarea name="reason" rows="2" maxlength="2000" required placeholder="e.g. not started two years after the deadline · 如：超过开工期限两年未开工"></textarea></label>
        <div class="contract-buttons" data-revoke-ask>
          <button type="submit" class="danger-small">${bilingual('Revoke…', '收回土地…')}</button>
          <button type="button" class="reset" data-close-form>${bilingual('Cancel', '取消')}</button>
        </div>
        <div class="alloc-confirm" data-revoke-confirm hidden>
          <span class="danger-text">${bilingual(`Recover ${a.parcelId} from ${a.allottee && a.allottee.name}? The contract ends and the parcel becomes available again.`,
    '确认收回该地块？合同终止，地块恢复可供。')}</span>
          <button type="button" class="danger-small" data-confirm-revoke>${bilingual('Yes, recover the land', '确认收回')}</button>
          <button type="button" class="reset" data-cancel-revoke>${bilingual('Cancel', '取消')}</button>
        </div>
        <p class="message" data-form-message hidden></p>
      </form>
    </div>`;
}

// ---------------------------------------------------------------------------------------------
// Forms
// ---------------------------------------------------------------------------------------------

function onClick(event) {
  const open = event.target.closest('button[data-open-form]');
  if (open) {
    const form = open.closest('.contract-step').querySelector('form');
    open.hidden = true;
    form.hidden = false;
    const first = form.querySelector('input, textarea');
    if (first) first.focus();
    return;
  }
  const close = event.target.closest('button[data-close-form]');
  if (close) {
    const step = close.closest('.contract-step');
    step.querySelector('form').hidden = true;
    step.querySelector('button[data-open-form]').hidden = false;
    return;
  }
  const cancel = event.target.closest('button[data-cancel-revoke]');
  if (cancel) confirmRevoke(cancel.closest('form'), false);
  const yes = event.target.closest('button[data-confirm-revoke]');
  if (yes) send(yes.closest('form'));
}

/** The text of a required input, or an InputError naming it. */
function required(form, name, en, zh) {
  const input = form.elements[name];
  const value = input.value.trim();
  if (!value) throw new InputError(`${en} is required.`, `请填写${zh}。`, input);
  return value;
}

function figure(form, name, en, zh, { aboveZero = false } = {}) {
  const input = form.elements[name];
  const value = Number(required(form, name, en, zh));
  if (!Number.isFinite(value) || value < 0 || (aboveZero && value === 0)) {
    throw new InputError(`${en}: enter a number ${aboveZero ? 'above 0' : '≥ 0'}.`, `${zh}：请输入${aboveZero ? '大于0' : '不小于0'}的数字。`, input);
  }
  return value;
}

/** The body of a form, checked as far as the page can. */
function body(form) {
  switch (form.dataset.form) {
    case 'contract': {
      const number = required(form, 'contractNumber', 'The contract number', '合同编号');
      const priceWanYuan = figure(form, 'priceWanYuan', 'The price', '出让价款', { aboveZero: true });
      const dates = CONTRACT_DATES.map((d) => ({ ...d, value: required(form, d.name, d.en, d.zh) }));
      dates.slice(1).forEach((d, i) => {
        const before = dates[i];
        if (d.value < before.value) {
          throw new InputError(`${d.en} (${d.value}) is before ${before.en.toLowerCase()} (${before.value}): the dates go signed ≤ hand over ≤ start ≤ complete ≤ review.`,
            `${d.zh}早于${before.zh}：日期须依次为 签订 ≤ 交地 ≤ 开工 ≤ 竣工 ≤ 复核。`, form.elements[d.name]);
        }
      });
      return { contractNumber: number, priceWanYuan, ...Object.fromEntries(dates.map((d) => [d.name, d.value])) };
    }
    case 'milestone':
      return { kind: form.dataset.kind, on: required(form, 'on', 'The date', '日期') };
    case 'review':
      return {
        on: required(form, 'on', 'The date of the review', '复核日期'),
        investmentWanYuan: figure(form, 'investmentWanYuan', 'The investment', '累计投资'),
        taxWanYuanPerYear: figure(form, 'taxWanYuanPerYear', 'The tax', '年纳税额'),
      };
    default:
      return { reason: required(form, 'reason', 'A reason', '收回理由') };
  }
}

const STEPS = {
  contract: { op: 'contract', path: 'contract' },
  milestone: { op: 'milestone', path: 'milestones' },
  review: { op: 'review', path: 'review' },
  revoke: { op: 'revoke', path: 'revoke' },
};

function confirmRevoke(form, show) {
  form.querySelector('[data-revoke-ask]').hidden = show;
  form.querySelector('[data-revoke-confirm]').hidden = !show;
  form.elements.reason.readOnly = show;
}

/** Revoking asks first, once the reason is there. */
function askRevoke(form) {
  const message = form.querySelector('[data-form-message]');
  try {
    body(form);
  } catch (error) {
    showMessage(message, 'error', error.message, error.zh);
    if (error.input) error.input.focus();
    return;
  }
  hideMessage(message);
  confirmRevoke(form, true);
}

/** What the panel says after a step the service accepted. */
function done(kind, sent, a) {
  switch (kind) {
    case 'contract':
      return [`Contract ${sent.contractNumber} recorded: the allocation is contracted.`, '出让合同已登记。'];
    case 'milestone': {
      const m = MILESTONES.find((x) => x.kind === sent.kind);
      const v = verdict(a.contract[m.deadline], sent.on, null, false);
      return [`${m.en} recorded on ${sent.on}: ${v.en}.`, `已记录${m.zh}（${v.zh}）。`];
    }
    case 'review':
      return [`Review recorded: investment at ${percentText(a.review && a.review.investmentPercent)}, tax at ${percentText(a.review && a.review.taxPercent)} of the pledges.`,
        '达产复核已记录。'];
    default:
      return ['Land recovered: the parcel is available again.', '土地已收回，地块恢复可供。'];
  }
}

/** Sends the step of a form; a refusal is shown in the form, which keeps its values. */
function send(form) {
  const kind = form.dataset.form;
  const { op, path } = STEPS[kind];
  return Planner.track(op, async () => {
    const message = form.querySelector('[data-form-message]');
    hideMessage(message);
    let sent;
    try {
      sent = body(form);
    } catch (error) {
      showMessage(message, 'error', error.message, error.zh);
      if (error.input) error.input.focus();
      return { ok: false, status: null, detail: error.message };
    }
    const buttons = [...form.querySelectorAll('button')];
    buttons.forEach((b) => { b.disabled = true; });
    try {
      const result = await Planner.call(`/api/allocations/${encodeURIComponent(form.dataset.allocation)}/${path}`,
        { method: 'POST', json: sent });
      host.hooks.lastResult = { kind: op, status: result.status, ok: result.ok, allocation: result.data };
      if (result.ok && result.data) {
        const [en, zh] = done(kind, sent, result.data);
        host.showPanelMessage('success', en, zh);
        await host.afterChange();
      } else {
        showMessage(message, 'error', `Not recorded: ${Planner.problemText(result)}`, '未记录：请按上述说明修改。', { scroll: true });
        if (kind === 'revoke') confirmRevoke(form, false);
      }
      return result;
    } finally {
      buttons.forEach((b) => { b.disabled = false; });
    }
  });
}
