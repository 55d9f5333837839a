/*
 * A site's price and readiness (F11) as an HTML fragment for its popup and site page: reserve price (起始价),
 * bidding deposit (竞买保证金) and the derived price per mu in 万元, then the eight readiness items (七通一平), each
 * ready or not with its capacity. The public API gives these for available sites only; for any other parcel, or a
 * site without them, the fragment is empty.
 */
import { bilingual, escapeHtml, formatNumber } from '../core/format.js';
import { READINESS_ITEMS } from '../core/readiness.js';

const row = (en, zh, value) => `<tr><th scope="row">${bilingual(en, zh)}</th><td>${value}</td></tr>`;
const wanYuan = (value, unit = '万元') => `${formatNumber(value, 2)} ${unit}`;
const isNumber = (value) => typeof value === 'number' && Number.isFinite(value);

/** The readiness list: one item per line, ✓ or ✗ (CSS), its capacity below. */
function readinessList(readiness) {
  const items = READINESS_ITEMS.filter(([key]) => readiness[key]).map(([key, en, zh]) => {
    const item = readiness[key];
    const capacity = item.capacity ? `<span class="capacity">${escapeHtml(item.capacity)}</span>` : '';
    const state = item.ready ? bilingual('ready', '已具备') : bilingual('not ready', '未具备');
    return `<li data-item="${key}" data-ready="${item.ready === true}">${bilingual(en, zh)}
      <span class="visually-hidden">: ${state}</span>${capacity}</li>`;
  });
  return `<ul class="readiness">${items.join('')}</ul>`;
}

/**
 * The fragment for a parcel's public properties (as /ogc/collections/{id}/items serves them), or '' when they
 * hold no price and no readiness.
 */
export function offerHtml(properties) {
  const p = properties || {};
  const rows = [];
  if (isNumber(p.reservePriceWanYuan)) rows.push(row('Reserve price', '起始价', wanYuan(p.reservePriceWanYuan)));
  if (isNumber(p.pricePerMuWanYuan)) rows.push(row('Price per mu', '亩均价', wanYuan(p.pricePerMuWanYuan, '万元/亩')));
  if (isNumber(p.depositWanYuan)) rows.push(row('Bidding deposit', '竞买保证金', wanYuan(p.depositWanYuan)));
  const readiness = p.readiness && typeof p.readiness === 'object' ? p.readiness : null;
  if (readiness) {
    const ready = READINESS_ITEMS.filter(([key]) => readiness[key] && readiness[key].ready === true).length;
    const summary = p.fullyReady === true
      ? `<span class="offer-ready">${bilingual('Fully ready', '七通一平已具备')}</span>`
      : bilingual(`${ready} of ${READINESS_ITEMS.length} ready`, `${ready}/${READINESS_ITEMS.length}项已具备`);
    rows.push(row('Utilities', '配套条件', `${summary}${readinessList(readiness)}`));
  }
  if (!rows.length) return '';
  return `<div class="site-offer"><table class="conditions offer">${rows.join('')}</table></div>`;
}
