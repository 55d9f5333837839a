/*
 * The workspace's parcels: the live parcels of the view, every status, filled by status on one canvas, with their
 * IDs as labels from LABEL_MIN_ZOOM on. They are loaded by view through the shared loader (core/view-loader.js),
 * as on the public map: page by page, capped, after a short quiet time, a stale load aborted. So the workspace
 * opens a register of any size; below the zoom threshold it draws no parcel and asks the planner to zoom in.
 *
 * A write reloads the view (reloadParcels) and announces 'planner:parcels'; the selected parcel is kept even
 * outside the view, and read again by id.
 */
import L from '../core/leaflet.js';
import { bilingual, escapeHtml } from '../core/format.js';
import { parcelCanvas } from '../core/map.js';
import { LIVE_STATUSES, statusInfo, statusParcelStyle } from '../core/palette.js';
import { ParcelSet, ViewLoader } from '../core/view-loader.js';
import { data, layers, state, view } from './context.js';
import * as Planner from './shell.js';

/** From this zoom on, every parcel shows its ID on the map (below it they would overlap). */
const LABEL_MIN_ZOOM = 17;

const parcelLayerById = new Map();
/** The ids of the parcels the last load of the view returned (the selected one may be kept besides). */
let loadedIds = new Set();
/** Parcels whose ID label is not drawn: those a reshape preview replaces, whose parts carry their own labels. */
let unlabelled = new Set();
let onChange = () => {};

export const parcelStyle = (feature) => statusParcelStyle(feature.properties.status, feature.id === state.selectedId);

const parcels = new ParcelSet({
  onAdd(feature) {
    layers.parcels.addData(feature);
  },
  onRemove(id) {
    const layer = parcelLayerById.get(id);
    if (layer) layers.parcels.removeLayer(layer);
    parcelLayerById.delete(id);
  },
});
data.parcels = parcels.features;

export const parcelLayer = (id) => parcelLayerById.get(id);

/**
 * The (empty) parcel layer and the view loader. onClick(id) for a click on a parcel; changed() after every change
 * of the parcels held (the selection card, the snap points).
 */
export function initParcels({ onClick, changed }) {
  onChange = changed;
  layers.parcels = L.geoJSON(null, {
    renderer: parcelCanvas(),
    style: parcelStyle,
    onEachFeature: (feature, layer) => {
      parcelLayerById.set(feature.id, layer);
      layer.bindTooltip(escapeHtml(feature.id), { sticky: true, direction: 'top', className: 'site-tooltip' });
      layer.on('click', () => onClick(feature.id));
    },
  }).addTo(view.map);
  layers.labels = L.layerGroup();
  view.map.on('moveend overlayadd overlayremove', drawLabels);

  view.loader = new ViewLoader(view.map, {
    minZoom: view.parcelMinZoom,
    call: Planner.call,
    onMode(mode) {
      if (mode !== 'parcels') {
        parcels.clear(state.selectedId);
        loadedIds = new Set();
        parcelsChanged();
      }
      if (layers.legend) layers.legend.getContainer().classList.toggle('below-threshold', mode !== 'parcels');
    },
    onParcels(features) {
      parcels.replace(features, state.selectedId);
      loadedIds = new Set(features.map((f) => f.id));
      parcelsChanged();
    },
    onError(error) {
      console.warn('Loading the view failed:', error);
      Planner.showMessage('error', 'Could not load the parcels of this view; move the map to try again.', '当前视野地块加载失败，请移动地图重试。');
    },
  }).start();
}

function parcelsChanged() {
  const selected = parcelLayerById.get(state.selectedId);
  if (selected) selected.bringToFront();
  const list = document.getElementById('parcel-ids');
  const ids = [...data.parcels.keys()].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  list.replaceChildren(...ids.map((id) => new Option(id)));
  drawLabels();
  updateLegendCounts();
  onChange();
}

/**
 * Parcel IDs at their centres, from LABEL_MIN_ZOOM on, for the parcels in view only: a label is a DOM node laid out
 * as it is added, and the map may hold thousands of parcels around the view (or, just after a jump, somewhere
 * else entirely). Not interactive, so clicks (and drawing) go through.
 */
function drawLabels() {
  const map = view.map;
  layers.labels.clearLayers();
  if (map.getZoom() < LABEL_MIN_ZOOM || !map.hasLayer(layers.parcels)) {
    layers.labels.remove();
    return;
  }
  const bounds = map.getBounds();
  layers.labels.remove();
  parcelLayerById.forEach((layer, id) => {
    if (unlabelled.has(id) || !bounds.intersects(layer.getBounds())) return;
    const centre = layer._map ? layer.getCenter() : layer.getBounds().getCenter();
    layers.labels.addLayer(L.tooltip({ permanent: true, direction: 'center', className: 'parcel-label', interactive: false })
      .setLatLng(centre).setContent(escapeHtml(id)));
  });
  layers.labels.addTo(map);
}

/** The legend: status colours with the number of parcels of each in view, and what to do below the threshold. */
export function addLegend() {
  const legend = L.control({ position: 'bottomright' });
  legend.onAdd = () => {
    const div = L.DomUtil.create('div', 'legend planner-legend');
    const items = LIVE_STATUSES.map((status) => {
      const s = statusInfo(status);
      return `<li><span class="swatch" style="background:${s.colour}"></span><span>${bilingual(s.en, s.zh)}</span>
        <span class="legend-count" data-status="${status}" title="In view 视野内"></span></li>`;
    }).join('');
    div.innerHTML = `<h3>${bilingual('Parcel status', '地块状态')}</h3><ul>${items}
      <li><span class="swatch swatch-selected"></span><span>${bilingual('Selected', '当前选中')}</span></li>
      <li><span class="swatch swatch-draft"></span><span>${bilingual('Draft outline', '编辑中的边界')}</span></li></ul>
      <p class="legend-note legend-zoom-in">${bilingual(`Zoom in to level ${view.parcelMinZoom} to see and edit parcels`,
        `放大至${view.parcelMinZoom}级可查看和编辑地块`)}</p>`;
    L.DomEvent.disableClickPropagation(div);
    return div;
  };
  layers.legend = legend.addTo(view.map);
  layers.legend.getContainer().classList.toggle('below-threshold', view.loader.mode === 'overview');
  updateLegendCounts();
}

function updateLegendCounts() {
  if (!layers.legend) return;
  const counts = {};
  data.parcels.forEach((f) => { counts[f.properties.status] = (counts[f.properties.status] || 0) + 1; });
  layers.legend.getContainer().querySelectorAll('.legend-count').forEach((el) => {
    el.textContent = String(counts[el.dataset.status] || 0);
  });
}

export function restyle(id) {
  const layer = id && parcelLayerById.get(id);
  if (!layer) return;
  layer.setStyle(parcelStyle(layer.feature));
  if (id === state.selectedId) layer.bringToFront();
}

/**
 * One parcel as planners see it, with its ETag: {ok, status, feature, etag, result}. A live parcel goes on the
 * map (or replaces its older version there); a withdrawn one leaves it.
 */
export async function fetchParcel(id) {
  const result = await Planner.call(`/ogc/collections/parcels/items/${encodeURIComponent(id)}`);
  if (result.ok && result.data) {
    if (LIVE_STATUSES.includes(result.data.properties.status)) parcels.put(result.data);
    else parcels.remove(id);
    restyle(id);
    parcelsChanged();
  }
  return { ok: result.ok, status: result.status, feature: result.data, etag: result.etag, result };
}

/**
 * Re-reads the parcels of the view (another planner may have changed any of them) and the selected parcel if the
 * view did not hold it, then announces 'planner:parcels'.
 */
export async function reloadParcels() {
  view.loader.forget();
  await view.loader.refresh();
  const id = state.selectedId;
  if (id && !loadedIds.has(id)) await fetchParcel(id);
  document.dispatchEvent(new CustomEvent('planner:parcels'));
}

/**
 * Leaves out the ID labels of these parcels (none: every label again): a split's or merge's preview draws the new
 * parcels' labels where the old parcel's label would sit on top of them.
 */
export function hideLabels(ids) {
  unlabelled = new Set(ids);
  drawLabels();
}

/** The view's parcels have been drawn (a test hook, and for the find box). */
export const idle = () => view.loader.idle();
