/*
 * The URL hash holds the investor map's state, so a link shares it:
 * #map=zoom/lat/lon&zone=…&use=…&min=…&max=…&unit=…&price=…&ready=1&parcel=…&panel=…
 * (price: the maximum price per mu in 万元/亩; ready=1: fully ready sites only)
 */
import L from '../core/leaflet.js';
import { AREA_UNITS, areaIn, isAreaUnit } from '../core/format.js';
import { defaultAreaUnit } from '../core/language.js';
import { state, view } from './context.js';
import { fitValley } from './controls.js';
import { applyFilters, writeFiltersToForm } from './filters.js';
import { showParcel } from './popup.js';

let writesEnabled = false;   // off until the initial view has been restored

export function readHash() {
  const result = {};
  // A hand-edited or truncated link must not break the page: undecodable parts are ignored.
  const decode = (text) => {
    try {
      return decodeURIComponent(text.replace(/\+/g, ' '));
    } catch {
      return null;
    }
  };
  window.location.hash.replace(/^#/, '').split('&').filter(Boolean).forEach((pair) => {
    const eq = pair.indexOf('=');
    const key = decode(eq < 0 ? pair : pair.slice(0, eq));
    const value = eq < 0 ? '' : decode(pair.slice(eq + 1));
    if (key !== null && value !== null) result[key] = value;
  });
  const parts = (result.map || '').split('/').map(Number);
  result.view = parts.length === 3 && parts.every(Number.isFinite)
    ? { zoom: parts[0], center: L.latLng(parts[1], parts[2]) }
    : null;
  return result;
}

export function writeHash() {
  if (!writesEnabled) return;
  const centre = view.map.getCenter();
  const zoom = view.map.getZoom();
  const parts = [`map=${Number(zoom.toFixed(2))}/${centre.lat.toFixed(5)}/${centre.lng.toFixed(5)}`];
  const add = (key, value) => parts.push(`${key}=${encodeURIComponent(value)}`);
  if (state.zone) add('zone', state.zone);
  if (state.landUse) add('use', state.landUse);
  const unitValue = (m2) => String(Number(areaIn(state.unit, m2).toFixed(3)));
  if (state.areaMinM2 !== null) add('min', unitValue(state.areaMinM2));
  if (state.areaMaxM2 !== null) add('max', unitValue(state.areaMaxM2));
  if (state.areaMinM2 !== null || state.areaMaxM2 !== null || state.unit !== defaultAreaUnit()) add('unit', state.unit);
  if (state.priceMaxPerMu !== null) add('price', String(state.priceMaxPerMu));
  if (state.fullyReady) add('ready', '1');
  if (state.selectedId) add('parcel', state.selectedId);
  if (state.panel) add('panel', state.panel);
  // replaceState: panning should not fill the back button with hundreds of entries.
  window.history.replaceState(null, '', `#${parts.join('&')}`);
}

/**
 * Applies a hash (on load or when the user pastes a link into the same tab): filters, view, the view's data, then
 * the selected parcel (fetched if it is not in view). Resolves when all of it is drawn.
 */
export async function applyHashState(hash, initialBounds) {
  state.zone = hash.zone || '';
  state.landUse = hash.use || '';
  state.unit = isAreaUnit(hash.unit) ? hash.unit : defaultAreaUnit();
  state.panel = hash.panel || '';
  const toM2 = (v) => (v === undefined || v === '' || !Number.isFinite(Number(v)) ? null : Number(v) * AREA_UNITS[state.unit].m2);
  state.areaMinM2 = toM2(hash.min);
  state.areaMaxM2 = toM2(hash.max);
  const price = hash.price === undefined || hash.price === '' ? NaN : Number(hash.price);
  state.priceMaxPerMu = Number.isFinite(price) && price >= 0 ? price : null;
  state.fullyReady = hash.ready === '1';
  writeFiltersToForm();
  applyFilters();

  if (hash.view) view.map.setView(hash.view.center, hash.view.zoom, { animate: false });
  else if (initialBounds) fitValley(initialBounds);
  await view.loader.refresh();

  if (hash.parcel) {
    // With a shared view the parcel is already framed; without one, frame it.
    await showParcel(hash.parcel, { fly: !hash.view, source: 'hash' });
  } else if (state.selectedId) {
    view.map.closePopup();
  }
}

/** From now on the hash follows the map, and a link pasted into the same tab is applied. */
export function followHash(initialBounds) {
  writesEnabled = true;
  writeHash();
  document.addEventListener('investormap:select', writeHash);
  window.addEventListener('hashchange', () => {
    applyHashState(readHash(), initialBounds).catch((error) => console.warn('Applying the link failed:', error));
  });
}
