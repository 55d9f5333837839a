/*
 * "Allocations 供地": the allocations of the selected parcel, their decisions, and new proposals.
 *
 *   GET  /api/allocations?parcel=ID        the list, newest first
 *   POST /api/allocations                   propose (201; 422 with findings; 409 when the parcel is not available)
 *   POST /api/allocations/{id}/approve | reject | release   (409 for a step the state machine refuses)
 *
 * A proposal reserves the parcel, approval allocates it, rejection or release makes it available
 * again, so after every step the parcels are reloaded and the map shows the new status. Each card is drawn by
 * allocation-card.js; the steps after approval (contract, milestones, review, revocation) are contract.js's.
 *
 * Four eyes: approval asks for confirmation in the card (Yes, approve / Cancel), and the approve button of an
 * allocation the signed-in planner proposed (GET /api/me) is disabled with the reason: another planner must approve it
 * (the service refuses the proposer with 403 anyway). Rejecting or releasing one's own proposal stays allowed.
 *
 * From an inquiry: proposeFromInquiry(inquiry) (the inquiries panel's "Propose to this company") prefills the form with
 * the company as an enterprise and sends the inquiry's id, so the service closes the inquiry with the proposal.
 *
 * The industrial-land indicators (admin share, building coefficient) are percent inputs of the form's "Proposed
 * indicators"; they are sent as fractions, as the others.
 *
 * Test hooks: plannerAllocations = { list (last loaded), lastResult, findingsLayer, today (the service's date, as the
 * list says) };
 * operations are counted in the shell's ops as 'propose', 'approve', 'reject', 'release', 'allocations' (and
 * contract.js's 'contract', 'milestone', 'review', 'revoke').
 */
import { FindingsView } from '../core/findings.js';
import { bilingual } from '../core/format.js';
import { addLandUseOptions } from '../core/forms.js';
import { hideMessage, showMessage as show } from '../core/messages.js';
import { statusInfo } from '../core/palette.js';
import { card, STATES } from './allocation-card.js';
import { data } from './context.js';
import { initContract } from './contract.js';
import { parcelLayer, reloadParcels } from './parcels.js';
import { findingsHost } from './selection.js';
import * as Planner from './shell.js';

const dom = {
  empty: document.getElementById('alloc-empty'),
  body: document.getElementById('alloc-body'),
  message: document.getElementById('alloc-message'),
  list: document.getElementById('alloc-list'),
  none: document.getElementById('alloc-none'),
  form: document.getElementById('propose-form'),
  unavailable: document.getElementById('propose-unavailable'),
  name: document.getElementById('propose-name'),
  type: document.getElementById('propose-type'),
  term: document.getElementById('propose-term'),
  use: document.getElementById('propose-use'),
  landUse: document.getElementById('propose-landuse'),
  investment: document.getElementById('propose-investment'),
  tax: document.getElementById('propose-tax'),
  far: document.getElementById('propose-far'),
  coverage: document.getElementById('propose-coverage'),
  green: document.getElementById('propose-green'),
  height: document.getElementById('propose-height'),
  adminShare: document.getElementById('propose-admin-share'),
  buildingCoefficient: document.getElementById('propose-building-coefficient'),
  submit: document.getElementById('propose-submit'),
  proposeMessage: document.getElementById('propose-message'),
  findings: document.getElementById('propose-findings'),
  fromInquiry: document.getElementById('propose-inquiry'),
};

/** Test hooks (see the top of this file). */
export const plannerAllocations = { list: [], lastResult: null, today: null };
const hooks = plannerAllocations;
let findings;
let parcelId = null;
let loadSeq = 0;
/** The signed-in user's name, once /api/me has answered (four eyes). */
let username = null;
let fourEyesOn = true;
/** The inquiry the open form proposes from ({id, parcelId, company}), or null. */
let inquiry = null;

export function initAllocations() {
  findings = new FindingsView({
    ...findingsHost(),
    list: dom.findings,
    pane: 'allocFindingsPane',
    fallbackBounds: () => { const l = parcelId && parcelLayer(parcelId); return l ? l.getBounds() : null; },
  });
  dom.landUse.add(new Option("Parcel's land use · 沿用地块用途", ''));
  addLandUseOptions(dom.landUse, data.landUses);
  dom.form.addEventListener('submit', (event) => {
    event.preventDefault();
    propose();
  });
  dom.list.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-action]');
    if (button && button.dataset.action === 'approve') showApproveConfirm(button.closest('li'), true);
    else if (button) transition(button.dataset.allocation, button.dataset.action);
    const yes = event.target.closest('button[data-confirm-approve]');
    if (yes) transition(yes.dataset.confirmApprove, 'approve');
    const no = event.target.closest('button[data-cancel-approve]');
    if (no) showApproveConfirm(no.closest('li'), false);
    const link = event.target.closest('button[data-history]');
    if (link) Planner.activate('history');
  });
  initContract({ list: dom.list, hooks, afterChange, showPanelMessage: (kind, en, zh) => showMessage(dom.message, kind, en, zh) });
  document.addEventListener('planner:select', (event) => select(event.detail.id));
  document.addEventListener('planner:panel', (event) => findings.setVisible(event.detail.panel === 'allocations'));
  Object.assign(hooks, { findingsLayer: findings.layer, reload: () => load(parcelId), proposeFromInquiry });
  Planner.me.then((who) => {
    username = (who && who.username) || null;
    // With four eyes off (valley.allocations.four-eyes=false) the proposer may approve: nothing is blocked.
    fourEyesOn = !who || who.fourEyes !== false;
    if (parcelId) render(hooks.list);
  });
}

/** Shows (or hides) a card's "approve?" step in place of its buttons. */
function showApproveConfirm(li, show) {
  li.querySelector('.alloc-actions').hidden = show;
  li.querySelector(':scope > .alloc-confirm').hidden = !show;
}

function select(id) {
  const changed = id !== parcelId;
  parcelId = id;
  dom.empty.hidden = Boolean(id);
  dom.body.hidden = !id;
  if (changed) {
    resetForm();
    hideMessage(dom.message);
  }
  if (id) load(id);
}

/** Loads the parcel's allocations; counted as the 'allocations' operation. */
function load(id) {
  if (!id) return Promise.resolve();
  const seq = ++loadSeq;
  return Planner.track('allocations', async () => {
    const result = await Planner.call(`/api/allocations?parcel=${encodeURIComponent(id)}&limit=100`);
    if (seq !== loadSeq) return { ok: true, detail: 'superseded' };
    if (!result.ok || !result.data) {
      showMessage(dom.message, 'error', `The allocations could not be loaded: ${Planner.problemText(result)}`, '供地记录加载失败。');
      return result;
    }
    const items = (result.data.allocations || []).slice()
      .sort((a, b) => String(b.proposed && b.proposed.at).localeCompare(String(a.proposed && a.proposed.at)));
    hooks.list = items;
    // The service's today, a day of the park's calendar: the contract's deadlines are counted to it.
    hooks.today = result.data.today || null;
    render(items);
    return result;
  });
}

// ---------------------------------------------------------------------------------------------
// The list
// ---------------------------------------------------------------------------------------------

function render(items) {
  const who = { username, fourEyesOn, today: hooks.today };
  dom.list.replaceChildren(...items.map((a) => card(a, who)));
  dom.none.hidden = items.length > 0;
  const feature = data.parcels.get(parcelId);
  const status = feature && feature.properties.status;
  const open = status === 'available';
  dom.form.hidden = !open;
  dom.unavailable.hidden = open;
  if (!open && feature) {
    const s = statusInfo(status);
    dom.unavailable.innerHTML = status === 'reserved'
      ? bilingual(`The parcel is ${s.en.toLowerCase()} by a proposal: approve or reject it before proposing another.`,
        '该地块已被方案预留：请先批准或驳回该方案。')
      : bilingual(`The parcel is ${s.en.toLowerCase()}: release its allocation (under a contract: recover the land) before proposing another.`,
        `该地块${s.zh}：须先释放现有供地（已签合同的须收回土地）后方可提出新方案。`);
  }
  if (open) defaultType(feature);
}

function transition(id, action) {
  return Planner.track(action, async () => {
    const buttons = [...dom.list.querySelectorAll('button[data-action]')];
    buttons.forEach((b) => { b.disabled = true; });
    try {
      const result = await Planner.call(`/api/allocations/${encodeURIComponent(id)}/${action}`, { method: 'POST' });
      hooks.lastResult = { kind: action, status: result.status, ok: result.ok, allocation: result.data };
      if (result.ok) {
        const s = STATES[result.data && result.data.state] || { en: result.data && result.data.state, zh: '' };
        showMessage(dom.message, 'success', `Allocation ${s.en.toLowerCase()}.`, `供地方案${s.zh}。`);
        await afterChange();
      } else {
        showMessage(dom.message, 'error', `Not done: ${Planner.problemText(result)}`, '操作未完成。');
        await load(parcelId);
      }
      return result;
    } finally {
      buttons.forEach((b) => { b.disabled = b.dataset.fourEyes === 'true'; });
    }
  });
}

/** A step changed the parcel's status: reload the plan and this list, and tell the other panels. */
async function afterChange() {
  await reloadParcels();
  await load(parcelId);
  document.dispatchEvent(new CustomEvent('planner:allocations', { detail: { parcelId } }));
}

// ---------------------------------------------------------------------------------------------
// Proposing
// ---------------------------------------------------------------------------------------------

function defaultType(feature) {
  if (dom.form.dataset.touched === 'true') return;
  const zone = feature && data.zones.get(feature.properties.zone);
  const category = zone && zone.properties.category;
  if (category === 'enterprise' || category === 'facility') dom.type.value = category;
}

function resetForm() {
  dom.form.reset();
  dom.form.dataset.touched = 'false';
  inquiry = null;
  dom.fromInquiry.hidden = true;
  findings.clear();
  hideMessage(dom.proposeMessage);
}

/**
 * Prefills the proposal form from an investor's inquiry ({id, parcelId, company}); call once its parcel is selected.
 * The proposal then names the inquiry, and the service closes it with a note linking the allocation.
 */
export function proposeFromInquiry(from) {
  if (!from || from.parcelId !== parcelId) return false;
  resetForm();
  inquiry = { id: from.id, parcelId: from.parcelId, company: from.company };
  dom.name.value = from.company || '';
  dom.type.value = 'enterprise';
  dom.form.dataset.touched = 'true';
  dom.fromInquiry.innerHTML = bilingual(`From inquiry ${from.id} of ${from.company}: proposing closes it.`,
    '来自该企业的投资意向，提交方案后该意向将关闭。');
  dom.fromInquiry.hidden = false;
  if (!dom.form.hidden) dom.use.focus();
  return true;
}

function numberOrNull(input, { percent = false } = {}) {
  const text = input.value.trim();
  if (text === '') return null;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0 || (percent && value > 100)) {
    const label = input.closest('label').querySelector('span').textContent.trim();
    throw Object.assign(new Error(`${label}: enter a number${percent ? ' from 0 to 100' : ' ≥ 0'}.`), { input });
  }
  return percent ? value / 100 : value;
}

function buildProposal() {
  const need = (input, en) => {
    if (!input.value.trim()) throw Object.assign(new Error(`${en} is required.`), { input });
    return input.value.trim();
  };
  const body = {
    parcelId,
    allottee: { name: need(dom.name, 'The allottee'), type: dom.type.value },
    intendedUse: need(dom.use, 'The intended use'),
    termYears: Math.round(Number(need(dom.term, 'The term'))),
  };
  if (!Number.isInteger(body.termYears) || body.termYears < 1) {
    throw Object.assign(new Error('The term is a whole number of years, at least 1.'), { input: dom.term });
  }
  if (dom.landUse.value) body.landUse = dom.landUse.value;
  if (inquiry && inquiry.parcelId === parcelId) body.inquiryId = inquiry.id;
  const pledges = {};
  const investment = numberOrNull(dom.investment);
  const tax = numberOrNull(dom.tax);
  if (investment !== null) pledges.investmentWanYuanPerMu = investment;
  if (tax !== null) pledges.taxWanYuanPerMu = tax;
  body.pledges = pledges;
  const indicators = {};
  const far = numberOrNull(dom.far);
  const coverage = numberOrNull(dom.coverage, { percent: true });
  const green = numberOrNull(dom.green, { percent: true });
  const height = numberOrNull(dom.height);
  const adminShare = numberOrNull(dom.adminShare, { percent: true });
  const buildingCoefficient = numberOrNull(dom.buildingCoefficient, { percent: true });
  if (adminShare !== null) indicators.adminShare = adminShare;
  if (buildingCoefficient !== null) indicators.buildingCoefficient = buildingCoefficient;
  if (far !== null) indicators.far = far;
  if (coverage !== null) indicators.coverage = coverage;
  if (green !== null) indicators.greenRatio = green;
  if (height !== null) indicators.heightMetres = height;
  body.indicators = indicators;
  return body;
}

function propose() {
  return Planner.track('propose', async () => {
    findings.clear();
    hideMessage(dom.proposeMessage);
    let body;
    try {
      body = buildProposal();
    } catch (error) {
      showMessage(dom.proposeMessage, 'error', error.message, '请检查输入。');
      if (error.input) error.input.focus();
      return { ok: false, status: null, detail: error.message };
    }
    dom.submit.disabled = true;
    try {
      const result = await Planner.call('/api/allocations', { method: 'POST', json: body });
      hooks.lastResult = { kind: 'propose', status: result.status, ok: result.ok, allocation: result.data };
      if (result.status === 201 && result.data) {
        const warnings = (result.data.findings && result.data.findings.features) || [];
        resetForm();
        if (body.inquiryId) document.dispatchEvent(new CustomEvent('planner:inquiries-changed'));
        showMessage(dom.message, 'success', `Proposed to ${body.allottee.name}; the parcel is reserved until the proposal is decided.`,
          '方案已提出，地块已预留，待审批。');
        if (warnings.length) findings.show(warnings);
        await afterChange();
      } else if (result.status === 422 && result.data) {
        const features = (result.data.findings && result.data.findings.features) || [];
        showMessage(dom.proposeMessage, 'error', 'Refused by the rule book: nothing was proposed. See the findings below.',
          '规则校验未通过，方案未提交。');
        findings.show(features);
        hooks.lastResult.findings = result.data.findings;
      } else {
        showMessage(dom.proposeMessage, 'error', `Not proposed: ${Planner.problemText(result)}`, '方案未提交。');
        if (result.status === 409) await afterChange();
      }
      return result;
    } finally {
      dom.submit.disabled = false;
    }
  });
}

dom.form.addEventListener('input', () => { dom.form.dataset.touched = 'true'; });

function showMessage(el, kind, en, zh) {
  show(el, kind, en, zh, { scroll: true });
}

