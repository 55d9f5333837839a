/*
 * Below the zoom threshold the investor map draws a density grid of the register (GET /api/parcels/density)
 * instead of parcels: square cells coloured by the share of their land that is available sites, with a tooltip
 * per cell and a click that zooms into it.
 */
import L from '../core/leaflet.js';
import { bboxParam, ANIMATE } from '../core/map.js';
import { bilingual, formatArea, formatFixed } from '../core/format.js';
import { getJson } from '../core/http.js';
import { data, layers, view } from './context.js';

/**
 * Density classes: the share of a cell's land that is available sites (available area / cell area), so the
 * colours mean the same whatever the cell size. Cells with only unavailable parcels get the first.
 */
const DENSITY_CLASSES = [
  { upTo: 0, colour: '#d9dde2', en: 'None available', zh: '无可供地' },
  { upTo: 0.05, colour: '#c7e9c0', en: 'Under 5%', zh: '5%以下' },
  { upTo: 0.15, colour: '#74c476', en: '5–15%', zh: '5–15%' },
  { upTo: 0.3, colour: '#31a354', en: '15–30%', zh: '15–30%' },
  { upTo: Infinity, colour: '#006d2c', en: '30% and more', zh: '30%以上' },
];

/** The (empty) density layer, on the parcels' canvas. */
export function initDensityLayer() {
  layers.density = L.geoJSON(null, {
    renderer: layers.renderer,
    style: densityStyle,
    onEachFeature: (feature, layer) => {
      layer.bindTooltip(() => densityTooltip(feature), { sticky: true, direction: 'top', className: 'density-tooltip' });
      // A click zooms in on the cell, far enough to see its parcels.
      layer.on('click', () => view.map.flyToBounds(layer.getBounds(), {
        maxZoom: Math.max(view.parcelMinZoom, view.map.getZoom() + 1), animate: ANIMATE, duration: 0.6,
      }));
    },
  });
}

/** The grid of `bounds` at `zoom`; resolves false when the answer came too late to draw. */
export async function loadDensity(bounds, zoom, signal) {
  const answer = await getJson(`/api/parcels/density?bbox=${bboxParam(bounds)}&zoom=${zoom}`, { signal });
  if (signal.aborted || view.mode !== 'density') return false;
  data.density = answer; // before drawing: the cells' style reads the cell size from it
  layers.density.clearLayers();
  layers.density.addData(answer.features || []);
  if (answer.register) data.register = answer.register;
  return true;
}

export function clearDensity() {
  layers.density.clearLayers();
  data.density = null;
}

function densityClass(feature) {
  const p = feature.properties;
  const size = data.density ? data.density.cellSizeMetres : 0;
  const share = size > 0 ? p.availableAreaM2 / (size * size) : 0;
  return DENSITY_CLASSES.find((c) => (p.available === 0 ? c.upTo === 0 : share <= c.upTo && c.upTo > 0))
    || DENSITY_CLASSES[DENSITY_CLASSES.length - 1];
}

function densityStyle(feature) {
  return { color: '#ffffff', weight: 0.6, opacity: 0.9, fillColor: densityClass(feature).colour, fillOpacity: 0.75 };
}

function densityTooltip(feature) {
  const p = feature.properties;
  const size = data.density ? data.density.cellSizeMetres : 0;
  const cell = size >= 1000 ? `${size / 1000} km` : `${size} m`;
  return `<b>${formatFixed(p.available, 0)}</b> ${bilingual('available sites', '块可供地')} ·
    ${formatArea('ha', p.availableAreaM2)} <span class="zh">公顷</span><br>
    ${formatFixed(p.unavailable, 0)} ${bilingual('reserved / allocated', '块已预留/已出让')}<br>
    <small>${bilingual(`cell ${cell} × ${cell}; click to zoom in`, '点击放大')}</small>`;
}

/** The legend's section for the grid, shown below the threshold only. */
export function densityLegendHtml() {
  return `<div class="legend-density" hidden>
      <h3>${bilingual('Available land per cell', '网格内可供地占比')}</h3>
      <ul>${DENSITY_CLASSES.map((c) => `<li><span class="swatch" style="background:${c.colour}"></span><span>${bilingual(c.en, c.zh)}</span></li>`).join('')}</ul>
      <p class="legend-note">${bilingual(`Zoom in to ${view.parcelMinZoom} to see parcels`, `放大至${view.parcelMinZoom}级查看地块`)}</p>
    </div>`;
}
