/*
 * What the workspace's modules share: the plan as planners see it (GET /ogc/collections/{id}/items with the
 * session: every field), the selection, the named layers, the map and its view loader once they exist, and the
 * parcel editor's say in leaving a draft.
 */
import { zoneColour as paletteColour } from '../core/palette.js';

export const data = {
  zones: new Map(),       // id → feature
  zoneOrder: [],
  landUses: new Map(),    // code → {nameEn, nameZh}
  parcels: new Map(),     // id → feature: the live parcels of the view (every status), plus the selected one
  roads: [],
  constraints: [],
  valley: [],
  valleyBounds: null,
};
export const state = { selectedId: null };
/** Named Leaflet layers and controls (tests read them through the page's test hooks). */
export const layers = {};
/** The map, its view loader (core/view-loader.js) and its zoom threshold, set at start-up. */
export const view = { map: null, loader: null, parcelMinZoom: 14 };

/**
 * The parcel editor (edit.js) fills these in: whether unsaved work may be left (asking the planner), whether a
 * drawing is in progress (a click on the map then adds a corner, it selects nothing), and the draft's mode.
 */
export const editor = {
  confirmLeave: () => true,
  isDrawing: () => false,
  draftMode: () => null,
};

export function zoneColour(zoneId) {
  return paletteColour(zoneId, data.zoneOrder);
}

export function zoneNames(zoneId) {
  const zone = data.zones.get(zoneId);
  return zone ? { en: zone.properties.nameEn, zh: zone.properties.nameZh } : { en: zoneId || '—', zh: '' };
}

export function landUseNames(code) {
  return data.landUses.get(code) || { nameEn: '', nameZh: '' };
}
