/*
 * "Budget 用地指标": how much of each zone's land budget is allocated, reserved and still available,
 * from the plan-wide audit (GET /api/audit: zones with allocatedM2, reservedM2, availableM2,
 * budgetAreaM2, budgetUse; areas in m², computed in EPSG:4548).
 *
 * Land contracted but idle (contractedIdleM2: under a transfer contract, building not started; see supervision.js)
 * is part of the allocated land: a darker strip along the bottom of the allocated segment, and a table column in
 * ha and 亩.
 *
 * The chart is plain SVG (no chart library: the page works offline): one stacked horizontal bar per
 * zone. The zones' budgets differ tenfold (340 ha of enterprise land against 30 ha for a facility
 * zone), so each bar is drawn to its own zone's scale: the full width is the zone's budget (or its
 * parcels' total, if that is larger) and a tick marks the budget. The numbers in hectares are printed
 * beside every bar and in the table below.
 *
 * Test hooks: plannerBudget = { zones (last loaded), load() }; loading is counted in
 * the shell's ops as 'budget'.
 */
import { M2_PER_MU, bilingual, escapeHtml, formatNumber } from '../core/format.js';
import { showMessage } from '../core/messages.js';
import { zoneColour } from './context.js';
import * as Planner from './shell.js';

const SVG = 'http://www.w3.org/2000/svg';

const SEGMENTS = [
  { key: 'allocatedM2', className: 'seg-allocated', en: 'allocated', zh: '已出让' },
  { key: 'reservedM2', className: 'seg-reserved', en: 'reserved', zh: '已预留' },
  { key: 'availableM2', className: 'seg-available', en: 'available', zh: '可供' },
];

const dom = {
  message: document.getElementById('budget-message'),
  body: document.getElementById('budget-body'),
  chart: document.getElementById('budget-chart'),
  table: document.querySelector('#budget-table tbody'),
  summary: document.getElementById('budget-summary'),
  refresh: document.getElementById('budget-refresh'),
};

/** Test hooks (see the top of this file). */
export const plannerBudget = { zones: [] };
const hooks = plannerBudget;
let active = false;
let stale = true;

export function initBudget() {
  hooks.load = load;
  dom.refresh.addEventListener('click', load);
  document.addEventListener('planner:panel', (event) => {
    active = event.detail.panel === 'budget';
    if (active && stale) load();
  });
  // Allocation steps and parcel writes move land between the columns.
  ['planner:parcels', 'planner:allocations'].forEach((name) => document.addEventListener(name, () => {
    stale = true;
    if (active) load();
  }));
  window.addEventListener('resize', () => { if (active && hooks.zones.length) drawChart(hooks.zones); });
}

function load() {
  stale = false;
  return Planner.track('budget', async () => {
    dom.refresh.disabled = true;
    show('info', 'Adding up the zones…', '正在统计各片区用地…');
    try {
      const result = await Planner.call('/api/audit');
      if (!result.ok || !result.data) {
        show('error', `The budgets could not be loaded: ${Planner.problemText(result)}`, '用地指标加载失败。');
        return result;
      }
      hooks.zones = result.data.zones || [];
      dom.message.hidden = true;
      dom.body.hidden = false;
      drawChart(hooks.zones);
      drawTable(hooks.zones);
      drawSummary(result.data);
      return result;
    } finally {
      dom.refresh.disabled = false;
    }
  });
}

function show(kind, en, zh) {
  showMessage(dom.message, kind, en, zh);
}

const ha = (m2) => formatNumber((m2 || 0) / 10000, 1, 1);
const mu = (m2) => formatNumber((m2 || 0) / M2_PER_MU, 1, 1);

function el(name, attributes = {}, text) {
  const node = document.createElementNS(SVG, name);
  Object.entries(attributes).forEach(([k, v]) => node.setAttribute(k, String(v)));
  if (text !== undefined) node.textContent = text;
  return node;
}

function drawChart(zones) {
  const width = Math.max(320, dom.chart.clientWidth || 520);
  const rowHeight = 58;
  const barHeight = 16;
  const left = 4;
  const right = 64;       // room for the "used" percentage
  const barWidth = width - left - right;
  const svg = el('svg', {
    width, height: zones.length * rowHeight + 4, viewBox: `0 0 ${width} ${zones.length * rowHeight + 4}`,
    role: 'img', 'aria-label': 'Land budget use by zone 各片区用地指标使用情况', class: 'budget-svg',
  });
  zones.forEach((zone, index) => {
    const y = index * rowHeight;
    const g = el('g', { class: 'budget-row', 'data-zone': zone.id, transform: `translate(0 ${y})` });
    const total = SEGMENTS.reduce((sum, s) => sum + (zone[s.key] || 0), 0);
    const scale = Math.max(zone.budgetAreaM2 || 0, total) || 1;

    const label = el('text', { x: left, y: 14, class: 'budget-label' });
    label.appendChild(el('tspan', { class: 'budget-name' }, zone.nameEn));
    label.appendChild(el('tspan', { class: 'budget-name-zh', dx: 6 }, zone.nameZh));
    g.appendChild(label);

    // The track: the whole scale, so an empty budget still shows as an empty bar.
    g.appendChild(el('rect', { x: left, y: 20, width: barWidth, height: barHeight, rx: 3, class: 'budget-track' }));
    let x = left;
    SEGMENTS.forEach((s) => {
      const m2 = zone[s.key] || 0;
      if (m2 <= 0) return;
      const w = (m2 / scale) * barWidth;
      const rect = el('rect', { x, y: 20, width: Math.max(w, 0.5), height: barHeight, class: `budget-seg ${s.className}`, 'data-kind': s.en });
      rect.appendChild(el('title', {}, `${zone.nameEn}: ${s.en} ${ha(m2)} ha · ${s.zh} ${ha(m2)} 公顷`));
      g.appendChild(rect);
      x += w;
    });
    const idle = zone.contractedIdleM2 || 0;
    if (idle > 0) {
      // Idle land is allocated land: a strip along the bottom of the allocated segment, which starts at the left.
      const strip = el('rect', { x: left, y: 20 + barHeight - 5, width: Math.max((idle / scale) * barWidth, 0.5), height: 5,
        class: 'budget-seg seg-idle', 'data-kind': 'idle' });
      strip.appendChild(el('title', {}, `${zone.nameEn}: contracted, building not started ${ha(idle)} ha · 已签约未开工 ${mu(idle)} 亩`));
      g.appendChild(strip);
    }
    if (zone.budgetAreaM2) {
      const bx = left + (zone.budgetAreaM2 / scale) * barWidth;
      const tick = el('line', { x1: bx, x2: bx, y1: 16, y2: 20 + barHeight + 4, class: 'budget-tick' });
      tick.appendChild(el('title', {}, `Land budget ${ha(zone.budgetAreaM2)} ha · 用地指标`));
      g.appendChild(tick);
    }
    const used = zone.budgetUse;
    g.appendChild(el('text', {
      x: width - 4, y: 33, 'text-anchor': 'end',
      class: `budget-used${used > 1 ? ' over' : ''}`,
    }, used === null || used === undefined ? 'n/a' : `${formatNumber(used * 100, 0)}%`));
    const numbers = SEGMENTS.map((s) => `${ha(zone[s.key])} ${s.en}`).join(' · ');
    g.appendChild(el('text', { x: left, y: 20 + barHeight + 14, class: 'budget-numbers' },
      zone.budgetAreaM2 ? `${numbers} / budget ${ha(zone.budgetAreaM2)} ha` : `${numbers} ha · no land budget`));
    svg.appendChild(g);
  });
  dom.chart.replaceChildren(svg);
  // A long Chinese name after a long English one may not fit the width: it moves into a tooltip.
  svg.querySelectorAll('.budget-label').forEach((label) => {
    if (label.getComputedTextLength() <= width - 8) return;
    const zh = label.querySelector('.budget-name-zh');
    label.appendChild(el('title', {}, zh.textContent));
    zh.remove();
  });
}

function drawTable(zones) {
  dom.table.innerHTML = zones.map((z) => `
    <tr class="audit-zone${z.budgetUse > 1 ? ' over-budget' : ''}" data-zone="${escapeHtml(z.id)}">
      <th scope="row"><span class="swatch" style="background:${zoneColour(z.id)}"></span>${bilingual(z.nameEn, z.nameZh)}</th>
      <td class="num">${Planner.ha(z.allocatedM2)}</td>
      <td class="num">${Planner.ha(z.reservedM2)}</td>
      <td class="num">${Planner.ha(z.availableM2)}</td>
      <td class="num">${z.budgetAreaM2 == null ? '—' : Planner.ha(z.budgetAreaM2)}</td>
      <td class="num">${z.budgetUse == null ? '—' : `${formatNumber(z.budgetUse * 100, 1, 1)}%`}</td>
      <td class="num" data-idle-m2="${escapeHtml(z.contractedIdleM2 || 0)}">${z.contractedIdleM2 ? `${Planner.ha(z.contractedIdleM2)} · ${mu(z.contractedIdleM2)}` : '—'}</td>
    </tr>`).join('');
}

function drawSummary(audit) {
  const s = audit.summary || {};
  dom.summary.innerHTML = `${bilingual('Used = (allocated + reserved) ÷ land budget. Each bar is drawn to its own zone’s budget.',
    '使用率 =（已出让 + 已预留）÷ 用地指标；各柱按本片区指标绘制。')}
    ${audit.generatedAt ? `<br>${bilingual('As of', '统计时间')} ${escapeHtml(Planner.formatDateTime(audit.generatedAt))} ·
      ${bilingual(`${s.errors || 0} audit errors, ${s.warnings || 0} warnings`, `审计错误 ${s.errors || 0} 项，警告 ${s.warnings || 0} 项`)}` : ''}
    ${supervisionLine(audit.supervision)}`;
}

/** The supervision counts of the audit: outstanding deadlines and idle land, park-wide. */
function supervisionLine(sup) {
  if (!sup) return '';
  const c = sup.counts || {};
  return `<br><span class="budget-supervision">${bilingual(
    `Supervision: ${c['overdue-handover'] || 0} hand-over, ${c['overdue-start'] || 0} start and ${c['overdue-completion'] || 0} completion deadlines missed, ${c['review-due'] || 0} reviews due, ${c['below-pledge'] || 0} below pledge; ${ha(sup.contractedIdleM2)} ha (${mu(sup.contractedIdleM2)} mu) contracted but not started.`,
    `批后监管：逾期交地 ${c['overdue-handover'] || 0}、逾期开工 ${c['overdue-start'] || 0}、逾期竣工 ${c['overdue-completion'] || 0}，待达产复核 ${c['review-due'] || 0}，未达承诺 ${c['below-pledge'] || 0}；已签约未开工 ${mu(sup.contractedIdleM2)} 亩。`)}</span>`;
}

