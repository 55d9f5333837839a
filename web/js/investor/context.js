/*
 * What the investor map's modules share: the user's choices (mirrored in the URL hash), the loaded data, the named
 * Leaflet layers, and the map and its view loader once they exist.
 */
import { zoneColour as paletteColour } from '../core/palette.js';

/** The side list shows at most this many rows (the count above it still says how many match). */
export const MAX_LIST_ROWS = 300;
/** Zoom threshold when /api/map-config does not say (the service's default). */
export const DEFAULT_PARCEL_MIN_ZOOM = 14;

/** What the user has chosen; the URL hash mirrors it. Areas are kept in m² so unit switches are lossless. */
export const state = {
  zone: '',
  landUse: '',
  areaMinM2: null,
  areaMaxM2: null,
  unit: 'ha',
  priceMaxPerMu: null,  // maximum reserve price per mu, 万元/亩 (a site without a price does not match)
  fullyReady: false,    // only sites whose eight readiness items are all ready
  selectedId: null,
  panel: '',          // sidebar panel other than the site list ('check', 'audit'); owned by tabs.js
};

/** Loaded data, indexed for look-ups by id. */
export const data = {
  zones: new Map(),      // zone id → feature
  zoneOrder: [],         // zone ids in collection order
  landUses: new Map(),   // code → {nameEn, nameZh}
  parcels: new Map(),    // parcel id → feature (every public status) loaded for the view, plus the selected one
  sites: [],             // the available ones among them, sorted by id
  valleyBounds: null,    // L.LatLngBounds of the valley boundary
  register: null,        // {available, availableAreaM2, unavailable} of the whole register (density endpoint)
  density: null,         // the last density answer drawn (below the zoom threshold)
  parcelView: null,      // {bounds, complete, matched, bbox}: what the parcel layers hold
};

/** Named Leaflet layers and controls (tests read them through the page's test hooks). */
export const layers = {};

/** The map, its view loader (core/view-loader.js) and its zoom threshold, set at start-up. */
export const view = {
  map: null,
  loader: null,
  parcelMinZoom: DEFAULT_PARCEL_MIN_ZOOM,
  /** How the map is drawn now: 'parcels' (at or above the zoom threshold) or 'density'. */
  get mode() {
    if (!this.loader || !this.loader.mode) return null;
    return this.loader.mode === 'parcels' ? 'parcels' : 'density';
  },
};

export function zoneColour(zoneId) {
  return paletteColour(zoneId, data.zoneOrder);
}

export function zoneNames(zoneId) {
  const zone = data.zones.get(zoneId);
  return zone ? { en: zone.properties.nameEn, zh: zone.properties.nameZh } : { en: zoneId, zh: '' };
}

export function landUseNames(code) {
  return data.landUses.get(code) || { nameEn: '', nameZh: '' };
}

/** Announces a selection (or its end, id null) to the panels: {id, source}. */
export function announceSelection(id, source) {
  document.dispatchEvent(new CustomEvent('investormap:select', { detail: { id, source } }));
}
