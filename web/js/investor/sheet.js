/*
 * The site finder as a bottom sheet on a phone (map.css, max-width 760 px): it peeks with the list of sites under
 * the map, its handle pulls it up over the map (<div class="app" data-sheet="full">) and lets it down again
 * ("peek"); choosing a site in the list lets it down so that the map shows the site and its popup. On wider screens
 * the handle is hidden and nothing here changes the layout.
 *
 * Test hooks: none; a browser test clicks #sheet-handle and reads data-sheet.
 */
import { bilingual } from '../core/format.js';

const PHONE = window.matchMedia('(max-width: 760px)');

export function initSheet(map) {
  const app = document.querySelector('.app');
  const handle = document.getElementById('sheet-handle');
  const text = document.getElementById('sheet-handle-text');
  const set = (state) => {
    app.dataset.sheet = state;
    const full = state === 'full';
    handle.setAttribute('aria-expanded', String(full));
    text.innerHTML = full ? bilingual('Back to the map', '返回地图') : bilingual('More', '展开');
    // The map's visible part does not change size (the sheet covers it), but Leaflet must know when it might.
    map.invalidateSize({ pan: false });
  };
  set('peek');
  handle.addEventListener('click', () => set(app.dataset.sheet === 'full' ? 'peek' : 'full'));
  document.addEventListener('investormap:select', (event) => {
    if (PHONE.matches && event.detail.id && event.detail.source === 'list') set('peek');
  });
  PHONE.addEventListener('change', () => map.invalidateSize({ pan: false }));
}
