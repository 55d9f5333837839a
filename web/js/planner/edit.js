/*
 * "Parcel 地块": draw a new parcel or change an existing one, check it against the rule book before saving, save
 * it, or withdraw it (the actions are in edit-actions.js, the form and result in edit-form.js).
 *
 * The draft is what is being edited: a new outline drawn with leaflet-draw, or the selected parcel (its outline,
 * which "Edit vertices" makes draggable, and its planning conditions). Drawn and dragged vertices snap to nearby
 * corners of parcels, road reserves and zones (snap.js), so a new parcel meets its neighbours exactly instead of
 * leaving slivers or overlapping them by a pixel.
 */
import L from '../core/leaflet.js';
import { DrawTools } from '../core/draw.js';
import { FindingsView } from '../core/findings.js';
import { bilingual, escapeHtml, formatNumber, round } from '../core/format.js';
import { addLandUseOptions, addZoneOptions } from '../core/forms.js';
import { DRAWN_STYLE } from '../core/palette.js';
import { data, editor, view as mapView, zoneNames } from './context.js';
import { initActions, runCheck, save, withdraw } from './edit-actions.js';
import {
  clearResult, dom, hideMessage, markDirty, plannerEdit, renderDirty, showMessage, showWithdrawConfirm, state, UNSAVED_STYLE,
  view,
} from './edit-form.js';
import { fillOffer, initOfferForm } from './offer-form.js';
import { fetchParcel } from './parcels.js';
import { clearSelection, findingsHost, renderSelection } from './selection.js';
import { snapLatLng, zoneAt } from './snap.js';
import * as Planner from './shell.js';

let map;
let draftGroup;
let draw;               // DrawTools: the toolbar and the drawn outline's style, shared with the site check

export { plannerEdit };

/** Once the map is ready: the draw toolbar, the findings overlay, the form's options and events. */
export function initEdit() {
  map = mapView.map;
  draftGroup = L.featureGroup().addTo(map);
  // The draft is blue, a colour no status or finding uses, and dashed while it differs from what is stored.
  draw = new DrawTools(map, { pane: 'draftPane' });
  draw.control.addTo(map);
  map.on(L.Draw.Event.DRAWSTART, () => { state.drawing = true; });
  map.on(L.Draw.Event.DRAWSTOP, () => {
    state.drawing = false;
    state.redrawPending = false;
    dom.redraw.classList.remove('active');
  });
  // A line is the split tool's (split.js); outlines are polygons and rectangles.
  map.on(L.Draw.Event.CREATED, (event) => { if (event.layerType !== 'polyline') onDrawn(event.layer); });

  view.findings = new FindingsView({
    ...findingsHost(),
    list: dom.findings,
    pane: 'editFindingsPane',
    fallbackBounds: () => (state.draft ? state.draft.layer.getBounds() : null),
  });

  addZoneOptions(dom.zone, data.zoneOrder, zoneNames);
  addLandUseOptions(dom.landUse, data.landUses);
  initOfferForm();
  bindEvents();
  initActions(clearDraft);
  Object.assign(plannerEdit, { findingsLayer: view.findings.layer, setDrawnPolygon, confirmLeave });
  Object.assign(editor, { confirmLeave, isDrawing: () => state.drawing, draftMode: () => (state.draft ? state.draft.mode : null) });
}

function bindEvents() {
  dom.newParcel.addEventListener('click', startNewParcel);
  dom.redraw.addEventListener('click', () => {
    if (!state.draft) return;
    state.redrawPending = true;
    dom.redraw.classList.add('active');
    stopVertexEditing();
    startPolygonTool();
  });
  dom.editVertices.addEventListener('click', () => (isEditingVertices() ? stopVertexEditing() : startVertexEditing()));
  dom.check.addEventListener('click', () => runCheck());
  dom.save.addEventListener('click', () => save());
  dom.discard.addEventListener('click', discard);
  dom.withdraw.addEventListener('click', () => showWithdrawConfirm(true));
  dom.withdrawNo.addEventListener('click', () => showWithdrawConfirm(false));
  dom.withdrawYes.addEventListener('click', withdraw);
  dom.form.addEventListener('submit', (event) => event.preventDefault());
  dom.form.addEventListener('input', (event) => { if (event.target !== dom.snap) markDirty(); });
  dom.zone.addEventListener('change', markDirty);
  dom.landUse.addEventListener('change', markDirty);
  document.addEventListener('planner:select', (event) => onSelect(event.detail.id));
  document.addEventListener('planner:panel', (event) => setActive(event.detail.panel === 'parcel'));
  // An allocation step writes a new version of its parcel (its status): an untouched draft follows it,
  // so that its ETag stays current; a draft with unsaved changes keeps them (saving it will say 412).
  document.addEventListener('planner:allocations', (event) => {
    const draft = state.draft;
    if (draft && draft.mode === 'existing' && draft.id === event.detail.parcelId && !draft.dirty) {
      state.loading = loadExisting(draft.id);
    }
  });
  window.addEventListener('beforeunload', (event) => {
    if (state.draft && state.draft.dirty) {
      event.preventDefault();
      event.returnValue = '';
    }
  });
}

function setActive(active) {
  state.active = active;
  view.findings.setVisible(active);
}

/** True when there is nothing unsaved to lose, or the planner agrees to lose it. */
function confirmLeave() {
  if (!state.draft || !state.draft.dirty) return true;
  return window.confirm('Discard the unsaved changes to this parcel?\n放弃对该地块未保存的修改？');
}

function startNewParcel() {
  if (!confirmLeave()) return;
  clearSelection({ force: true });
  clearDraft();
  Planner.activate('parcel');
  startPolygonTool();
}

/** Starts leaflet-draw's polygon tool, as its toolbar button does. */
function startPolygonTool() {
  draw.startPolygon();
  showMessage('info', 'Click the corners of the parcel on the map; click the first corner again to finish. Esc cancels.',
    '在地图上依次点击地块角点，再次点击第一个角点完成；按Esc取消。');
}

function onDrawn(drawn) {
  let latlngs = drawn.getLatLngs()[0].map((ll) => L.latLng(ll.lat, ll.lng));
  if (dom.snap.checked) latlngs = snapRing(latlngs, state.redrawPending && state.draft ? state.draft.id : null);
  if (latlngs.length < 3) {
    showMessage('error', 'The outline collapsed to fewer than three corners after snapping. Draw it again, or turn snapping off.',
      '吸附后边界不足三个角点，请重新绘制或关闭吸附。');
    return;
  }
  if (state.redrawPending && state.draft) {
    replaceOutline(latlngs);
  } else {
    if (!confirmLeave()) return;
    clearSelection({ force: true });
    newDraft(latlngs);
  }
  Planner.activate('parcel');
  hideMessage();
  Planner.hideMessage();
}

/** Each vertex moved onto a corner within reach; repeated corners (two clicks snapped together) dropped. */
function snapRing(latlngs, ownId) {
  const snapped = latlngs.map((ll) => snapLatLng(ll, ownId));
  return snapped.filter((ll, i) => !ll.equals(snapped[(i + snapped.length - 1) % snapped.length], 0));
}

function newDraft(latlngs) {
  clearDraft();
  const layer = draftPolygon(latlngs);
  state.draft = { mode: 'new', id: null, etag: null, feature: null, layer, dirty: true, outlineChanged: true };
  const centre = layer.getBounds().getCenter();
  const zone = zoneAt(centre) || dom.zone.value || data.zoneOrder[0];
  dom.zone.value = zone;
  dom.landUse.value = commonLandUse(zone) || dom.landUse.value;
  dom.numbers.forEach((input) => { input.value = ''; input.placeholder = 'zone · 片区'; });
  fillOffer({});
  showForm();
  renderSelection();
}

/** The land use most parcels of the zone have: the likeliest choice for a new one there. */
function commonLandUse(zone) {
  const counts = new Map();
  data.parcels.forEach((f) => {
    if (f.properties.zone === zone) counts.set(f.properties.landUse, (counts.get(f.properties.landUse) || 0) + 1);
  });
  let best = null;
  counts.forEach((n, code) => { if (!best || n > counts.get(best)) best = code; });
  return best;
}

function replaceOutline(latlngs) {
  const draft = state.draft;
  draftGroup.removeLayer(draft.layer);
  draft.layer = draftPolygon(latlngs);
  draft.outlineChanged = true;
  markDirty();
  renderOutline();
}

function draftPolygon(latlngs) {
  const layer = draw.polygon(latlngs, { interactive: false });
  draftGroup.addLayer(layer);
  layer.on('edit', () => {
    if (dom.snap.checked) snapLayer(layer);
    if (state.draft && state.draft.layer === layer) {
      state.draft.outlineChanged = true;
      markDirty();
      renderOutline();
    }
  });
  return layer;
}

/** After a vertex drag: the vertices within reach of a corner move onto it, in place. */
function snapLayer(layer) {
  const ring = layer.getLatLngs()[0];
  let changed = false;
  ring.forEach((ll) => {
    const snapped = snapLatLng(ll, state.draft ? state.draft.id : null);
    if (!snapped.equals(ll, 0)) {
      ll.lat = snapped.lat;
      ll.lng = snapped.lng;
      changed = true;
    }
  });
  if (changed) {
    layer.redraw();
    if (layer.editing && layer.editing.enabled()) layer.editing.updateMarkers();
  }
}

function clearDraft() {
  stopVertexEditing();
  draftGroup.clearLayers();
  state.draft = null;
  clearResult();
  hideMessage();
  showWithdrawConfirm(false);
  dom.form.hidden = true;
  dom.empty.hidden = false;
  renderSelection();
}

/** A parcel was selected (or the selection cleared): it becomes the draft. */
function onSelect(id) {
  if (!id) {
    if (state.draft && state.draft.mode === 'existing') clearDraft();
    return;
  }
  state.loading = loadExisting(id);
}

async function loadExisting(id) {
  const seq = ++state.loadSeq;
  clearDraft();
  const known = data.parcels.get(id);
  if (!known) return;
  setExisting(known, null);
  // The stored version and its ETag, fresh from the service: a save must name the version it changes.
  await Planner.track('load', async () => {
    const fetched = await fetchParcel(id);
    if (seq !== state.loadSeq) return { ok: true, detail: 'superseded' };
    if (fetched.ok) setExisting(fetched.feature, fetched.etag);
    else showMessage('error', `Could not load ${id}: ${Planner.problemText(fetched.result)}`, '地块加载失败。');
    return fetched;
  });
}

function setExisting(feature, etag) {
  stopVertexEditing();
  draftGroup.clearLayers();
  const latlngs = L.GeoJSON.coordsToLatLngs(feature.geometry.coordinates, 1)[0];
  const layer = draftPolygon(latlngs);
  state.draft = { mode: 'existing', id: feature.id, etag, feature, layer, dirty: false, outlineChanged: false };
  fillForm(feature.properties);
  showForm();
}

function fillForm(p) {
  dom.zone.value = p.zone;
  dom.landUse.value = p.landUse;
  dom.numbers.forEach((input) => {
    const value = p[input.dataset.prop];
    input.placeholder = '';
    if (value === null || value === undefined) input.value = '';
    else input.value = String(input.dataset.percent ? round(value * 100, 2) : round(value, 3));
  });
  fillOffer(p);
}

function showForm() {
  const draft = state.draft;
  dom.empty.hidden = true;
  dom.form.hidden = false;
  dom.form.dataset.mode = draft.mode;
  dom.title.innerHTML = draft.mode === 'new'
    ? bilingual('New parcel', '新建地块')
    : `${bilingual('Parcel', '地块')} <b>${escapeHtml(draft.id)}</b>`;
  const status = draft.feature && draft.feature.properties.status;
  dom.withdrawBox.hidden = !(draft.mode === 'existing' && status === 'available');
  dom.withdrawId.textContent = draft.id || '';
  dom.save.innerHTML = draft.mode === 'new' ? bilingual('Save new parcel', '保存新地块') : bilingual('Save changes', '保存修改');
  renderDirty();
  renderOutline();
}

function renderOutline() {
  const draft = state.draft;
  if (!draft) return;
  const ring = draft.layer.getLatLngs()[0];
  const area = DrawTools.area(ring);
  const kind = draft.outlineChanged ? 'drawn' : 'parcel';
  dom.outline.dataset.kind = kind;
  const what = draft.mode === 'new' ? bilingual('New outline', '新边界')
    : draft.outlineChanged ? bilingual('Changed outline', '已修改边界') : bilingual('Stored outline', '现有边界');
  dom.outline.innerHTML = `<span>${what} · ≈ ${formatNumber(area / 10000, 2, 2)} ha ·
    ${ring.length} ${ring.length === 1 ? 'corner' : 'corners'} <span class="zh">${ring.length} 个角点</span></span>`;
  draft.layer.setStyle(draft.outlineChanged ? { ...DRAWN_STYLE, ...UNSAVED_STYLE } : { ...DRAWN_STYLE, dashArray: null });
}

function isEditingVertices() {
  return Boolean(state.draft && state.draft.layer.editing && state.draft.layer.editing.enabled());
}

function startVertexEditing() {
  if (!state.draft) return;
  const layer = state.draft.layer;
  // leaflet-draw's edit toolbar sets these two styles before it edits a layer; editing it directly, so do we.
  layer.options.original = L.extend({}, layer.options);
  layer.options.editing = { ...DRAWN_STYLE, ...UNSAVED_STYLE, fillOpacity: 0.2 };
  layer.editing.enable();
  dom.editVertices.setAttribute('aria-pressed', 'true');
  dom.editVertices.classList.add('active');
  showMessage('info', 'Drag a corner to move it; drag a midpoint to add a corner; click a corner to remove it.',
    '拖动角点可移动，拖动中点可增加角点，点击角点可删除。');
}

function stopVertexEditing() {
  if (state.draft && state.draft.layer.editing && state.draft.layer.editing.enabled()) {
    state.draft.layer.editing.disable();
    renderOutline();
  }
  dom.editVertices.setAttribute('aria-pressed', 'false');
  dom.editVertices.classList.remove('active');
  if (dom.message.dataset.kind === 'info') hideMessage();
}

/** Adds an outline exactly as if it had been drawn, through leaflet-draw's own "created" event. */
function setDrawnPolygon(geometry) {
  draw.fireCreated(geometry);
  return plannerEdit.draft;
}

function discard() {
  const draft = state.draft;
  if (!draft) return;
  if (draft.mode === 'new') {
    clearDraft();
    return;
  }
  draft.dirty = false;
  state.loading = loadExisting(draft.id);
}
