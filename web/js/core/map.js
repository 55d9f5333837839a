/*
 * The map both pages draw on: the Leaflet map with its panes, the context layers (zones, roads, statutory
 * constraints, the valley outline) loaded whole at start-up, the layer control, and framing helpers.
 *
 * Everything clickable is drawn on one canvas per page (the parcels, the density grid): Leaflet hit-tests per
 * canvas, so a second canvas on top would hide the parcels below it from the mouse. The context layers live in
 * their own panes, below and above the interactive parcels, and let clicks through.
 */
import L from './leaflet.js';
import { bilingual } from './format.js';
import { CONSTRAINTS, CONTEXT_STYLE, OTHER_CONSTRAINT, swatchHtml, zoneColour } from './palette.js';
import { fetchCollection, getOptional } from './http.js';

/** `?animate=0` turns animations off so that browser tests see the final state at once. */
export const ANIMATE = new URLSearchParams(window.location.search).get('animate') !== '0';

export function createMap(elementId, { maxZoom = 20 } = {}) {
  const map = L.map(elementId, {
    preferCanvas: true, // hundreds of parcels redraw much faster on one canvas than as SVG nodes
    zoomAnimation: ANIMATE,
    fadeAnimation: ANIMATE,
    markerZoomAnimation: ANIMATE,
    zoomSnap: 0.25,
    maxZoom,
    attributionControl: true,
  });
  map.attributionControl.addAttribution('Planning data: Qilu Optics Valley 齐鲁光谷');
  // Each pane gets its own canvas; those canvases must let clicks through, otherwise the topmost one would
  // swallow every click meant for a parcel.
  [['zonesPane', 350], ['constraintsPane', 380], ['outlinePane', 450]].forEach(([name, zIndex]) => {
    const pane = map.createPane(name);
    pane.style.zIndex = String(zIndex);
    pane.style.pointerEvents = 'none';
  });
  L.control.scale({ metric: true, imperial: false, maxWidth: 160 }).addTo(map);
  return map;
}

/** A pane above the parcels (and below popups) that never catches clicks, for an SVG overlay of its own. */
export function overlayPane(map, name, zIndex) {
  if (!map.getPane(name)) {
    const pane = map.createPane(name);
    pane.style.zIndex = String(zIndex);
    pane.style.pointerEvents = 'none';
  }
  return name;
}

/** The one canvas of the clickable layers. */
export function parcelCanvas() {
  return L.canvas({ padding: 0.5, tolerance: 3 });
}

/**
 * The small layers, whole, with the land-use names and the map configuration: { valley, zones, constraints,
 * roads, landUses: Map code → {nameEn, nameZh}, config }. `roads` holds the centre lines (collection roads) and the
 * reserves (collection road-reserves), told apart by their `kind`.
 */
export async function loadPlan({ config = true } = {}) {
  const [valley, zones, constraints, centreLines, reserves, landUses, mapConfig] = await Promise.all([
    fetchCollection('valley'),
    fetchCollection('zones'),
    fetchCollection('constraints'),
    fetchCollection('roads'),
    fetchCollection('road-reserves'),
    getOptional('/api/land-use-codes', []),
    config ? getOptional('/api/map-config', {}) : Promise.resolve({}),
  ]);
  const names = new Map((landUses || []).map((lu) => [lu.code, { nameEn: lu.nameEn, nameZh: lu.nameZh }]));
  const roads = [...reserves, ...centreLines];
  return { valley, zones, constraints, roads, landUses: names, config: mapConfig || {} };
}

/** The valley's boundary (or the zones' extent) as L.LatLngBounds, null when there is neither. */
export function valleyBounds(plan) {
  const boundary = plan.valley.filter((f) => f.properties.kind === 'boundary');
  const source = boundary.length ? boundary : plan.zones;
  return source.length ? L.geoJSON(source).getBounds() : null;
}

/**
 * Draws the context layers and returns them: { zones, roads, constraints: {kind → layer}, valley }. Zones are
 * tinted in their colour; the constraints marked `on` start shown.
 */
export function drawContext(map, plan, { zoneFillOpacity = 0.13 } = {}) {
  const order = plan.zones.map((z) => z.id);
  const layers = {};
  layers.zones = L.geoJSON(plan.zones, {
    pane: 'zonesPane',
    interactive: false,
    style: (f) => ({ color: zoneColour(f.id, order), weight: 1.5, opacity: 0.9, fillColor: zoneColour(f.id, order), fillOpacity: zoneFillOpacity }),
  }).addTo(map);
  layers.roads = L.geoJSON(plan.roads, {
    pane: 'zonesPane',
    interactive: false,
    style: (f) => (f.properties.kind === 'centreline' ? CONTEXT_STYLE.roadCentre : CONTEXT_STYLE.roadReserve),
  }).addTo(map);
  layers.constraints = {};
  const known = new Set(CONSTRAINTS.map((c) => c.kind));
  [...CONSTRAINTS, OTHER_CONSTRAINT].forEach((c) => {
    const features = plan.constraints.filter((f) => (c === OTHER_CONSTRAINT ? !known.has(f.properties.kind) : f.properties.kind === c.kind));
    if (c === OTHER_CONSTRAINT && !features.length) return;
    const layer = L.geoJSON(features, { pane: 'constraintsPane', interactive: false, style: () => c.style });
    if (c.on) layer.addTo(map);
    layers.constraints[c.kind] = layer;
  });
  layers.valley = L.geoJSON(plan.valley, {
    pane: 'outlinePane',
    interactive: false,
    style: (f) => (f.properties.kind === 'boundary' ? CONTEXT_STYLE.boundary : CONTEXT_STYLE.phase),
  }).addTo(map);
  return layers;
}

/**
 * The layer control: `first` (label → layer, e.g. the basemap), zones, road reserves, `parcels` (label → layer),
 * then each constraint.
 */
export function addLayerControl(map, context, { first = {}, parcels = {}, collapsed = true } = {}) {
  const overlays = { ...first };
  overlays[`${swatchHtml({ color: '#2f6fb5', fillColor: '#c9d9ef' })}${bilingual('Zones', '功能分区')}`] = context.zones;
  overlays[`${swatchHtml(CONTEXT_STYLE.roadReserve)}${bilingual('Road reserves', '道路红线')}`] = context.roads;
  Object.assign(overlays, parcels);
  [...CONSTRAINTS, OTHER_CONSTRAINT].forEach((c) => {
    if (context.constraints[c.kind]) overlays[`${swatchHtml(c.style)}${bilingual(c.en, c.zh)}`] = context.constraints[c.kind];
  });
  const control = L.control.layers(null, overlays, { collapsed, position: 'topright' }).addTo(map);
  // Expanded, the box covers part of the map: a button folds it to its icon, which opens it again.
  const hide = L.DomUtil.create('button', 'layers-hide');
  hide.type = 'button';
  hide.innerHTML = `${bilingual('Hide layers', '收起图层')} <span aria-hidden="true">▴</span>`;
  hide.addEventListener('click', (event) => {
    event.preventDefault();
    control.collapse();
  });
  const list = control.getContainer().querySelector('.leaflet-control-layers-list');
  list.insertBefore(hide, list.firstChild);
  return control;
}

/**
 * Right-hand padding that keeps framed features clear of the controls (layer control, legend) over the map's
 * right edge on wide screens. Only worth it when the map stays usefully wide; on narrow maps the controls
 * collapse or hide.
 */
export function controlsInset(map, controls) {
  const width = map.getSize().x;
  const widest = Math.max(0, ...controls.filter(Boolean).map((c) => c.getContainer().offsetWidth));
  return widest > 0 && width - widest > 480 ? widest + 24 : 24;
}

/**
 * Flies to bounds, framed with padding (pixels: the right-hand side usually clear of the controls, controlsInset),
 * no closer than maxZoom; with ?animate=0 it jumps.
 */
export function flyTo(map, bounds, { topLeft, bottomRight, maxZoom, duration = 0.6 }) {
  map.flyToBounds(bounds, { paddingTopLeft: topLeft, paddingBottomRight: bottomRight, maxZoom, duration, animate: ANIMATE });
}

/** "minLon,minLat,maxLon,maxLat" of bounds, rounded outwards to 1e-5° (about 1 m) and clamped to the globe. */
export function bboxParam(bounds) {
  const down = (v) => Math.floor(v * 1e5) / 1e5;
  const up = (v) => Math.ceil(v * 1e5) / 1e5;
  return [
    Math.max(-180, down(bounds.getWest())), Math.max(-90, down(bounds.getSouth())),
    Math.min(180, up(bounds.getEast())), Math.min(90, up(bounds.getNorth())),
  ].join(',');
}

/**
 * The whole register's totals and extent, from one density request around `around` (a few cells): resolves to
 * { register: {available, availableAreaM2, unavailable} | null, bounds: L.LatLngBounds | null }.
 */
export async function registerSummary(around) {
  const bbox = around ? bboxParam(around) : '117.1,36.7,117.3,36.8';
  const summary = await getOptional(`/api/parcels/density?bbox=${bbox}&zoom=10`, null);
  const box = summary && Array.isArray(summary.registerBbox) ? summary.registerBbox : null;
  return {
    register: summary && summary.register ? summary.register : null,
    bounds: box ? L.latLngBounds([box[1], box[0]], [box[3], box[2]]) : null,
  };
}

/**
 * Keeps users from losing the park (or the register, when it reaches beyond the park) in an empty canvas when
 * there is no basemap: the map may not pan or zoom out far beyond them.
 */
export function limitToPlan(map, bounds, registerBounds) {
  const limits = L.latLngBounds(bounds.pad(1.5).getSouthWest(), bounds.pad(1.5).getNorthEast());
  let minZoom = map.getBoundsZoom(bounds) - 2;
  if (registerBounds && !bounds.pad(1.5).contains(registerBounds)) {
    limits.extend(registerBounds.pad(0.2));
    minZoom = Math.min(minZoom, map.getBoundsZoom(registerBounds) - 1);
  }
  map.setMaxBounds(limits);
  map.setMinZoom(Math.max(0, minZoom));
}
