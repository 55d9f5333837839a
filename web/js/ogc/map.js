/*
 * The small map of the OGC API's HTML pages (/ogc/...?f=html, rendered by the service): a collection page shows
 * its extent, an items or an item page its features.
 *
 * The page carries what the map draws, so nothing is fetched but the optional basemap's configuration: the map
 * element (#map) has data-bbox (a collection's extent, "minLon,minLat,maxLon,maxLat" in CRS84) or data-features,
 * the id of a GeoJSON data block (<script type="application/geo+json">, never executed: the content security
 * policy allows scripts from this service only, and this module is one). data-collection picks the colours the
 * investor map uses for that layer; on an items page, a click on a feature opens its page under data-items-url.
 *
 * Test hooks: <html data-map-ready="true"> once drawn (data-map-error says why not), and the map element's
 * data-drawn: the number of features drawn (1 for an extent).
 */
import L from '../core/leaflet.js';
import { escapeHtml } from '../core/format.js';
import { getOptional } from '../core/http.js';
import { createMap } from '../core/map.js';
import {
  CONSTRAINTS, CONTEXT_STYLE, OTHER_CONSTRAINT, siteStyle, statusParcelStyle, zoneColour,
} from '../core/palette.js';

const root = document.documentElement;
const element = document.getElementById('map');

/** The live objects of this page, for browser tests (MapBrowserTest.page). */
export const testHooks = { map: null, layer: null };

const EXTENT_STYLE = { color: '#c2273b', weight: 2, dashArray: '6 4', fillColor: '#c2273b', fillOpacity: 0.08 };
const DEFAULT_STYLE = { color: '#1c6fd1', weight: 2, fillColor: '#1c6fd1', fillOpacity: 0.2 };

/** Each collection drawn as the investor map draws that layer; clickable here, so `interactive` is on. */
function styleOf(collection) {
  switch (collection) {
    case 'zones':
      return (f) => ({ color: zoneColour(f.id), weight: 1.5, opacity: 0.9, fillColor: zoneColour(f.id), fillOpacity: 0.3 });
    case 'parcels':
      return (f) => statusParcelStyle(f.properties.status, false);
    case 'available-sites':
      return (f) => siteStyle(zoneColour(f.properties.zone), false);
    case 'constraints':
      return (f) => (CONSTRAINTS.find((c) => c.kind === f.properties.kind) || OTHER_CONSTRAINT).style;
    case 'roads':
      // The centreline's white dash is made for a grey road reserve below it; on its own it needs ink.
      return (f) => (f.properties.kind === 'centreline'
        ? { ...CONTEXT_STYLE.roadCentre, color: '#56606b', interactive: true }
        : { ...CONTEXT_STYLE.roadReserve, interactive: true });
    case 'valley':
      return (f) => ({ ...(f.properties.kind === 'boundary' ? CONTEXT_STYLE.boundary : CONTEXT_STYLE.phase), interactive: true });
    default:
      return () => DEFAULT_STYLE;
  }
}

/** "id · English 中文" for a feature's tooltip, as HTML. */
function tooltipHtml(feature) {
  const p = feature.properties || {};
  const names = [p.nameEn, p.nameZh].filter(Boolean).map(escapeHtml).join(' ');
  return `<strong>${escapeHtml(feature.id)}</strong>${names ? ` · ${names}` : ''}`;
}

function drawExtent(map, bbox) {
  const [minLon, minLat, maxLon, maxLat] = bbox.split(',').map(Number);
  if (![minLon, minLat, maxLon, maxLat].every(Number.isFinite)) throw new Error(`bad data-bbox "${bbox}"`);
  return L.rectangle(L.latLngBounds([minLat, minLon], [maxLat, maxLon]), EXTENT_STYLE).addTo(map);
}

function drawFeatures(map, blockId, collection, itemsUrl) {
  const block = document.getElementById(blockId);
  if (!block) throw new Error(`no data block #${blockId}`);
  const geoJson = JSON.parse(block.textContent);
  const features = geoJson.type === 'FeatureCollection' ? geoJson.features : [geoJson];
  const single = features.length === 1 && geoJson.type === 'Feature';
  return L.geoJSON(features.filter((f) => f.geometry), {
    style: styleOf(collection),
    pointToLayer: (feature, latlng) => L.circleMarker(latlng, { radius: 6 }),
    onEachFeature: (feature, layer) => {
      layer.bindTooltip(tooltipHtml(feature), { sticky: true });
      if (!single && itemsUrl && feature.id !== undefined) {
        layer.on('click', () => window.location.assign(`${itemsUrl}/${encodeURIComponent(feature.id)}?f=html`));
      }
    },
  }).addTo(map);
}

/** The basemap, when the service has one configured (it usually needs internet; without, a plain background). */
async function addBasemap(map) {
  const config = await getOptional('/api/map-config', {});
  if (!config || !config.basemapUrl) return;
  L.tileLayer(config.basemapUrl, {
    attribution: config.basemapAttribution ? escapeHtml(config.basemapAttribution) : '',
    maxZoom: 20,
    maxNativeZoom: 18,
  }).addTo(map);
  map.getContainer().classList.add('has-basemap');
}

async function start() {
  if (!element) return;
  const map = createMap(element.id, { maxZoom: 20 });
  testHooks.map = map;
  const { bbox, features, collection, itemsUrl } = element.dataset;
  const layer = bbox ? drawExtent(map, bbox) : drawFeatures(map, features, collection, itemsUrl);
  testHooks.layer = layer;
  const bounds = layer.getBounds();
  if (!bounds.isValid()) throw new Error('nothing to draw');
  map.fitBounds(bounds, { padding: [24, 24], maxZoom: 18, animate: false });
  element.dataset.drawn = String(bbox ? 1 : layer.getLayers().length);
  await addBasemap(map);
  root.dataset.mapReady = 'true';
}

start().catch((error) => {
  console.error('The map could not be drawn:', error);
  root.dataset.mapError = String((error && error.message) || error);
});
