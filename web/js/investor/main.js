/*
 * Qilu Optics Valley investor map (齐鲁光谷投资地图): the page's entry module.
 *
 * Native ES modules on top of Leaflet 1.9 (served from its webjar): no build step and no requests to anything but
 * this service, so the page works on an offline exhibition kiosk. Data comes from the OGC API Features endpoints
 * (/ogc/collections/{id}/items, GeoJSON in CRS84) plus three small JSON endpoints (/api/land-use-codes,
 * /api/map-config, /api/parcels/density).
 *
 * Scale: the small layers (valley, zones, constraints, roads) are loaded whole at start-up; parcels are loaded by
 * view (view.js, on the shared core/view-loader.js), the density grid standing in for them below the zoom
 * threshold. The side list shows the available sites in view, at most MAX_LIST_ROWS rows.
 *
 * Test hooks: <html data-map-ready="true"> once every layer, the list, the state from the URL hash and every
 * panel are in place (data-map-error says why loading failed); the live objects are in `testHooks`, which a
 * browser test reaches with a dynamic import() of this module (a module is one instance per page):
 * testHooks.investorMap.idle() resolves once the loads started by the last move have been drawn.
 */
import { bilingual } from '../core/format.js';
import { defaultAreaUnit, initLanguage } from '../core/language.js';
import { createMap, drawContext, limitToPlan, loadPlan, registerSummary, valleyBounds } from '../core/map.js';
import { initAccount, account } from './account.js';
import { initAudit, audit } from './audit.js';
import { initCheck, siteCheck } from './check.js';
import { data, layers, state, view } from './context.js';
import { addBasemap, addControls } from './controls.js';
import { initDensityLayer } from './density.js';
import { bindFilterEvents, chooseZone, populateFilterOptions, showCountUnknown } from './filters.js';
import { initFind } from './find.js';
import { applyHashState, followHash, readHash, writeHash } from './hash.js';
import { initInquiry, inquiry } from './inquiry.js';
import { initList } from './list.js';
import { initMeasure } from './measure.js';
import { initParcelLayers } from './parcels.js';
import { bindPopupEvents, selectParcel, showParcel } from './popup.js';
import { initSheet } from './sheet.js';
import { initTabs, sidebarTabs } from './tabs.js';
import { startViewLoader } from './view.js';

const root = document.documentElement;
const loadStatus = document.getElementById('load-status');

/** The live objects of this page, for browser tests (see the comment at the top). */
export const testHooks = {
  investorMap: {
    get map() { return view.map; },
    layers,
    state,
    data,
    selectParcel,
    showParcel,
    idle: () => view.loader.idle(),
    mode: () => view.mode,
    get parcelMinZoom() { return view.parcelMinZoom; },
  },
  siteCheck,
  audit,
  inquiry,
  account,
  sidebarTabs,
};

async function start() {
  view.map = createMap('map');
  initSheet(view.map);
  const plan = await loadPlan();
  plan.zones.forEach((zone) => {
    data.zones.set(zone.id, zone);
    data.zoneOrder.push(zone.id);
  });
  data.landUses = plan.landUses;
  const threshold = Number(plan.config.parcelMinZoom);
  if (Number.isInteger(threshold) && threshold > 0) view.parcelMinZoom = threshold;

  const bounds = valleyBounds(plan);
  data.valleyBounds = bounds;
  const summary = await registerSummary(bounds);
  if (summary.register) data.register = summary.register;
  // Open on the valley; the view must exist before the canvas renderer can draw.
  const map = view.map;
  if (bounds) map.fitBounds(bounds, { animate: false, padding: [20, 20] });
  else if (summary.bounds) map.fitBounds(summary.bounds, { animate: false });
  else map.setView([36.75, 117.22], 14);

  addBasemap(plan.config);
  Object.assign(layers, drawContext(map, plan));
  initParcelLayers((id, latlng) => selectParcel(id, { latlng, source: 'map' }));
  initDensityLayer();
  addControls((zone) => chooseZone(zone, writeHash));
  initMeasure(map);
  populateFilterOptions();
  bindFilterEvents(writeHash);
  initList((id) => selectParcel(id, { fly: true, source: 'list' }));
  bindPopupEvents();
  initFind();
  if (bounds) limitToPlan(map, bounds, summary.bounds);

  startViewLoader();
  // The link as shared, before the page rewrites the hash: "inquire=1" (from a site page's "Express interest")
  // opens the inquiry form of the shared site once the panels are ready.
  const shared = readHash();
  await applyHashState(shared, bounds);
  followHash(bounds);
  loadStatus.hidden = true;

  // The panels build on the map; the tabs open the panel the link asked for, which puts its layers on the map.
  initCheck();
  initAudit();
  initInquiry();
  initTabs();
  if (shared.inquire === '1' && shared.parcel && state.selectedId === shared.parcel) inquiry.open(shared.parcel);
  root.dataset.mapReady = 'true';
}

function showLoadError(error) {
  console.error(error);
  loadStatus.hidden = false;
  loadStatus.classList.add('error');
  loadStatus.innerHTML = `Could not load the map data. ${bilingual('', '地图数据加载失败。')}
    <button type="button" class="reset">Retry 重试</button>`;
  loadStatus.querySelector('button').addEventListener('click', () => window.location.reload());
  showCountUnknown();
  root.dataset.mapError = String(error && error.message ? error.message : error);
}

/**
 * A language chosen while no area is typed switches the area unit to the language's (亩 for Chinese): the unit
 * select's change handler converts and re-filters as if the user had chosen it.
 */
function followLanguage() {
  document.addEventListener('valley:language', () => {
    const unit = document.getElementById('filter-area-unit');
    const typed = ['filter-area-min', 'filter-area-max'].some((id) => document.getElementById(id).value.trim());
    if (typed || unit.value === defaultAreaUnit()) return;
    unit.value = defaultAreaUnit();
    unit.dispatchEvent(new Event('change'));
  });
}

root.dataset.mapReady = 'false';
initLanguage(document.getElementById('language-choice'));
followLanguage();
// Who is looking is asked at once, whatever becomes of the map.
initAccount();
start().catch(showLoadError);
