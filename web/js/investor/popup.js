/*
 * Selection and the popup: selecting a parcel outlines it, opens its popup with the planning conditions and,
 * when asked, flies to it. A parcel outside the view's parcels (a shared link, a finding, a related parcel) is
 * fetched by id and kept while it is selected. Every selection (and its end, id null) is announced as the
 * 'investormap:select' document event ({id, source}), which the list, the URL hash and the panels follow.
 */
import L from '../core/leaflet.js';
import { bilingual, escapeHtml, formatArea, formatFar, formatFixed, formatMetres, formatPercent, formatRange } from '../core/format.js';
import { getJson } from '../core/http.js';
import { flyTo } from '../core/map.js';
import { statusInfo } from '../core/palette.js';
import { announceSelection, data, landUseNames, state, view, zoneNames } from './context.js';
import { controlsInset } from './controls.js';
import { addLandUseOptions } from './filters.js';
import { distancesPlaceholder, fillDistances } from './distances.js';
import { offerHtml } from './offer.js';
import { addParcel, layerFor, restyle } from './parcels.js';

let currentPopup = null;

const row = (en, zh, value) => `<tr><th scope="row">${bilingual(en, zh)}</th><td>${value}</td></tr>`;

/** The area in m², ha and mu, as every popup shows it. */
const areaRow = (areaM2) => row('Area', '面积', `<span class="area-m2">${formatFixed(areaM2, 0)} m²</span><br>
    <span class="area-ha">${formatArea('ha', areaM2)}</span> <span class="zh">公顷</span> ·
    <span class="area-mu">${formatArea('mu', areaM2)}</span> <span class="zh">亩</span>`);

function popupHtml(feature) {
  const p = feature.properties;
  const zone = zoneNames(p.zone);
  const status = statusInfo(p.status);
  const header = `
      <header>
        <h3 class="popup-id">${escapeHtml(feature.id)}</h3>
        <span class="status status-${escapeHtml(p.status)}">${bilingual(status.en, status.zh)}</span>
      </header>`;
  if (p.status !== 'available') {
    // A reserved or allocated parcel: the public API gives its zone and area only, and so does the popup (its
    // land use and conditions are the planners' business until it is offered again).
    return `
    <div class="site-popup site-popup-unavailable" data-parcel-id="${escapeHtml(feature.id)}">${header}
      <p class="unavailable-note">${bilingual('This parcel is not available for investment.', '该地块暂不可供。')}</p>
      <table class="conditions">
        ${areaRow(p.areaM2)}
        ${row('Zone', '片区', bilingual(zone.en, zone.zh))}
      </table>
    </div>`;
  }
  const use = landUseNames(p.landUse);
  return `
    <div class="site-popup" data-parcel-id="${escapeHtml(feature.id)}">${header}
      <table class="conditions">
        ${areaRow(p.areaM2)}
        ${row('Zone', '片区', bilingual(zone.en, zone.zh))}
        ${row('Land use', '用地性质', `<code>${escapeHtml(p.landUse)}</code> ${bilingual(use.nameEn, use.nameZh)}`)}
        ${row('Floor area ratio', '容积率', formatRange(p.farMin, p.farMax, formatFar))}
        ${row('Site coverage', '建筑密度', formatRange(p.coverageMin, p.coverageMax, formatPercent))}
        ${row('Green ratio', '绿地率', formatRange(p.greenRatioMin, p.greenRatioMax, formatPercent))}
        ${row('Height limit', '建筑限高', p.heightMaxMetres == null ? '—' : `≤ ${formatMetres(p.heightMaxMetres)}`)}
        ${row('Setback', '建筑退线', p.setbackMetres == null ? '—' : `≥ ${formatMetres(p.setbackMetres)}`)}
      </table>
      ${offerHtml(p)}
      ${distancesPlaceholder()}
      <a class="site-page-link" href="/sites/${encodeURIComponent(feature.id)}">${bilingual('Site page, QR code and PDF', '地块页面、二维码与PDF')}</a>
      <a class="print-conditions" href="/api/parcels/${encodeURIComponent(feature.id)}/conditions?f=html" target="_blank"
        rel="noopener">${bilingual('Print planning conditions', '打印规划条件')}</a>
    </div>`;
}

/**
 * Selects a parcel: outlines it, opens its popup and, when asked, flies to it. source is 'list', 'map' or
 * 'hash'; it decides whether the list row needs scrolling into view. Returns false (and fetches the parcel, then
 * selects it) when it is not among the view's parcels.
 */
export function selectParcel(id, { fly = false, latlng = null, source = 'map' } = {}) {
  const feature = data.parcels.get(id);
  const layer = layerFor(id);
  if (!feature || !layer) {
    if (id) showParcel(id, { fly: true, latlng, source });
    return false;
  }
  const map = view.map;
  const previous = state.selectedId;
  state.selectedId = id;
  restyle(previous);
  restyle(id);

  // The previous popup closes while this one opens; currentPopup is cleared first so that its close handler does
  // not mistake the switch for the user dismissing the selection.
  currentPopup = null;
  const popup = L.popup({
    maxWidth: 360,
    minWidth: 280,
    // When flying, the flight frames the parcel with room for the popup; panning as well would fight the
    // flight. A restored view from a shared link must stay exactly as shared.
    autoPan: source === 'map',
    // Keep the popup clear of the layer control and legend on the right, not just of the map edge.
    autoPanPaddingTopLeft: [16, 16],
    autoPanPaddingBottomRight: [controlsInset(), 16],
    className: 'parcel-popup',
  }).setLatLng(latlng || (layer._map ? layer.getCenter() : layer.getBounds().getCenter())).setContent(popupHtml(feature));
  popup.openOn(map);
  currentPopup = popup;

  if (fly) {
    // Leave the upper part of the map free for the popup, which opens above the parcel; maxZoom 17 is close enough
    // to read the parcel's shape, far enough to see its neighbours.
    const top = Math.min(320, map.getSize().y * 0.45);
    // On a short map (a phone) the popup may still be taller than the room left above the parcel: once the flight
    // has landed, the popup pans the map until it fits. Registered first: without animation the flight lands at once.
    map.once('moveend', () => {
      if (currentPopup !== popup) return;
      popup.options.autoPan = true;
      popup.update();
    });
    flyTo(map, layer.getBounds(), { topLeft: [40, top], bottomRight: [controlsInset(), 40], maxZoom: 17, duration: 0.8 });
  }
  // The distances arrive a moment later and make the popup taller: it pans itself into view as it does when it
  // opens (autoPan: at once when opened on the map, once the flight has landed when flown to).
  if (feature.properties.status === 'available') fillDistances(popup, id);
  announceSelection(id, source);
  return true;
}

/**
 * Selects a parcel whether or not it is among the view's parcels: one that is not is fetched by id
 * (/ogc/collections/parcels/items/{id}) and kept while it is selected. Resolves true when selected.
 */
export async function showParcel(id, options = {}) {
  if (!data.parcels.has(id)) {
    let feature;
    try {
      feature = await getJson(`/ogc/collections/parcels/items/${encodeURIComponent(id)}`);
    } catch (error) {
      console.warn(`Parcel ${id} cannot be shown:`, error);
      return false;
    }
    if (!feature || !feature.geometry || data.parcels.has(id)) return selectParcel(id, options);
    addParcel(feature);
    addLandUseOptions();
  }
  return selectParcel(id, options);
}

export function clearSelection() {
  const previous = state.selectedId;
  if (!previous) return;
  state.selectedId = null;
  restyle(previous);
  announceSelection(null, 'map');
}

/** What every findings list of the investor map shares (core/findings.js): related parcels are selected. */
export const findingsHost = () => ({
  map: view.map, inset: controlsInset, knowsId: (id) => data.parcels.has(id), onRelated: (id) => selectParcel(id, { fly: true, source: 'list' }),
});

/** Closing the popup (its ✕, a click on the empty map, Esc) ends the selection. */
export function bindPopupEvents() {
  view.map.on('popupclose', (event) => {
    if (event.popup === currentPopup) {
      currentPopup = null;
      clearSelection();
    }
  });
}
