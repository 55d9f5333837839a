/*
 * The parcel editor's actions on the service:
 *
 *   Check  → POST /api/parcels/validate (the dry run): the findings are listed and drawn.
 *   Save   → POST /ogc/collections/parcels/items (new) or PUT …/items/{id} with If-Match (existing):
 *            422 lists the refusing findings, 412 means another planner saved first.
 *   Withdraw → DELETE …/items/{id} with If-Match (the parcel leaves the plan; its history stays).
 */
import { bilingual, escapeHtml, InputError, round } from '../core/format.js';
import {
  dom, featuresOf, ITEMS, plannerEdit, renderFindings, setBusy, showMessage, showWithdrawConfirm, state, clearResult,
} from './edit-form.js';
import { readOffer } from './offer-form.js';
import { clearSelection, showParcel } from './selection.js';
import { reloadParcels } from './parcels.js';
import * as Planner from './shell.js';

/** What edit.js does to end the draft (after a withdrawal). */
let clearDraft = () => {};
export function initActions(clear) {
  clearDraft = clear;
}

function readProperties() {
  if (!dom.zone.value) throw new InputError('Choose the zone.', '请选择片区。', dom.zone);
  if (!dom.landUse.value) throw new InputError('Choose the land use.', '请选择用地性质。', dom.landUse);
  const properties = { zone: dom.zone.value, landUse: dom.landUse.value };
  dom.numbers.forEach((input) => {
    const text = input.value.trim();
    // Empty: the service takes the zone's limit (and 5 m for the setback).
    if (text === '') return;
    const value = Number(text);
    const max = input.dataset.percent ? 100 : Infinity;
    if (!Number.isFinite(value) || value < 0 || value > max) {
      const label = input.getAttribute('aria-label');
      throw new InputError(`${label}: enter a number${Number.isFinite(max) ? ' from 0 to 100' : ' ≥ 0'}.`,
        `${label}：请输入有效数字。`, input);
    }
    properties[input.dataset.prop] = input.dataset.percent ? round(value / 100, 6) : value;
  });
  return Object.assign(properties, readOffer());
}

/** The draft as a GeoJSON Feature (CRS84, full precision: rounding would move it against its neighbours). */
function draftFeature() {
  const draft = state.draft;
  const feature = { type: 'Feature', geometry: draft.layer.toGeoJSON(false).geometry, properties: readProperties() };
  if (draft.mode === 'existing') feature.id = draft.id;
  return feature;
}

/** Builds the body or shows why it cannot; returns null in that case. */
function bodyOrExplain() {
  if (!state.draft) {
    showMessage('error', 'Select a parcel or draw a new one first.', '请先选择或绘制地块。');
    return null;
  }
  try {
    return draftFeature();
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    showMessage('error', error.message, error.zh);
    if (error.input) error.input.focus();
    return null;
  }
}

export function runCheck() {
  return Planner.track('check', async () => {
    clearResult();
    const body = bodyOrExplain();
    if (!body) return { ok: false, status: null, detail: 'input' };
    setBusy(true);
    try {
      const result = await Planner.call('/api/parcels/validate', { method: 'POST', json: body });
      if (result.ok && result.data) {
        plannerEdit.lastResult = { kind: 'check', valid: result.data.valid, findings: result.data.findings, status: result.status };
        renderFindings(result.data.valid, featuresOf(result.data), 'check');
      } else {
        plannerEdit.lastResult = { kind: 'check', error: Planner.problemText(result), status: result.status };
        showMessage('error', `The check could not run: ${Planner.problemText(result)}`, '无法检查，请修改后重试。');
      }
      return result;
    } finally {
      setBusy(false);
    }
  });
}

export function save() {
  return Planner.track('save', async () => {
    clearResult();
    const body = bodyOrExplain();
    if (!body) return { ok: false, status: null, detail: 'input' };
    const draft = state.draft;
    setBusy(true);
    try {
      const result = draft.mode === 'new'
        ? await Planner.call(ITEMS, { method: 'POST', json: body })
        : await Planner.call(`${ITEMS}/${encodeURIComponent(draft.id)}`, { method: 'PUT', json: body, ifMatch: draft.etag });
      plannerEdit.lastResult = { kind: 'save', status: result.status, ok: result.ok };
      if (result.ok && result.data) {
        await afterSave(result);
      } else if (result.status === 422 && result.data) {
        plannerEdit.lastResult.findings = result.data.findings;
        renderFindings(false, featuresOf(result.data), 'save');
        showMessage('error', 'Refused by the rule book: nothing was saved. Fix the errors below, then save again.',
          '规则校验未通过，未保存。请修正以下错误后重新保存。');
      } else if (result.status === 412) {
        showStale(draft.id);
      } else {
        showMessage('error', `Not saved: ${Planner.problemText(result)}`, '未保存。');
      }
      return result;
    } finally {
      setBusy(false);
    }
  });
}

async function afterSave(result) {
  const saved = result.data;
  const warnings = featuresOf(saved);
  state.draft.dirty = false;
  const last = plannerEdit.lastResult;
  await reloadParcels();
  await showParcel(saved.id, { force: true });
  if (state.loading) await state.loading;
  plannerEdit.lastResult = { ...last, id: saved.id, findings: saved.findings };
  renderFindings(true, warnings, 'save');
  const version = saved.properties && saved.properties.version;
  showMessage('success', `Saved ${saved.id}${version ? ` (version ${version})` : ''}.`, `已保存 ${saved.id}。`);
}

function showStale(id) {
  dom.message.hidden = false;
  dom.message.dataset.kind = 'error';
  dom.message.className = 'message message-error';
  dom.message.innerHTML = `${bilingual(`Someone else changed ${id} since you opened it; nothing was saved. Reload it to see their version (your changes here will be replaced).`,
    '该地块已被他人修改，本次未保存。请重新加载后再编辑。')}
    <button type="button" class="reset stale-reload">Reload ${escapeHtml(id)} <span class="zh">重新加载</span></button>`;
  dom.message.scrollIntoView({ block: 'nearest' });
  dom.message.querySelector('.stale-reload').addEventListener('click', () => {
    state.draft.dirty = false;
    Planner.track('reload', async () => {
      await reloadParcels();
      await showParcel(id, { force: true, fly: false });
      if (state.loading) await state.loading;
      return { ok: true };
    });
  });
}

export function withdraw() {
  return Planner.track('withdraw', async () => {
    const draft = state.draft;
    if (!draft || draft.mode !== 'existing') return { ok: false, status: null, detail: 'no parcel' };
    const id = draft.id;
    setBusy(true);
    try {
      const result = await Planner.call(`${ITEMS}/${encodeURIComponent(id)}`, { method: 'DELETE', ifMatch: draft.etag });
      plannerEdit.lastResult = { kind: 'withdraw', status: result.status, ok: result.ok };
      showWithdrawConfirm(false);
      if (result.ok) {
        draft.dirty = false;
        await reloadParcels();
        clearSelection({ force: true });
        clearDraft();
        Planner.showMessage('success', `Withdrew ${id}. Its land is free to be planned again; its history is kept.`,
          `已撤销 ${id}，该用地可重新规划，历史记录保留。`);
      } else if (result.status === 412) {
        showStale(id);
      } else {
        showMessage('error', `Not withdrawn: ${Planner.problemText(result)}`, '未能撤销。');
      }
      return result;
    } finally {
      setBusy(false);
    }
  });
}
