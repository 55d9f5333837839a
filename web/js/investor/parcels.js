/*
 * The investor map's parcels: every parcel of the view drawn faintly, and the available sites on top with a strong
 * fill in their zone's colour. Both are clickable, so an investor can also read the conditions of a reserved or
 * allocated neighbour. The layers start empty; the view loader fills them (setParcels).
 */
import L from '../core/leaflet.js';
import { escapeHtml } from '../core/format.js';
import { parcelCanvas } from '../core/map.js';
import { faintParcelStyle, siteStyle } from '../core/palette.js';
import { ParcelSet } from '../core/view-loader.js';
import { data, layers, state, view, zoneColour } from './context.js';

const parcelLayerById = new Map();  // id → faint polygon in the all-parcels layer
const siteLayerById = new Map();    // id → strong polygon in the available-sites layer

const styleOfSite = (feature) => siteStyle(zoneColour(feature.properties.zone), feature.id === state.selectedId);
const styleOfParcel = (feature) => faintParcelStyle(feature.id === state.selectedId);

const parcels = new ParcelSet({
  onAdd(feature) {
    layers.parcels.addData(feature);
    if (feature.properties.status === 'available') layers.siteFactory.addData(feature);
  },
  onRemove(id) {
    const parcel = parcelLayerById.get(id);
    if (parcel) layers.parcels.removeLayer(parcel);
    const site = siteLayerById.get(id);
    if (site) {
      layers.sites.removeLayer(site);
      layers.siteFactory.removeLayer(site);
    }
    parcelLayerById.delete(id);
    siteLayerById.delete(id);
  },
});
data.parcels = parcels.features;

/** Rises whenever a parcel is added or removed (the side list's cache key). */
export const parcelsGeneration = () => parcels.generation;

/** Creates the (empty) parcel layers on one shared canvas; onClick(id, latlng) is called for a click on either. */
export function initParcelLayers(onClick) {
  // The density grid draws on this canvas too (density.js): one canvas for everything clickable.
  layers.renderer = parcelCanvas();
  layers.parcels = L.geoJSON(null, {
    renderer: layers.renderer,
    style: styleOfParcel,
    onEachFeature: (feature, layer) => {
      parcelLayerById.set(feature.id, layer);
      layer.on('click', (e) => onClick(feature.id, e.latlng));
    },
  }).addTo(view.map);

  // Filtering adds and removes site polygons from this group; siteLayerById keeps them all. The factory makes
  // them (with their style, tooltip and click) and is never on the map itself.
  layers.sites = L.featureGroup().addTo(view.map);
  layers.siteFactory = L.geoJSON(null, {
    renderer: layers.renderer,
    style: styleOfSite,
    onEachFeature: (feature, layer) => {
      siteLayerById.set(feature.id, layer);
      layer.bindTooltip(escapeHtml(feature.id), { sticky: true, direction: 'top', className: 'site-tooltip' });
      layer.on('click', (e) => onClick(feature.id, e.latlng));
    },
  });
}

/** Adds one parcel (one fetched by id, kept while selected). */
export function addParcel(feature) {
  parcels.add(feature);
  refreshSites();
}

/** Makes the layers hold exactly `features`, plus the selected parcel wherever it is. */
export function setParcels(features) {
  parcels.replace(features, state.selectedId);
  refreshSites();
}

/** Below the zoom threshold: every parcel but the selected one goes. */
export function clearParcels() {
  parcels.clear(state.selectedId);
  data.parcelView = null;
  refreshSites();
}

function refreshSites() {
  data.sites = [...data.parcels.values()]
    .filter((f) => f.properties.status === 'available')
    .sort((a, b) => String(a.id).localeCompare(String(b.id), 'en', { numeric: true }));
  if (state.selectedId) restyle(state.selectedId);
}

/** The polygon that represents a parcel on the map: the strong one if it is an available site. */
export function layerFor(id) {
  return siteLayerById.get(id) || parcelLayerById.get(id);
}

export function restyle(id) {
  if (!id) return;
  const site = siteLayerById.get(id);
  const parcel = parcelLayerById.get(id);
  if (site) site.setStyle(styleOfSite(site.feature));
  if (parcel) parcel.setStyle(styleOfParcel(parcel.feature));
  const front = site && layers.sites.hasLayer(site) ? site : parcel;
  if (id === state.selectedId && front) front.bringToFront();
}

/** Shows exactly the site polygons whose ids are in `ids`. */
export function showSites(ids) {
  siteLayerById.forEach((layer, id) => {
    if (ids.has(id)) layers.sites.addLayer(layer);
    else layers.sites.removeLayer(layer);
  });
}

/** True when the feature's outline touches the bounds. */
export function inBounds(feature, bounds) {
  const layer = layerFor(feature.id);
  return Boolean(layer && bounds.intersects(layer.getBounds()));
}
