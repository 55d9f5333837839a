/*
 * The side list: the available sites in view that match the filters, one row each (zone, land use, area in ha
 * and mu). A row, clicked or activated from the keyboard, selects its site; the selected site's row is
 * highlighted and, unless the list itself chose it, scrolled into view.
 */
import { areaIn, bilingual, escapeHtml, formatArea, formatFixed } from '../core/format.js';
import { ANIMATE } from '../core/map.js';
import { landUseNames, state, zoneColour, zoneNames } from './context.js';
import { parcelsGeneration } from './parcels.js';

const list = document.getElementById('site-list');
let activate = () => {};

/** What a row does when activated: activateRow(id). */
export function initList(activateRow) {
  activate = activateRow;
  document.addEventListener('investormap:select', (event) => highlightRow(event.detail.id, event.detail.source !== 'list'));
}

export function renderList(sites) {
  // Rebuild only when the rows would differ: a reload of the same view must not replace the row under the
  // user's pointer (nor its keyboard focus).
  const key = `${parcelsGeneration()}:${sites.map((site) => site.id).join(',')}`;
  if (list.dataset.key === key) {
    highlightRow(state.selectedId, false);
    return;
  }
  list.dataset.key = key;
  const fragment = document.createDocumentFragment();
  sites.forEach((site) => fragment.appendChild(createRow(site)));
  list.replaceChildren(fragment);
  highlightRow(state.selectedId, false);
}

function createRow(site) {
  const p = site.properties;
  const zone = zoneNames(p.zone);
  const use = landUseNames(p.landUse);
  const row = document.createElement('li');
  row.className = 'site-row';
  row.dataset.parcelId = site.id;
  row.tabIndex = 0;
  row.setAttribute('role', 'button');
  row.setAttribute('aria-pressed', 'false');
  row.innerHTML = `
    <span class="swatch" style="background:${zoneColour(p.zone)}" aria-hidden="true"></span>
    <span class="row-main">
      <span class="site-id">${escapeHtml(site.id)}</span>
      <span class="site-zone" title="${escapeHtml(`${zone.en} ${zone.zh}`)}">${bilingual(zone.en, zone.zh)}</span>
      <span class="site-use" title="${escapeHtml(`${p.landUse} ${use.nameEn} ${use.nameZh}`)}">${escapeHtml(p.landUse)} ${bilingual(use.nameEn, use.nameZh)}</span>
    </span>
    <span class="row-area">
      <span class="area-ha">${formatArea('ha', p.areaM2)}</span>
      <span class="area-mu">${formatFixed(areaIn('mu', p.areaM2), 1)} 亩</span>
    </span>`;
  row.addEventListener('click', () => activate(site.id));
  row.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      activate(site.id);
    }
  });
  return row;
}

function highlightRow(id, scroll) {
  list.querySelectorAll('.site-row.selected').forEach((row) => {
    row.classList.remove('selected');
    row.setAttribute('aria-pressed', 'false');
  });
  if (!id) return;
  const row = list.querySelector(`.site-row[data-parcel-id="${CSS.escape(id)}"]`);
  if (!row) return;
  row.classList.add('selected');
  row.setAttribute('aria-pressed', 'true');
  if (scroll) row.scrollIntoView({ block: 'nearest', behavior: ANIMATE ? 'smooth' : 'auto' });
}
