/*
 * The investor map's controls and framing: the optional basemap, the layer control, the legend (zone colours,
 * whose buttons filter the list to a zone, and what the fills mean), and how features are framed clear of them.
 */
import L from '../core/leaflet.js';
import { bilingual, escapeHtml } from '../core/format.js';
import { addLayerControl, controlsInset as insetOf, flyTo } from '../core/map.js';
import { swatchHtml } from '../core/palette.js';
import { densityLegendHtml } from './density.js';
import { data, layers, view, zoneColour, zoneNames } from './context.js';

/** The basemap is opt-in server-side (it usually needs internet); with none the map has a plain background. */
export function addBasemap(config) {
  if (!config.basemapUrl) return;
  layers.basemap = L.tileLayer(config.basemapUrl, {
    // Shown as plain text: the attribution is configuration, not markup the page should trust.
    attribution: config.basemapAttribution ? escapeHtml(config.basemapAttribution) : '',
    maxZoom: 20,
    maxNativeZoom: 18,
  }).addTo(view.map);
  view.map.getContainer().classList.add('has-basemap');
}

export function addControls(onZoneClick) {
  const map = view.map;
  const first = layers.basemap ? { [`Basemap ${bilingual('', '底图')}`]: layers.basemap } : {};
  const parcels = { [`${swatchHtml({ color: '#56606b', fillColor: '#eceef0' })}${bilingual('All parcels', '全部地块')}`]: layers.parcels };
  // Expanded on wide screens so the constraint toggles are discoverable; collapsed on phones.
  const collapsed = window.matchMedia('(max-width: 760px)').matches;
  layers.control = addLayerControl(map, layers, { first, parcels, collapsed });
  // The parcels layer leaves the map below the zoom threshold; remember only what the user chose.
  map.on('overlayadd', (e) => { if (e.layer === layers.parcels && !layers.switching) layers.parcelsWanted = true; });
  map.on('overlayremove', (e) => { if (e.layer === layers.parcels && !layers.switching) layers.parcelsWanted = false; });
  addLegend(onZoneClick);
}

function addLegend(onZoneClick) {
  const legend = L.control({ position: 'bottomright' });
  legend.onAdd = () => {
    const div = L.DomUtil.create('div', 'legend');
    const zoneItems = data.zoneOrder.map((id) => {
      const names = zoneNames(id);
      return `<li><button type="button" class="legend-zone" data-zone="${escapeHtml(id)}" title="Show sites in this zone 只看该片区地块">
          <span class="swatch" style="background:${zoneColour(id)}"></span><span>${bilingual(names.en, names.zh)}</span></button></li>`;
    }).join('');
    // Folded to its title on phones, and whenever the user folds it: the map matters more than the key.
    if (window.matchMedia('(max-width: 760px)').matches) div.classList.add('legend-folded');
    div.innerHTML = `
      <button type="button" class="legend-toggle" aria-expanded="${!div.classList.contains('legend-folded')}"
        aria-controls="legend-body">${bilingual('Legend', '图例')} <span class="legend-caret" aria-hidden="true"></span></button>
      <div class="legend-body" id="legend-body">
      <h3>${bilingual('Zones', '功能分区')}</h3>
      <ul>${zoneItems}</ul>
      <h3>${bilingual('Parcels', '地块')}</h3>
      <ul>
        <li><span class="swatch swatch-site"></span><span>${bilingual('Available site', '可供地块')}</span></li>
        <li><span class="swatch swatch-parcel"></span><span>${bilingual('Reserved / allocated', '已预留/已出让')}</span></li>
        <li><span class="swatch swatch-selected"></span><span>${bilingual('Selected', '当前选中')}</span></li>
        <li><span class="swatch swatch-boundary"></span><span>${bilingual('Valley boundary', '园区边界')}</span></li>
      </ul>
      ${densityLegendHtml()}
      </div>`;
    layers.densityLegend = div.querySelector('.legend-density');
    layers.densityLegend.hidden = view.mode !== 'density';
    L.DomEvent.disableClickPropagation(div);
    L.DomEvent.disableScrollPropagation(div);
    div.addEventListener('click', (event) => {
      const toggle = event.target.closest('.legend-toggle');
      if (toggle) {
        const folded = div.classList.toggle('legend-folded');
        toggle.setAttribute('aria-expanded', String(!folded));
        return;
      }
      const button = event.target.closest('.legend-zone');
      if (button) onZoneClick(button.dataset.zone);
    });
    return div;
  };
  layers.legend = legend.addTo(view.map);
}

/** Right-hand padding that keeps framed features clear of the layer control and legend. */
export function controlsInset() {
  return insetOf(view.map, [layers.control, layers.legend]);
}

export function fitValley(bounds) {
  view.map.fitBounds(bounds, { animate: false, paddingTopLeft: [24, 24], paddingBottomRight: [controlsInset(), 24] });
}

/**
 * Frames the zone the user just chose (or the whole valley when the zone filter is cleared), so the remaining
 * highlighted sites are in view. Only for choices made by the user: a view restored from a shared link is left
 * as it was shared.
 */
export function flyToZone(zoneId) {
  const zone = data.zones.get(zoneId);
  const bounds = zone ? L.geoJSON(zone).getBounds() : data.valleyBounds;
  if (!bounds || !bounds.isValid()) return;
  flyTo(view.map, bounds, { topLeft: [24, 24], bottomRight: [controlsInset(), 24] });
}
