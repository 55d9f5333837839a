/*
 * "Parcel 地块": draw a new parcel or change an existing one, check it against the rule book before
 * saving, save it, or withdraw it.
 *
 * The draft is what is being edited: a new outline drawn with leaflet-draw, or the selected parcel
 * (its outline, which "Edit vertices" makes draggable, and its planning conditions). Drawn and dragged
 * vertices snap to nearby corners of parcels, road reserves and zones, so a new parcel meets its
 * neighbours exactly instead of leaving slivers or overlapping them by a pixel.
 *
 *   Check  → POST /api/parcels/validate (the dry run): the findings are listed and drawn.
 *   Save   → POST /ogc/collections/parcels/items (new) or PUT …/items/{id} with If-Match (existing):
 *            422 lists the refusing findings, 412 means another planner saved first.
 *   Withdraw → DELETE …/items/{id} with If-Match (the parcel leaves the plan; its history stays).
 *
 * Test hooks: window.plannerEdit = { draft, lastResult, findingsLayer, setDrawnPolygon(geometry),
 * isDrawing(), confirmLeave() }; operations are counted in window.plannerOps (planner.js) as
 * 'check', 'save', 'withdraw' and 'load'.
 */
(function () {
  'use strict';

  const { FindingsView, escapeHtml, bilingual, formatNumber } = window.ValleyFindings;
  const Planner = window.Planner;

  /** The draft outline: blue, a colour no status or finding uses, dashed while it differs from what is stored. */
  const DRAFT_STYLE = { color: '#1c6fd1', weight: 3, opacity: 1, fillColor: '#1c6fd1', fillOpacity: 0.12 };
  const UNSAVED_STYLE = { dashArray: '8 6' };
  const ITEMS = '/ogc/collections/parcels/items';

  const dom = {
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
  const state = { draft: null, drawing: false, redrawPending: false, active: false, loading: null, loadSeq: 0 };
  let pm;                 // window.plannerMap
  let map;
  let draftGroup;
  let draftRenderer;
  let findings;

  const hooks = {
    lastResult: null,
    get draft() {
      const d = state.draft;
      return d && { mode: d.mode, id: d.id, etag: d.etag, dirty: d.dirty, geometry: d.layer.toGeoJSON(false).geometry };
    },
    isDrawing: () => state.drawing,
    confirmLeave,
  };
  window.plannerEdit = hooks;

  // ---------------------------------------------------------------------------------------------
  // Set-up
  // ---------------------------------------------------------------------------------------------

  function init(api) {
    pm = api;
    map = api.map;
    // Its own SVG pane, which lets clicks through to the parcels' canvas where it is empty.
    const pane = map.createPane('draftPane');
    pane.style.zIndex = '455';
    pane.style.pointerEvents = 'none';
    draftRenderer = L.svg({ pane: 'draftPane', padding: 0.5 });
    draftGroup = L.featureGroup().addTo(map);

    const shapeOptions = { ...DRAFT_STYLE, renderer: draftRenderer };
    new L.Control.Draw({
      position: 'topleft',
      draw: {
        // A parcel is an area. Self-intersections are refused while drawing: the service would refuse them anyway.
        polygon: { allowIntersection: false, showArea: true, metric: ['ha', 'm'], shapeOptions },
        rectangle: { showArea: true, metric: ['ha', 'm'], shapeOptions },
        polyline: false,
        circle: false,
        circlemarker: false,
        marker: false,
      },
      edit: false,
    }).addTo(map);
    map.on(L.Draw.Event.DRAWSTART, () => { state.drawing = true; });
    map.on(L.Draw.Event.DRAWSTOP, () => {
      state.drawing = false;
      state.redrawPending = false;
      dom.redraw.classList.remove('active');
    });
    map.on(L.Draw.Event.CREATED, (event) => onDrawn(event.layer));

    findings = new FindingsView({
      map,
      list: dom.findings,
      pane: 'editFindingsPane',
      padding: () => ({ topLeft: [60, 60], bottomRight: [pm.controlsInset(), 60] }),
      fallbackBounds: () => (state.draft ? state.draft.layer.getBounds() : null),
      knowsId: (id) => pm.data.parcels.has(id),
      onRelated: (id) => pm.selectParcel(id, { fly: true }),
    });

    populateSelects();
    bindEvents();
    Object.assign(hooks, { findingsLayer: findings.layer, setDrawnPolygon });
  }

  function populateSelects() {
    pm.data.zoneOrder.forEach((id) => {
      const names = pm.zoneNames(id);
      dom.zone.add(new Option(`${names.en} · ${names.zh}`, id));
    });
    pm.data.landUses.forEach((names, code) => {
      const label = [names.nameEn, names.nameZh].filter(Boolean).join(' · ');
      dom.landUse.add(new Option(label ? `${code} · ${label}` : code, code));
    });
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
    findings.setVisible(active);
  }

  // ---------------------------------------------------------------------------------------------
  // The draft
  // ---------------------------------------------------------------------------------------------

  /** True when there is nothing unsaved to lose, or the planner agrees to lose it. */
  function confirmLeave() {
    if (!state.draft || !state.draft.dirty) return true;
    return window.confirm('Discard the unsaved changes to this parcel?\n放弃对该地块未保存的修改？');
  }

  function startNewParcel() {
    if (!confirmLeave()) return;
    pm.clearSelection({ force: true });
    clearDraft();
    Planner.activate('parcel');
    startPolygonTool();
  }

  /** Starts leaflet-draw's polygon tool, as its toolbar button does. */
  function startPolygonTool() {
    const button = document.querySelector('.leaflet-draw-draw-polygon');
    if (button) button.click();
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
      pm.clearSelection({ force: true });
      newDraft(latlngs);
    }
    Planner.activate('parcel');
    hideMessage();
    Planner.hideMessage();
  }

  /** Each vertex moved onto a corner within reach; repeated corners (two clicks snapped together) dropped. */
  function snapRing(latlngs, ownId) {
    const snapped = latlngs.map((ll) => pm.snapLatLng(ll, ownId));
    return snapped.filter((ll, i) => !ll.equals(snapped[(i + snapped.length - 1) % snapped.length], 0));
  }

  function newDraft(latlngs) {
    clearDraft();
    const layer = draftPolygon(latlngs);
    state.draft = { mode: 'new', id: null, etag: null, feature: null, layer, dirty: true, outlineChanged: true };
    const centre = layer.getBounds().getCenter();
    const zone = pm.zoneAt(centre) || dom.zone.value || pm.data.zoneOrder[0];
    dom.zone.value = zone;
    dom.landUse.value = commonLandUse(zone) || dom.landUse.value;
    dom.numbers.forEach((input) => { input.value = ''; input.placeholder = 'zone · 片区'; });
    showForm();
    pm.renderSelection();
  }

  /** The land use most parcels of the zone have: the likeliest choice for a new one there. */
  function commonLandUse(zone) {
    const counts = new Map();
    pm.data.parcels.forEach((f) => {
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
    const layer = L.polygon(latlngs, { ...DRAFT_STYLE, renderer: draftRenderer, interactive: false });
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
      const snapped = pm.snapLatLng(ll, state.draft ? state.draft.id : null);
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
    pm.renderSelection();
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
    const known = pm.data.parcels.get(id);
    if (!known) return;
    setExisting(known, null);
    // The stored version and its ETag, fresh from the service: a save must name the version it changes.
    await Planner.track('load', async () => {
      const fetched = await pm.fetchParcel(id);
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
  }

  const round = (value, decimals) => Number(Number(value).toFixed(decimals));

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
    const area = L.GeometryUtil.geodesicArea(ring);
    const kind = draft.outlineChanged ? 'drawn' : 'parcel';
    dom.outline.dataset.kind = kind;
    const what = draft.mode === 'new' ? bilingual('New outline', '新边界')
      : draft.outlineChanged ? bilingual('Changed outline', '已修改边界') : bilingual('Stored outline', '现有边界');
    dom.outline.innerHTML = `<span>${what} · ≈ ${formatNumber(area / 10000, 2, 2)} ha ·
      ${ring.length} ${ring.length === 1 ? 'corner' : 'corners'} <span class="zh">${ring.length} 个角点</span></span>`;
    draft.layer.setStyle(draft.outlineChanged ? { ...DRAFT_STYLE, ...UNSAVED_STYLE } : { ...DRAFT_STYLE, dashArray: null });
  }

  function markDirty() {
    if (!state.draft) return;
    state.draft.dirty = true;
    renderDirty();
    if (hooks.lastResult) dom.result.classList.add('stale');
  }

  function renderDirty() {
    dom.dirty.hidden = !(state.draft && state.draft.dirty);
    dom.discard.disabled = !(state.draft && (state.draft.dirty || state.draft.mode === 'new'));
  }

  // ---------------------------------------------------------------------------------------------
  // Vertex editing (leaflet-draw's L.Edit.Poly on the draft polygon)
  // ---------------------------------------------------------------------------------------------

  function isEditingVertices() {
    return Boolean(state.draft && state.draft.layer.editing && state.draft.layer.editing.enabled());
  }

  function startVertexEditing() {
    if (!state.draft) return;
    const layer = state.draft.layer;
    // leaflet-draw's edit toolbar sets these two styles before it edits a layer; editing it directly, so do we.
    layer.options.original = L.extend({}, layer.options);
    layer.options.editing = { ...DRAFT_STYLE, ...UNSAVED_STYLE, fillOpacity: 0.2 };
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
    if (!geometry || geometry.type !== 'Polygon') throw new Error('setDrawnPolygon needs a GeoJSON Polygon');
    const layer = L.polygon(L.GeoJSON.coordsToLatLngs(geometry.coordinates, 1), { ...DRAFT_STYLE, renderer: draftRenderer });
    map.fire(L.Draw.Event.CREATED, { layer, layerType: 'polygon' });
    return hooks.draft;
  }

  // ---------------------------------------------------------------------------------------------
  // The request body
  // ---------------------------------------------------------------------------------------------

  class InputError extends Error {
    constructor(en, zh, input) {
      super(en);
      this.zh = zh;
      this.input = input;
    }
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
    return properties;
  }

  /** The draft as a GeoJSON Feature (CRS84, full precision: rounding would move it against its neighbours). */
  function draftFeature() {
    const draft = state.draft;
    const feature = { type: 'Feature', geometry: draft.layer.toGeoJSON(false).geometry, properties: readProperties() };
    if (draft.mode === 'existing') feature.id = draft.id;
    return feature;
  }

  // ---------------------------------------------------------------------------------------------
  // Check, save, discard, withdraw
  // ---------------------------------------------------------------------------------------------

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

  function runCheck() {
    return Planner.track('check', async () => {
      clearResult();
      const body = bodyOrExplain();
      if (!body) return { ok: false, status: null, detail: 'input' };
      setBusy(true);
      try {
        const result = await Planner.call('/api/parcels/validate', { method: 'POST', json: body });
        if (result.ok && result.data) {
          hooks.lastResult = { kind: 'check', valid: result.data.valid, findings: result.data.findings, status: result.status };
          renderFindings(result.data.valid, featuresOf(result.data), 'check');
        } else {
          hooks.lastResult = { kind: 'check', error: Planner.problemText(result), status: result.status };
          showMessage('error', `The check could not run: ${Planner.problemText(result)}`, '无法检查，请修改后重试。');
        }
        return result;
      } finally {
        setBusy(false);
      }
    });
  }

  function save() {
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
        hooks.lastResult = { kind: 'save', status: result.status, ok: result.ok };
        if (result.ok && result.data) {
          await afterSave(result);
        } else if (result.status === 422 && result.data) {
          hooks.lastResult.findings = result.data.findings;
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
    const last = hooks.lastResult;
    await pm.reloadParcels();
    pm.selectParcel(saved.id, { force: true });
    if (state.loading) await state.loading;
    hooks.lastResult = { ...last, id: saved.id, findings: saved.findings };
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
        await pm.reloadParcels();
        pm.selectParcel(id, { force: true, fly: false });
        if (state.loading) await state.loading;
        return { ok: true };
      });
    });
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

  function showWithdrawConfirm(show) {
    dom.withdraw.hidden = show;
    dom.withdrawConfirm.hidden = !show;
  }

  function withdraw() {
    return Planner.track('withdraw', async () => {
      const draft = state.draft;
      if (!draft || draft.mode !== 'existing') return { ok: false, status: null, detail: 'no parcel' };
      const id = draft.id;
      setBusy(true);
      try {
        const result = await Planner.call(`${ITEMS}/${encodeURIComponent(id)}`, { method: 'DELETE', ifMatch: draft.etag });
        hooks.lastResult = { kind: 'withdraw', status: result.status, ok: result.ok };
        showWithdrawConfirm(false);
        if (result.ok) {
          draft.dirty = false;
          await pm.reloadParcels();
          pm.clearSelection({ force: true });
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

  // ---------------------------------------------------------------------------------------------
  // Result
  // ---------------------------------------------------------------------------------------------

  const featuresOf = (answer) => (answer && answer.findings && answer.findings.features) || [];

  /** kind: 'check' (a dry run), or 'save' (the findings of a refused or accepted write). */
  function renderFindings(valid, features, kind) {
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
    findings.show(features);
    findings.setVisible(state.active);
    dom.badge.scrollIntoView({ block: 'nearest' });
  }

  function clearResult() {
    findings.clear();
    hooks.lastResult = null;
    dom.badge.hidden = true;
    dom.badge.textContent = '';
    dom.result.classList.remove('stale');
    if (dom.message.dataset.kind !== 'info') hideMessage();
  }

  function setBusy(busy) {
    [dom.check, dom.save, dom.withdrawYes].forEach((button) => { button.disabled = busy; });
  }

  function showMessage(kind, en, zh) {
    dom.message.hidden = false;
    dom.message.dataset.kind = kind;
    dom.message.className = `message message-${kind}`;
    dom.message.innerHTML = bilingual(en, zh);
    // The message sits below the form; on a short screen it would otherwise go unseen.
    if (kind !== 'info') dom.message.scrollIntoView({ block: 'nearest' });
    if (dom.form.hidden) {
      // Before a draft exists the form is hidden; the workspace message carries the hint instead.
      Planner.showMessage(kind, en, zh);
    }
  }

  function hideMessage() {
    dom.message.hidden = true;
    dom.message.dataset.kind = '';
    dom.message.textContent = '';
  }

  document.addEventListener('plannermap:ready', (event) => init(event.detail));
})();
