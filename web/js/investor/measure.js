/*
 * "Measure 测量": a distance along a line or the area of a shape drawn on the investor map, computed in EPSG:4548
 * (core/gauss-kruger.js) as the service computes every number a planner sees: straight segments on the
 * Gauss-Kruger plane, the area by the shoelace formula. Drawn with Leaflet.draw's own line and polygon tools;
 * the shapes carry options.measure, so the site check (check.js), which takes every other drawn shape, leaves them.
 *
 * Test hooks: the result is in #measure-result (data-metres or data-square-metres).
 */
import L from '../core/leaflet.js';
import { M2_PER_MU, bilingual, formatNumber } from '../core/format.js';
import { areaSquareMetres, lengthMetres } from '../core/gauss-kruger.js';

const STYLE = { color: '#1f2a36', weight: 2, dashArray: '6 4', fillOpacity: 0.08, measure: true };

export function initMeasure(map) {
  const shapes = L.featureGroup().addTo(map);
  const tools = {
    distance: new L.Draw.Polyline(map, { shapeOptions: { ...STYLE, fill: false }, metric: true, showLength: true }),
    area: new L.Draw.Polygon(map, { shapeOptions: STYLE, allowIntersection: false, showArea: false }),
  };
  // On a phone the top left belongs to the popup that opens above a site: the tool waits at the bottom.
  const phone = window.matchMedia('(max-width: 760px)').matches;
  const control = L.control({ position: phone ? 'bottomleft' : 'topleft' });
  let result;
  control.onAdd = () => {
    const box = L.DomUtil.create('div', 'measure-control leaflet-bar');
    box.innerHTML = `
      <button type="button" class="measure-button" data-measure="distance" title="Measure a distance 测量距离">
        ${bilingual('Distance', '距离')}</button>
      <button type="button" class="measure-button" data-measure="area" title="Measure an area 测量面积">
        ${bilingual('Area', '面积')}</button>
      <div id="measure-result" class="measure-result" role="status" hidden></div>`;
    result = box.querySelector('#measure-result');
    L.DomEvent.disableClickPropagation(box);
    box.addEventListener('click', (event) => {
      const button = event.target.closest('[data-measure]');
      if (button) {
        Object.values(tools).forEach((tool) => tool.disable());
        tools[button.dataset.measure].enable();
        return;
      }
      if (event.target.closest('[data-measure-clear]')) {
        shapes.clearLayers();
        result.hidden = true;
      }
    });
    return box;
  };
  control.addTo(map);

  map.on(L.Draw.Event.CREATED, (event) => {
    if (!event.layer.options.measure) return;
    shapes.clearLayers();
    shapes.addLayer(event.layer);
    show(result, event.layerType, event.layer.getLatLngs());
  });
}

function show(result, kind, latlngs) {
  const clear = `<button type="button" class="link-button" data-measure-clear>${bilingual('Clear', '清除')}</button>`;
  const note = `<span class="measure-note">${bilingual('straight line, EPSG:4548', '直线距离，CGCS2000高斯投影')}</span>`;
  result.hidden = false;
  if (kind === 'polyline') {
    const metres = lengthMetres(latlngs);
    result.dataset.metres = String(metres);
    delete result.dataset.squareMetres;
    result.innerHTML = `<b>${formatNumber(metres, 1, 1)} m</b> (${formatNumber(metres / 1000, 3, 3)} km)<br>${note} ${clear}`;
  } else {
    const ring = Array.isArray(latlngs[0]) ? latlngs[0] : latlngs;
    const m2 = areaSquareMetres(ring);
    result.dataset.squareMetres = String(m2);
    delete result.dataset.metres;
    result.innerHTML = `<b>${formatNumber(m2, 1, 1)} m²</b><br>${formatNumber(m2 / 10000, 2, 2)} ha ·
      ${formatNumber(m2 / M2_PER_MU, 1, 1)} ${bilingual('mu', '亩')}<br>${clear}`;
  }
}
