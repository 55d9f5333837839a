/*
 * The investor map follows its view through the shared loader (core/view-loader.js): from the zoom threshold up,
 * the parcels of the view; below it, the density grid, unless the whole register (live parcels, public counts of
 * the density endpoint) is no more than the map draws in one view (MAX_PARCELS_PER_VIEW): then the parcels at every
 * zoom, so that a phone opening on the whole park lists its sites. This module puts each mode's layers on the map and keeps
 * the list and the URL hash in step with the loads.
 */
import { bilingual } from '../core/format.js';
import { MAX_PARCELS_PER_VIEW, ViewLoader } from '../core/view-loader.js';
import { data, layers, view } from './context.js';
import { clearDensity, loadDensity } from './density.js';
import { addLandUseOptions, applyFilters, showViewNote } from './filters.js';
import { writeHash } from './hash.js';
import { clearParcels, setParcels } from './parcels.js';

export function startViewLoader() {
  view.loader = new ViewLoader(view.map, {
    minZoom: view.parcelMinZoom,
    parcelsAtAnyZoom: () => Boolean(data.register)
      && data.register.available + data.register.unavailable <= MAX_PARCELS_PER_VIEW,
    onMode: setMode,
    onMove() {
      writeHash();
      applyFilters();
    },
    onParcels(features, loaded) {
      setParcels(features);
      addLandUseOptions();
      data.parcelView = loaded;
      applyFilters();
    },
    async loadOverview(bounds, zoom, signal) {
      if (await loadDensity(bounds, zoom, signal)) applyFilters();
    },
    onError(error) {
      console.warn('Loading the view failed:', error);
      showViewNote(bilingual('Could not load this view; move the map to try again.', '当前视野加载失败，请移动地图重试。'));
    },
  }).start();
}

/** Puts the layers of a mode on the map (and takes the other mode's off). */
function setMode(mode) {
  const map = view.map;
  const density = mode !== 'parcels';
  map.getContainer().dataset.mode = density ? 'density' : 'parcels';
  if (!density) {
    map.removeLayer(layers.density);
    clearDensity();
    if (layers.parcelsWanted !== false) layers.parcels.addTo(map);
    layers.sites.addTo(map);
  } else {
    layers.switching = true;
    map.removeLayer(layers.parcels);
    layers.switching = false;
    map.removeLayer(layers.sites);
    clearParcels();
    layers.density.addTo(map);
  }
  if (layers.densityLegend) layers.densityLegend.hidden = !density;
}
