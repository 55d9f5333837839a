/*
 * The straight-line distances from an available site to the places investors measure it against (the airport,
 * Jinan East station, the nearest expressway interchange, the park's service centre), in the site's popup.
 *
 * The figures are read lazily from the site's public planning-conditions letter (/api/parcels/{id}/conditions?f=json,
 * its `distances`, computed by the service from the parcel's outline in EPSG:4548) when the popup opens, once per
 * site and page: the public items stay exactly as the OGC API defines them, and a map that loads hundreds of sites
 * asks for distances only for the few popups a visitor opens. The places themselves (four points) are read once when
 * the page loads, so that a popup opens with a row per place and only its numbers arrive later: it does not grow
 * after it has been fitted into the map.
 */
import { bilingual, escapeHtml, formatFixed } from '../core/format.js';
import { getJson } from '../core/http.js';

/** The places in the letters' order ([{place, nameEn, nameZh}]), once read; null until then. */
let places = null;
getJson('/ogc/collections/places/items?limit=100')
  .then((collection) => {
    places = (collection.features || []).map((f) => ({ place: f.id, nameEn: f.properties.nameEn, nameZh: f.properties.nameZh }));
  })
  .catch((error) => console.warn('Places unavailable:', error));

/** Site id to the promise of its distances ([{place, nameEn, nameZh, km}]). */
const loaded = new Map();

function load(id) {
  if (!loaded.has(id)) {
    const request = getJson(`/api/parcels/${encodeURIComponent(id)}/conditions?f=json`)
      .then((letter) => letter.distances || []);
    // A failure is not remembered: the next popup of the site asks again.
    request.catch(() => loaded.delete(id));
    loaded.set(id, request);
  }
  return loaded.get(id);
}

const heading = `<h4>${bilingual('Distances (straight line)', '直线距离')}</h4>`;

function table(rows, km) {
  return `${heading}<table>${rows.map((d) => `
      <tr data-place="${escapeHtml(d.place)}"><th scope="row">${bilingual(d.nameEn, d.nameZh)}</th>
        <td class="km">${km(d)}</td></tr>`).join('')}</table>`;
}

/**
 * Where the distances go in a popup: a row per place with its figure to come, or, before the places are known,
 * nothing (hidden, taking no room).
 */
export function distancesPlaceholder() {
  if (!places || !places.length) return '<section class="distances" aria-busy="true" hidden></section>';
  return `<section class="distances" aria-busy="true">${table(places, () => '… km')}</section>`;
}

/**
 * Fills the distances of site id into the popup and hands Leaflet the content, so that it re-measures the popup.
 * Resolves true when filled; false when the popup has been closed or shows another site meanwhile.
 */
export async function fillDistances(popup, id) {
  let html;
  try {
    const distances = await load(id);
    html = distances.length ? table(distances, (d) => `${formatFixed(d.km, 2)} km`) : `${heading}<p class="distances-note">—</p>`;
  } catch (error) {
    console.warn(`Distances of ${id} unavailable:`, error);
    html = `${heading}<p class="distances-note">${bilingual('Not available just now.', '暂时无法获取。')}</p>`;
  }
  const container = popup.isOpen() ? popup.getElement() : null;
  const site = container && container.querySelector(`.site-popup[data-parcel-id="${CSS.escape(id)}"]`);
  const section = site && site.querySelector('.distances');
  if (!section) return false;
  section.innerHTML = html;
  section.removeAttribute('aria-busy');
  section.hidden = false;
  popup.setContent(site);
  return true;
}
