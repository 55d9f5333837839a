/*
 * The workspace's selection: one parcel at a time, outlined on the map and summed up above the panels, announced
 * as 'planner:select' {id, previous}. A parcel outside the view's parcels (an ID typed in the find box, a related
 * parcel of a finding, an inquiry's site) is read by id and kept while it is selected. A panel with unsaved work
 * may veto a change of selection (editor.confirmLeave).
 */
import { bilingual, escapeHtml, formatFixed, M2_PER_HA, M2_PER_MU } from '../core/format.js';
import { flyTo } from '../core/map.js';
import { statusInfo } from '../core/palette.js';
import { data, editor, landUseNames, state, view, zoneColour, zoneNames } from './context.js';
import { controlsInset } from './controls.js';
import { fetchParcel, parcelLayer, reloadParcels, restyle } from './parcels.js';
import * as Planner from './shell.js';

const dom = {
  root: document.getElementById('selection'),
  empty: document.getElementById('selection-empty'),
  card: document.getElementById('selection-card'),
  swatch: document.getElementById('selection-swatch'),
  id: document.getElementById('selection-id'),
  status: document.getElementById('selection-status'),
  facts: document.getElementById('selection-facts'),
  split: document.getElementById('split-start'),
  merge: document.getElementById('merge-start'),
  print: document.getElementById('print-conditions'),
  printPdf: document.getElementById('print-conditions-pdf'),
};

/** The planning-conditions letter of a parcel: f=html (printable A4) or f=pdf. */
export const conditionsUrl = (id, format) => `/api/parcels/${encodeURIComponent(id)}/conditions?f=${format}`;

const announce = (id, previous) => document.dispatchEvent(new CustomEvent('planner:select', { detail: { id, previous } }));

/**
 * Selects a parcel held by the map: outlines it, shows its summary and tells the panels. Returns false for a
 * parcel the map does not hold (showParcel reads it first) or when the editor keeps its unsaved draft.
 */
export function selectParcel(id, { fly = false, force = false } = {}) {
  if (!data.parcels.has(id)) return false;
  if (!force && id !== state.selectedId && !editor.confirmLeave()) return false;
  const previous = state.selectedId;
  state.selectedId = id;
  restyle(previous);
  restyle(id);
  renderSelection();
  const layer = parcelLayer(id);
  if (fly && layer) flyTo(view.map, layer.getBounds(), { topLeft: [60, 60], bottomRight: [controlsInset(), 60], maxZoom: 18 });
  announce(id, previous);
  return true;
}

/** Selects a parcel wherever it is: one the map does not hold is read by id first. Resolves true when selected. */
export async function showParcel(id, options = {}) {
  if (!data.parcels.has(id)) {
    const fetched = await fetchParcel(id);
    if (!fetched.ok || !data.parcels.has(id)) return false;
  }
  return selectParcel(id, options);
}

export function clearSelection({ force = false } = {}) {
  if (!state.selectedId) return true;
  if (!force && !editor.confirmLeave()) return false;
  const previous = state.selectedId;
  state.selectedId = null;
  restyle(previous);
  renderSelection();
  announce(null, previous);
  return true;
}

/** What every findings list of the workspace shares (core/findings.js): related parcels are shown, read if need be. */
export const findingsHost = () => ({
  map: view.map, inset: controlsInset, knowsId: (id) => data.parcels.has(id), onRelated: (id) => showParcel(id, { fly: true }),
});

/** After the parcels held changed: a selected parcel that is gone (withdrawn) is no longer selected. */
export function parcelsChanged() {
  if (state.selectedId && !data.parcels.has(state.selectedId)) clearSelection({ force: true });
  else renderSelection();
}

export function renderSelection() {
  const feature = state.selectedId && data.parcels.get(state.selectedId);
  const drafting = !feature && editor.draftMode() === 'new';
  dom.root.dataset.state = feature ? 'parcel' : drafting ? 'draft' : 'none';
  dom.empty.hidden = Boolean(feature);
  dom.card.hidden = !feature;
  if (!feature) {
    dom.empty.innerHTML = drafting
      ? bilingual('A new parcel is being drawn: set its zone, land use and conditions, check it, then save it.',
        '正在新建地块：请设置片区、用地性质和规划条件，检查后保存。')
      : bilingual('No parcel selected. Click a parcel on the map, enter its ID above, or draw a new one.',
        '未选择地块：请在地图上点击地块、输入编号或新建地块。');
    return;
  }
  const p = feature.properties;
  const zone = zoneNames(p.zone);
  const use = landUseNames(p.landUse);
  const status = statusInfo(p.status);
  dom.swatch.style.background = zoneColour(p.zone);
  dom.id.textContent = feature.id;
  dom.status.outerHTML = `<span id="selection-status" class="status status-${escapeHtml(p.status)}"
    data-status="${escapeHtml(p.status)}">${bilingual(status.en, status.zh)}</span>`;
  dom.status = document.getElementById('selection-status');
  const allottee = p.allottee ? ` · ${bilingual('Allottee', '用地单位')} <b>${escapeHtml(p.allottee)}</b>` : '';
  dom.facts.innerHTML = `${formatFixed(p.areaM2 / M2_PER_HA, 2)} ha · ${formatFixed(p.areaM2 / M2_PER_MU, 1)} 亩 ·
    ${bilingual(zone.en, zone.zh)} · <code>${escapeHtml(p.landUse)}</code> ${bilingual(use.nameEn, use.nameZh)}${allottee}`;
  // Only available land can be split or merged (reshape.js); the letter is for any parcel.
  dom.split.disabled = p.status !== 'available';
  dom.merge.disabled = p.status !== 'available';
  dom.print.href = conditionsUrl(feature.id, 'html');
  dom.printPdf.href = conditionsUrl(feature.id, 'pdf');
}

/** The find box (a parcel ID, anywhere in the register), the reload button and the card's ✕. */
export function bindSelectionControls() {
  document.getElementById('selection-clear').addEventListener('click', () => clearSelection());
  const form = document.getElementById('find-parcel');
  const input = document.getElementById('find-parcel-id');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const id = input.value.trim().toUpperCase();
    if (!id) return;
    if (await showParcel(id, { fly: true })) {
      input.value = '';
      Planner.hideMessage();
    } else if (!data.parcels.has(id)) {
      Planner.showMessage('error', `No live parcel ${id}.`, `未找到地块 ${id}。`);
    }
  });
  document.getElementById('refresh-data').addEventListener('click', () =>
    Planner.track('reload', async () => {
      await reloadParcels();
      if (state.selectedId) announce(state.selectedId, state.selectedId);
      return { ok: true };
    }));
}
