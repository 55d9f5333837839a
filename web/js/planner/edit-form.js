/*
 * The parcel editor's form and result, shared by its two halves: edit.js (the draft: drawing, vertex editing,
 * the form's values) and edit-actions.js (check, save, withdraw). Holds the draft's state and the test hooks.
 *
 * Test hooks: plannerEdit = { draft, lastResult, findingsLayer, setDrawnPolygon(geometry), isDrawing(),
 * confirmLeave() } in the page's testHooks; operations are counted in its ops (shell.js) as 'check', 'save',
 * 'withdraw' and 'load'.
 */
import { bilingual } from '../core/format.js';
import { hideMessage as hide, showMessage as show } from '../core/messages.js';
import * as Planner from './shell.js';

/** The draft outline while it differs from what is stored: dashed. */
export const UNSAVED_STYLE = { dashArray: '8 6' };
export const ITEMS = '/ogc/collections/parcels/items';

export const dom = {
  empty: document.getElementById('edit-empty'),
  form: document.getElementById('parcel-form'),
  title: document.getElementById('edit-title'),
  dirty: document.getElementById('edit-dirty'),
  outline: document.getElementById('outline-text'),
  redraw: document.getElementById('outline-draw'),
  editVertices: document.getElementById('outline-edit'),
  snap: document.getElementById('snap'),
  zone: document.getElementById('edit-zone'),
  landUse: document.getElementById('edit-landuse'),
  numbers: [...document.querySelectorAll('#parcel-form input[data-prop]')],
  check: document.getElementById('edit-check'),
  save: document.getElementById('edit-save'),
  discard: document.getElementById('edit-discard'),
  result: document.getElementById('edit-result'),
  message: document.getElementById('edit-message'),
  badge: document.getElementById('edit-badge'),
  findings: document.getElementById('edit-findings'),
  withdrawBox: document.getElementById('withdraw-box'),
  withdraw: document.getElementById('edit-withdraw'),
  withdrawConfirm: document.getElementById('withdraw-confirm'),
  withdrawId: document.getElementById('withdraw-id'),
  withdrawYes: document.getElementById('withdraw-yes'),
  withdrawNo: document.getElementById('withdraw-no'),
  newParcel: document.getElementById('new-parcel'),
};

/**
 * draft: null, or { mode: 'new' | 'existing', id, etag, feature (as stored), layer (L.Polygon),
 * dirty, outlineChanged }.
 */


/**
 * draft: null, or { mode: 'new' | 'existing', id, etag, feature (as stored), layer (L.Polygon),
 * dirty, outlineChanged }.
 */
export const state = { draft: null, drawing: false, redrawPending: false, active: false, loading: null, loadSeq: 0 };

/** The findings of the last check or save (a FindingsView, made by edit.js once the map exists). */
export const view = { findings: null };

/** Test hooks (see the top of this file). */
export const plannerEdit = {
  lastResult: null,
  get draft() {
    const d = state.draft;
    return d && { mode: d.mode, id: d.id, etag: d.etag, dirty: d.dirty, geometry: d.layer.toGeoJSON(false).geometry };
  },
  isDrawing: () => state.drawing,
};

export function markDirty() {
  if (!state.draft) return;
  state.draft.dirty = true;
  renderDirty();
  if (plannerEdit.lastResult) dom.result.classList.add('stale');
}

export function renderDirty() {
  dom.dirty.hidden = !(state.draft && state.draft.dirty);
  dom.discard.disabled = !(state.draft && (state.draft.dirty || state.draft.mode === 'new'));
}

export function showWithdrawConfirm(show) {
  dom.withdraw.hidden = show;
  dom.withdrawConfirm.hidden = !show;
}

export const featuresOf = (answer) => (answer && answer.findings && answer.findings.features) || [];

/** kind: 'check' (a dry run), or 'save' (the findings of a refused or accepted write). */
export function renderFindings(valid, features, kind) {
  const errors = features.filter((f) => f.properties.severity === 'error').length;
  const warnings = features.length - errors;
  dom.badge.hidden = false;
  dom.badge.dataset.valid = String(Boolean(valid));
  dom.badge.dataset.kind = kind;
  dom.badge.className = `badge ${valid ? 'badge-valid' : 'badge-invalid'}`;
  const counts = features.length
    ? `${errors} ${errors === 1 ? 'error' : 'errors'} · ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}
       <span class="zh">${errors} 项错误 · ${warnings} 项警告</span>`
    : bilingual('No findings: every rule is met.', '未发现问题，符合全部规则。');
  const label = kind === 'save' && valid ? 'Saved <span class="zh">已保存</span>'
    : valid ? 'Valid <span class="zh">合规</span>' : 'Not valid <span class="zh">不合规</span>';
  dom.badge.innerHTML = `<span class="badge-label">${label}</span><span class="badge-counts">${counts}</span>`;
  view.findings.show(features);
  view.findings.setVisible(state.active);
  dom.badge.scrollIntoView({ block: 'nearest' });
}

export function clearResult() {
  view.findings.clear();
  plannerEdit.lastResult = null;
  dom.badge.hidden = true;
  dom.badge.textContent = '';
  dom.result.classList.remove('stale');
  if (dom.message.dataset.kind !== 'info') hideMessage();
}

export function setBusy(busy) {
  [dom.check, dom.save, dom.withdrawYes].forEach((button) => { button.disabled = busy; });
}

export function showMessage(kind, en, zh) {
  // The message sits below the form; on a short screen it would otherwise go unseen.
  show(dom.message, kind, en, zh, { scroll: kind !== 'info' });
  if (dom.form.hidden) {
    // Before a draft exists the form is hidden; the workspace message carries the hint instead.
    Planner.showMessage(kind, en, zh);
  }
}

export function hideMessage() {
  hide(dom.message);
}
