/*
 * "Check a site 地块合规检查": tests a proposed allocation against the planning rules without storing it.
 *
 * The site is either an existing parcel (the one selected on the map, or picked by clicking the map in
 * pick mode) or one polygon/rectangle drawn with leaflet-draw. The proposal (zone, land use, FAR,
 * coverage, green ratio, height, allottee type) goes to POST /api/allocations/validate; the answer's
 * findings are listed and drawn on the map by a FindingsView (findings.js).
 *
 * The drawn shape, the draw toolbar and the findings only show while this panel is open, so the site
 * list and the audit keep an uncluttered map.
 *
 * Test hooks: siteCheck = { lastResult, findingsLayer, drawnItems, setDrawnPolygon(geometry), useParcel(id),
 * run(), site } (in the page's testHooks); <html data-site-check-done> is false while a check runs and true once
 * its result (or error) is on screen.
 */
import L from '../core/leaflet.js';
import { DrawTools } from '../core/draw.js';
import { FindingsView } from '../core/findings.js';
import { bilingual, escapeHtml, formatNumber, InputError } from '../core/format.js';
import { addLandUseOptions, addZoneOptions, readNumber } from '../core/forms.js';
import { api } from '../core/http.js';
import { hideMessage as hide, showMessage as show } from '../core/messages.js';
import { data, layers, state as investorState, view, zoneNames } from './context.js';
import { findingsHost, selectParcel } from './popup.js';
const dom = {
  root: document.getElementById('site-check'),
  useSelected: document.getElementById('check-use-selected'),
  pick: document.getElementById('check-pick'),
  draw: document.getElementById('check-draw'),
  site: document.getElementById('check-site'),
  siteText: document.getElementById('check-site-text'),
  siteClear: document.getElementById('check-site-clear'),
  zone: document.getElementById('check-zone'),
  landUse: document.getElementById('check-landuse'),
  far: document.getElementById('check-far'),
  coverage: document.getElementById('check-coverage'),
  green: document.getElementById('check-green'),
  height: document.getElementById('check-height'),
  allottee: document.getElementById('check-allottee'),
  run: document.getElementById('check-run'),
  message: document.getElementById('check-message'),
  badge: document.getElementById('check-badge'),
  findings: document.getElementById('check-findings'),
};

/** site: null | { kind: 'parcel', id } | { kind: 'drawn', layer } */
const state = { site: null, picking: false, running: false, active: false };
let map;
let drawnItems;      // L.FeatureGroup holding at most one drawn shape
let draw;            // DrawTools: the toolbar and the drawn shape's style, shared with the workspace
let findings;        // FindingsView

/** Test hooks (see the top of this file). */
export const siteCheck = { lastResult: null };
const hooks = siteCheck;
const setDone = (done) => { document.documentElement.dataset.siteCheckDone = String(done); };
setDone(false);

// ---------------------------------------------------------------------------------------------
// Set-up, once the map exists
// ---------------------------------------------------------------------------------------------

export function initCheck() {
  map = view.map;
  drawnItems = L.featureGroup();
  // The proposed shape is blue, a colour no finding uses, so red and amber findings stay readable on top of it.
  draw = new DrawTools(map, { pane: 'checkDrawPane', edit: { featureGroup: drawnItems, remove: true } });

  map.on(L.Draw.Event.CREATED, (event) => {
    // A measurement (measure.js) is not a site.
    if (event.layer.options.measure) return;
    // One shape at a time: a new drawing replaces the previous one.
    drawnItems.clearLayers();
    drawnItems.addLayer(event.layer);
    setSite({ kind: 'drawn', layer: event.layer });
  });
  map.on(L.Draw.Event.EDITED, () => { if (state.site && state.site.kind === 'drawn') showSite(); markStale(); });
  map.on(L.Draw.Event.DELETED, () => {
    if (state.site && state.site.kind === 'drawn' && !drawnItems.hasLayer(state.site.layer)) setSite(null);
  });

  findings = new FindingsView({ ...findingsHost(), list: dom.findings, pane: 'checkFindingsPane', fallbackBounds: siteBounds });

  populateSelects();
  bindEvents();
  Object.assign(hooks, {
    findingsLayer: findings.layer,
    drawnItems,
    setDrawnPolygon,
    useParcel,
    run: runCheck,
  });
  Object.defineProperty(hooks, 'site', {
    get: () => state.site && (state.site.kind === 'parcel' ? { ...state.site } : { kind: 'drawn' }),
  });
}

function populateSelects() {
  addZoneOptions(dom.zone, data.zoneOrder, zoneNames);
  // Every code of the rule book, not just those of the available sites: a proposal may change the use.
  addLandUseOptions(dom.landUse, data.landUses);
}

function bindEvents() {
  dom.useSelected.addEventListener('click', () => {
    const id = investorState.selectedId;
    if (id) useParcel(id);
    else showMessage('info', 'Select a parcel on the map or in the site list first.', '请先在地图或地块列表中选择地块。');
  });
  dom.pick.addEventListener('click', () => setPicking(!state.picking));
  dom.draw.addEventListener('click', startDrawing);
  dom.siteClear.addEventListener('click', () => setSite(null));
  dom.run.addEventListener('click', runCheck);
  dom.zone.addEventListener('change', () => { defaultAllottee(); markStale(); });
  [dom.landUse, dom.far, dom.coverage, dom.green, dom.height, dom.allottee].forEach((el) =>
    el.addEventListener('input', markStale));
  // Enter in an indicator runs the check, as a form would.
  dom.root.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && event.target.matches('input')) {
      event.preventDefault();
      runCheck();
    }
    if (event.key === 'Escape' && state.picking) setPicking(false);
  });

  document.addEventListener('investormap:select', (event) => {
    if (state.picking && state.active) {
      useParcel(event.detail.id);
    }
  });
  document.addEventListener('sidebar:panel', (event) => setActive(event.detail.panel === 'check'));
}

/** The panel owns the draw toolbar, the drawn shape and the findings; they leave the map with it. */
function setActive(active) {
  if (active === state.active) return;
  state.active = active;
  if (active) {
    draw.control.addTo(map);
    drawnItems.addTo(map);
  } else {
    setPicking(false);
    draw.control.remove(); // also ends a drawing or edit in progress
    drawnItems.remove();
  }
  findings.setVisible(active);
}

// ---------------------------------------------------------------------------------------------
// The site
// ---------------------------------------------------------------------------------------------

function useParcel(id) {
  const parcel = data.parcels.get(id);
  if (!parcel) return false;
  setPicking(false);
  drawnItems.clearLayers();
  setSite({ kind: 'parcel', id });
  // The parcel's own zone and use are what the rules will assume anyway; showing them makes that visible.
  if (parcel.properties.zone) dom.zone.value = parcel.properties.zone;
  if (parcel.properties.landUse) dom.landUse.value = parcel.properties.landUse;
  defaultAllottee();
  if (investorState.selectedId !== id) selectParcel(id, { fly: true, source: 'list' });
  return true;
}

/** Adds a polygon exactly as if it had been drawn, by firing leaflet-draw's own "created" event. */
function setDrawnPolygon(geometry) {
  return draw.fireCreated(geometry);
}

function setSite(site) {
  state.site = site;
  if (!site || site.kind !== 'drawn') drawnItems.clearLayers();
  if (site && site.kind === 'drawn') setPicking(false);
  showSite();
  markStale();
}

function showSite() {
  const site = state.site;
  dom.site.dataset.kind = site ? site.kind : 'none';
  dom.siteClear.hidden = !site;
  if (!site) {
    dom.siteText.innerHTML = bilingual('No site chosen yet.', '尚未选择地块。');
    dom.landUse.options[0].text = 'Not specified · 未指定';
    return;
  }
  if (site.kind === 'parcel') {
    const p = data.parcels.get(site.id).properties;
    const zone = zoneNames(p.zone);
    dom.siteText.innerHTML = `${bilingual('Parcel', '地块')} <b>${escapeHtml(site.id)}</b> ·
      ${formatNumber(p.areaM2 / 10000, 2, 2)} ha · ${bilingual(zone.en, zone.zh)}`;
    dom.landUse.options[0].text = "Parcel's land use · 沿用地块用途";
  } else {
    const area = DrawTools.area(site.layer.getLatLngs()[0]);
    dom.siteText.innerHTML = `${bilingual('Drawn area', '绘制范围')} · ≈ ${formatNumber(area / 10000, 2, 2)} ha`;
    dom.landUse.options[0].text = 'Not specified · 未指定';
  }
}

function setPicking(picking) {
  state.picking = picking;
  dom.pick.setAttribute('aria-pressed', String(picking));
  dom.pick.classList.toggle('active', picking);
  map.getContainer().classList.toggle('picking', picking);
  if (picking) showMessage('info', 'Click a parcel on the map. Esc cancels.', '请在地图上点击地块，按Esc取消。');
  else if (dom.message.dataset.kind === 'info') hideMessage();
}

/** Starts leaflet-draw's polygon tool, the same as its toolbar button. */
function startDrawing() {
  setPicking(false);
  draw.startPolygon();
}

/** What "the site" covers on the map, for framing findings that come without a geometry. */
function siteBounds() {
  if (!state.site) return null;
  if (state.site.kind === 'drawn') return state.site.layer.getBounds();
  const layer = layers.parcels.getLayers().find((l) => l.feature && l.feature.id === state.site.id);
  return layer ? layer.getBounds() : null;
}

/** Zone category decides who may take the land; the select follows the zone until the user changes it. */
function defaultAllottee() {
  const zone = data.zones.get(dom.zone.value);
  const category = zone && zone.properties.category;
  if (category === 'enterprise' || category === 'facility') dom.allottee.value = category;
}

// ---------------------------------------------------------------------------------------------
// Running the check
// ---------------------------------------------------------------------------------------------

function buildRequest() {
  const site = state.site;
  if (!site) throw new InputError('Choose a site first: use the selected parcel, pick one on the map or draw an area.',
    '请先选择地块：使用选中地块、在地图上选取或绘制范围。', dom.pick);
  if (site.kind === 'drawn' && !dom.zone.value) {
    throw new InputError('Choose the zone the drawn area is proposed in.', '请选择绘制范围所属片区。', dom.zone);
  }
  if (site.kind === 'drawn' && !dom.landUse.value) {
    // A drawn area has no land use of its own to fall back on (a parcel has): the service would refuse it.
    throw new InputError('Choose the land use proposed for the drawn area.', '请选择绘制范围的拟用地性质。', dom.landUse);
  }
  const indicators = {};
  const far = readNumber(dom.far, 'FAR', '容积率');
  const coverage = readNumber(dom.coverage, 'Coverage %', '建筑密度', { max: 100 });
  const green = readNumber(dom.green, 'Green ratio %', '绿地率', { max: 100 });
  const height = readNumber(dom.height, 'Height', '建筑高度');
  // An absent indicator is not checked, so empty inputs are left out rather than sent as 0.
  if (far !== null) indicators.far = far;
  if (coverage !== null) indicators.coverage = coverage / 100; // the API takes fractions
  if (green !== null) indicators.greenRatio = green / 100;
  if (height !== null) indicators.heightMetres = height;

  const body = { allotteeType: dom.allottee.value, indicators };
  if (site.kind === 'parcel') body.parcelId = site.id;
  // Full precision: rounding the vertices would move the shape against the red line it is tested on.
  else body.geometry = site.layer.toGeoJSON(false).geometry;
  if (dom.zone.value) body.zone = dom.zone.value;
  if (dom.landUse.value) body.landUse = dom.landUse.value;
  return body;
}

async function runCheck() {
  if (state.running) return;
  setDone(false);
  clearResult();
  let body;
  try {
    body = buildRequest();
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    hooks.lastResult = { error: error.message };
    showMessage('error', error.message, error.zh);
    if (error.input) error.input.focus();
    setDone(true);
    return;
  }

  state.running = true;
  dom.run.disabled = true;
  dom.run.classList.add('busy');
  showMessage('info', 'Checking…', '检查中…');
  try {
    // A signed-in visitor's POST rides on the session and so must carry the CSRF token: api() adds it.
    const result = await api('/api/allocations/validate', { method: 'POST', json: body });
    const answer = result.data;
    if (!result.ok || !answer) {
      // Problem details (RFC 9457): the detail says what was wrong with the input.
      const detail = (answer && (answer.detail || answer.title)) || `HTTP ${result.status}`;
      hooks.lastResult = { error: detail, status: result.status, request: body };
      showMessage('error', `The check could not run: ${detail}`, '无法检查，请修改输入后重试。');
    } else {
      hooks.lastResult = { ...answer, request: body };
      renderResult(answer);
    }
  } catch (error) {
    hooks.lastResult = { error: String(error.message || error), request: body };
    showMessage('error', 'The service did not answer. Please try again.', '服务无响应，请重试。');
  } finally {
    state.running = false;
    dom.run.disabled = false;
    dom.run.classList.remove('busy');
    setDone(true);
  }
}

function renderResult(answer) {
  hideMessage();
  const features = (answer.findings && answer.findings.features) || [];
  const errors = features.filter((f) => f.properties.severity === 'error').length;
  const warnings = features.length - errors;
  dom.badge.hidden = false;
  dom.badge.dataset.valid = String(Boolean(answer.valid));
  dom.badge.className = `badge ${answer.valid ? 'badge-valid' : 'badge-invalid'}`;
  const counts = features.length
    ? `${errors} ${errors === 1 ? 'error' : 'errors'} · ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}
       <span class="zh">${errors} 项错误 · ${warnings} 项警告</span>`
    : bilingual('No findings: the proposal meets every rule checked.', '未发现问题，符合全部已检查规则。');
  dom.badge.innerHTML = `<span class="badge-label">${answer.valid ? 'Valid <span class="zh">合规</span>' : 'Not valid <span class="zh">不合规</span>'}</span>
    <span class="badge-counts">${counts}</span>`;
  findings.show(features);
  dom.badge.scrollIntoView({ block: 'nearest' });
}

function clearResult() {
  findings.clear();
  hooks.lastResult = null;
  dom.badge.hidden = true;
  dom.badge.textContent = '';
  dom.root.classList.remove('stale');
  hideMessage();
}

/** A result that no longer matches the inputs is dimmed rather than removed: it is still worth reading. */
function markStale() {
  if (hooks.lastResult && !state.running) dom.root.classList.add('stale');
}

function showMessage(kind, en, zh) {
  // The message sits below the form; on a short screen an error would otherwise go unseen.
  show(dom.message, kind, en, zh, { scroll: kind === 'error' });
}

function hideMessage() {
  hide(dom.message);
}

