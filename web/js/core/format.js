/*
 * Text for both map pages: escaping, the bilingual "English 中文" pattern, numbers, areas and dates.
 *
 * Numbers are formatted en-US so that every kiosk and every browser test sees the same text. Areas are kept in
 * m² everywhere (as the API sends them, computed in EPSG:4548) and converted only for display.
 */

export function escapeHtml(value) {
  return String(value ?? '').replace(/[&<>"']/g, (c) =>
    ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/** "English <span class=zh>中文</span>" as HTML, tolerating a missing half. */
export function bilingual(en, zh) {
  const parts = [];
  if (en) parts.push(escapeHtml(en));
  if (zh) parts.push(`<span class="zh">${escapeHtml(zh)}</span>`);
  return parts.join(' ');
}

/** Up to maxDecimals (at least minDecimals), with thousands separators. */
export function formatNumber(value, maxDecimals = 2, minDecimals = 0) {
  return Number(value).toLocaleString('en-US', {
    minimumFractionDigits: minDecimals,
    maximumFractionDigits: maxDecimals,
  });
}

/** Exactly `decimals` decimals. */
export const formatFixed = (value, decimals) => formatNumber(value, decimals, decimals);

export const M2_PER_HA = 10000;
export const M2_PER_MU = 10000 / 15; // 1 亩 = 1/15 ha

export const AREA_UNITS = {
  ha: { m2: M2_PER_HA, en: 'ha', zh: '公顷', decimals: 2 },
  mu: { m2: M2_PER_MU, en: 'mu', zh: '亩', decimals: 1 },
};

export function isAreaUnit(unit) {
  return Object.prototype.hasOwnProperty.call(AREA_UNITS, unit);
}

export function areaIn(unit, m2) {
  return m2 / AREA_UNITS[unit].m2;
}

/** "1.77 ha", "26.6 mu". */
export function formatArea(unit, m2) {
  const u = AREA_UNITS[unit];
  return `${formatFixed(areaIn(unit, m2), u.decimals)} ${u.en}`;
}

/** Hectares with two decimals for tables, a dash for a missing value. */
export const ha = (m2) => (m2 === null || m2 === undefined ? '—' : formatFixed(m2 / M2_PER_HA, 2));

/** "a – b" for a planning range; one-sided ranges become ≥ / ≤ and a missing one a dash. */
export function formatRange(min, max, format) {
  const hasMin = min !== null && min !== undefined;
  const hasMax = max !== null && max !== undefined;
  if (hasMin && hasMax) return min === max ? format(min) : `${format(min)} – ${format(max)}`;
  if (hasMin) return `≥ ${format(min)}`;
  if (hasMax) return `≤ ${format(max)}`;
  return '—';
}

export const formatFar = (v) => formatFixed(v, Number.isInteger(v * 10) ? 1 : 2);
export const formatPercent = (fraction) => `${formatFixed(fraction * 100, Number.isInteger(fraction * 100) ? 0 : 1)}%`;
export const formatMetres = (v) => `${formatFixed(v, Number.isInteger(v) ? 0 : 1)} m`;

/** "30 Nov 2026, 14:05" in the browser's time zone. */
export function formatDateTime(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso || '');
  return date.toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

export const round = (value, decimals) => Number(Number(value).toFixed(decimals));

/** "code · English 中文" for a land-use option; the code alone when the names are unknown. */
export function landUseLabel(code, names, separator = ' ') {
  const label = names ? [names.nameEn, names.nameZh].filter(Boolean).join(separator) : '';
  return label ? `${code} · ${label}` : code;
}

/** A bilingual user-input error, pointing at the input to fix. */
export class InputError extends Error {
  constructor(en, zh, input) {
    super(en);
    this.zh = zh;
    this.input = input;
  }
}
