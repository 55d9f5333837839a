/*
 * Filters (zone, land use, area in ha or mu, maximum price per mu, fully ready only) over the available sites in
 * view, and what the list's header says: how many match, in view and in the register. Below the zoom threshold the
 * list holds no rows and the count comes from the density grid.
 */
import { AREA_UNITS, areaIn, bilingual, formatFixed, isAreaUnit, landUseLabel } from '../core/format.js';
import { defaultAreaUnit } from '../core/language.js';
import { MAX_PARCELS_PER_VIEW } from '../core/view-loader.js';
import { data, landUseNames, MAX_LIST_ROWS, state, view, zoneNames } from './context.js';
import { flyToZone } from './controls.js';
import { renderList } from './list.js';
import { inBounds, showSites } from './parcels.js';

const dom = {
  form: document.getElementById('filters'),
  zone: document.getElementById('filter-zone'),
  landUse: document.getElementById('filter-landuse'),
  areaMin: document.getElementById('filter-area-min'),
  areaMax: document.getElementById('filter-area-max'),
  unit: document.getElementById('filter-area-unit'),
  priceMax: document.getElementById('filter-price-max'),
  ready: document.getElementById('filter-ready'),
  reset: document.getElementById('filter-reset'),
  count: document.getElementById('site-count'),
  empty: document.getElementById('site-empty'),
  note: document.getElementById('view-note'),
};

export function populateFilterOptions() {
  data.zoneOrder.forEach((id) => {
    const names = zoneNames(id);
    dom.zone.add(new Option(`${names.en} · ${names.zh}`, id));
  });
  addLandUseOptions();
}

/**
 * Only the land uses that occur among the available sites loaded so far (the national classification has well
 * over a hundred codes and a select full of impossible choices helps no one); options are added as sites with
 * new codes come into view, in code order, and never taken away.
 */
export function addLandUseOptions() {
  const present = new Set([...dom.landUse.options].map((o) => o.value));
  const codes = [...new Set(data.sites.map((s) => s.properties.landUse))].filter((c) => c && !present.has(c)).sort();
  codes.forEach((code) => {
    const before = [...dom.landUse.options].find((o) => o.value && o.value > code);
    dom.landUse.add(new Option(landUseOptionLabel(code), code), before || null);
  });
}

function landUseOptionLabel(code) {
  return landUseLabel(code, landUseNames(code));
}

/** Makes sure a select can show a value that came from a shared link, even if it is not an option yet. */
function ensureOption(select, value, label) {
  if (value && ![...select.options].some((o) => o.value === value)) select.add(new Option(label, value));
}

function parseAreaInput(input, unit) {
  if (input.value.trim() === '') return null;
  const value = Number(input.value);
  return Number.isFinite(value) ? value * AREA_UNITS[unit].m2 : null;
}

/** The area inputs show values in the chosen unit; trailing zeros are dropped so "15" stays "15". */
function showAreaInputs() {
  const show = (input, m2) => {
    input.value = m2 === null ? '' : String(Number(areaIn(state.unit, m2).toFixed(3)));
  };
  show(dom.areaMin, state.areaMinM2);
  show(dom.areaMax, state.areaMaxM2);
}

function readFiltersFromForm() {
  state.zone = dom.zone.value;
  state.landUse = dom.landUse.value;
  state.unit = isAreaUnit(dom.unit.value) ? dom.unit.value : defaultAreaUnit();
  state.areaMinM2 = parseAreaInput(dom.areaMin, state.unit);
  state.areaMaxM2 = parseAreaInput(dom.areaMax, state.unit);
  const price = dom.priceMax.value.trim() === '' ? NaN : Number(dom.priceMax.value);
  state.priceMaxPerMu = Number.isFinite(price) && price >= 0 ? price : null;
  state.fullyReady = dom.ready.checked;
}

/** Shows the filters of `state` (as restored from a link) in the form, adding options a link may name. */
export function writeFiltersToForm() {
  ensureOption(dom.zone, state.zone, state.zone);
  ensureOption(dom.landUse, state.landUse, landUseOptionLabel(state.landUse));
  dom.zone.value = state.zone;
  dom.landUse.value = state.landUse;
  dom.unit.value = state.unit;
  showAreaInputs();
  dom.priceMax.value = state.priceMaxPerMu === null ? '' : String(state.priceMaxPerMu);
  dom.ready.checked = state.fullyReady;
}

function matchesFilters(site) {
  const p = site.properties;
  if (state.zone && p.zone !== state.zone) return false;
  if (state.landUse && p.landUse !== state.landUse) return false;
  if (state.areaMinM2 !== null && p.areaM2 < state.areaMinM2) return false;
  if (state.areaMaxM2 !== null && p.areaM2 > state.areaMaxM2) return false;
  // As the API's filter pricePerMuWanYuan <= x: a site without a price is not known to be cheap enough.
  if (state.priceMaxPerMu !== null
    && !(typeof p.pricePerMuWanYuan === 'number' && p.pricePerMuWanYuan <= state.priceMaxPerMu)) return false;
  if (state.fullyReady && p.fullyReady !== true) return false;
  return true;
}

const anyFilter = () => Boolean(state.zone || state.landUse || state.areaMinM2 !== null || state.areaMaxM2 !== null
  || state.priceMaxPerMu !== null || state.fullyReady);

export function showViewNote(html) {
  dom.note.hidden = !html;
  dom.note.innerHTML = html || '';
}

/**
 * Re-applies the filters to the highlighted sites on the map and to the side list. The list holds the matching
 * available sites in view (and the selected one), at most MAX_LIST_ROWS rows.
 */
export function applyFilters() {
  if (view.mode === 'density') {
    showDensityCount();
    return;
  }
  const matching = data.sites.filter(matchesFilters);
  showSites(new Set(matching.map((s) => s.id)));
  const bounds = view.map.getBounds();
  const visible = matching.filter((s) => s.id === state.selectedId || inBounds(s, bounds));
  const inView = data.sites.filter((s) => s.id === state.selectedId || inBounds(s, bounds)).length;
  renderList(visible.slice(0, MAX_LIST_ROWS));
  const filtered = visible.length !== inView;
  const register = data.register ? data.register.available : null;
  // The number shown always comes first: it is what the filters produced (tests read it too).
  // With more sites in the register than in view (a city, or a zoomed-in park), say both.
  const partial = register !== null && register !== inView;
  const where = partial ? ' in view' : '';
  let text = filtered
    ? `${visible.length} of ${inView} sites${where} · ${visible.length}/${inView} 块`
    : `${inView} ${inView === 1 ? 'site' : 'sites'}${where} · ${partial ? '视野内' : ''}${inView} 块`;
  if (partial) text += ` (of ${formatFixed(register, 0)} · 共${formatFixed(register, 0)}块)`;
  dom.count.textContent = text;
  dom.count.dataset.count = String(visible.length);
  dom.count.dataset.inView = String(inView);
  dom.empty.hidden = visible.length > 0;
  const notes = [];
  if (visible.length > MAX_LIST_ROWS) {
    notes.push(bilingual(`The list shows the first ${MAX_LIST_ROWS}; zoom in or filter to see the others.`,
      `列表仅显示前${MAX_LIST_ROWS}块，请放大地图或筛选。`));
  }
  if (data.parcelView && !data.parcelView.complete) {
    notes.push(bilingual(`${formatFixed(data.parcelView.matched, 0)} parcels here; the map draws the first ${formatFixed(MAX_PARCELS_PER_VIEW, 0)}. Zoom in to see them all.`,
      `此范围共${formatFixed(data.parcelView.matched, 0)}块，仅绘制前${MAX_PARCELS_PER_VIEW}块，请放大地图。`));
  }
  showViewNote(notes.join('<br>'));
  dom.reset.disabled = !anyFilter();
  document.querySelectorAll('.legend-zone').forEach((button) => {
    button.classList.toggle('active', button.dataset.zone === state.zone);
    button.setAttribute('aria-pressed', String(button.dataset.zone === state.zone));
  });
}

/** Below the zoom threshold: no rows, the number of available sites in the density cells in view. */
function showDensityCount() {
  renderList([]);
  const totals = data.density ? data.density.totals : null;
  const register = data.register ? data.register.available : null;
  if (totals) {
    let text = `${totals.available} ${totals.available === 1 ? 'site' : 'sites'} in this area · 本区域${totals.available}块`;
    if (register !== null && register !== totals.available) text += ` (of ${formatFixed(register, 0)} · 共${formatFixed(register, 0)}块)`;
    dom.count.textContent = text;
    dom.count.dataset.count = String(totals.available);
  } else {
    dom.count.textContent = '…';
    delete dom.count.dataset.count;
  }
  dom.empty.hidden = true;
  showViewNote(bilingual(`Zoom in to level ${view.parcelMinZoom} or more to list and filter the sites.`,
    `放大至${view.parcelMinZoom}级以上可列出并筛选地块。`));
  dom.reset.disabled = !anyFilter();
}

/** The legend's zone buttons: clicking the active zone again clears the zone filter. */
export function chooseZone(zoneId, onChange) {
  dom.zone.value = dom.zone.value === zoneId ? '' : zoneId;
  readFiltersFromForm();
  applyFilters();
  onChange();
  flyToZone(state.zone);
}

/** Follows the form; onChange() after each change (the URL hash). */
export function bindFilterEvents(onChange) {
  const changed = () => {
    readFiltersFromForm();
    applyFilters();
    onChange();
  };
  // Enter in an area input must not submit the form and reload the page.
  dom.form.addEventListener('submit', (event) => event.preventDefault());
  dom.zone.addEventListener('change', () => {
    changed();
    flyToZone(state.zone);
  });
  dom.landUse.addEventListener('change', changed);
  dom.areaMin.addEventListener('input', changed);
  dom.areaMax.addEventListener('input', changed);
  dom.priceMax.addEventListener('input', changed);
  dom.ready.addEventListener('change', changed);
  // Switching unit converts the displayed numbers rather than reinterpreting them, and the filter keeps its exact
  // m² bounds (the inputs are not re-read), so the list does not change under the user.
  dom.unit.addEventListener('change', () => {
    state.unit = isAreaUnit(dom.unit.value) ? dom.unit.value : defaultAreaUnit();
    showAreaInputs();
    applyFilters();
    onChange();
  });
  dom.reset.addEventListener('click', () => {
    const hadZone = Boolean(state.zone);
    Object.assign(state, { zone: '', landUse: '', areaMinM2: null, areaMaxM2: null, priceMaxPerMu: null, fullyReady: false });
    writeFiltersToForm();
    applyFilters();
    onChange();
    if (hadZone) flyToZone('');
  });
}

/** The count shown when the map could not load. */
export function showCountUnknown() {
  dom.count.textContent = '—';
}
