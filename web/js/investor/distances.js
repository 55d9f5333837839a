/*
 * The straight-line distances from an available site to the places investors measure it against (the airport,
 * Jinan East station, the nearest expressway interchange, the park's service centre), in the site's popup.
 *
 * They are read lazily from the site's public planning-conditions letter (/api/parcels/{id}/conditions?f=json,
 * its `distances`, computed by the service from the parcel's outline in EPSG:4548) when the popup opens, once per
 * site and page: the public items stay exactly as the OGC API defines them, and a map that loads hundreds of sites
 * asks for distances only for the few popups a visitor opens.
 */
import { bilingual, escapeHtml, formatFixed } from '../core/format.js';
import { getJson } from '../core/http.js';

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

/** Where the distances go in a popup: hidden (taking no room) until they arrive. */
export const distancesPlaceholder = () => '<section class="distances" aria-busy="true" hidden></section>';

function distancesTable(distances) {
  if (!distances.length) return `${heading}<p class="distances-note">—</p>`;
  const rows = distances.map((d) => `
      <tr data-place="${escapeHtml(d.place)}"><th scope="row">${bilingual(d.nameEn, d.nameZh)}</th>
        <td class="km">${formatFixed(d.km, 2)} km</td></tr>`).join('');
  return `${heading}<table>${rows}</table>`;
}

/**
 * Fills the distances of site id into the popup's placeholder and hands Leaflet the grown content, so that it
 * re-measures the popup (and pans it into view when the popup pans itself). Resolves true when filled; false when the
 * popup has been closed or shows another site meanwhile.
 */
export async function fillDistances(popup, id) {
  let html;
  try {
    html = distancesTable(await load(id));
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
