/*
 * "Audit 规划审计": the whole park against the planning rules, from GET /api/audit.
 *
 * Shows the summary (errors, warnings, parcels checked, park area against its target), the zone
 * budget table and the audit findings, which are listed and drawn like the site check's (findings.js).
 * The audit runs when the panel is first opened, and again on "Refresh"; the zone table is also
 * offered as CSV from /api/audit.csv.
 *
 * Test hooks: <html data-audit-done> becomes true once an audit is on screen (false while loading;
 * data-audit-error says why it failed); audit = { lastResult, findingsLayer, load() } in the page's testHooks.
 */
import L from '../core/leaflet.js';
import { FindingsView } from '../core/findings.js';
import { bilingual, escapeHtml, formatNumber, M2_PER_HA } from '../core/format.js';
import { api } from '../core/http.js';
import { ANIMATE } from '../core/map.js';
import { data, layers, view, zoneColour } from './context.js';
import { controlsInset } from './controls.js';
import { findingsHost } from './popup.js';
const dom = {
  root: document.getElementById('audit-view'),
  message: document.getElementById('audit-message'),
  body: document.getElementById('audit-body'),
  summary: document.getElementById('audit-summary'),
  park: document.getElementById('audit-park'),
  table: document.querySelector('#audit-zones tbody'),
  empty: document.getElementById('audit-findings-empty'),
  findings: document.getElementById('audit-findings'),
  refresh: document.getElementById('audit-refresh'),
};

/** Test hooks (see the top of this file). */
export const audit = { lastResult: null };
const hooks = audit;
const root = document.documentElement;
root.dataset.auditDone = 'false';

let findings;
let loaded = false;
let loading = null;

export function initAudit() {
  findings = new FindingsView({
    ...findingsHost(),
    list: dom.findings,
    pane: 'auditFindingsPane',
    // A finding about a whole parcel may come without geometry: frame the parcel it is about.
    fallbackBounds: (feature) => parcelBounds(feature.properties.subject),
  });
  Object.assign(hooks, { findingsLayer: findings.layer, load });
  dom.refresh.addEventListener('click', load);
  dom.table.addEventListener('click', (event) => {
    const row = event.target.closest('tr.audit-zone');
    if (row) frameZone(row.dataset.zone);
  });
  document.addEventListener('sidebar:panel', (event) => {
    const active = event.detail.panel === 'audit';
    findings.setVisible(active);
    // The audit runs on demand: it checks every parcel, which is too much work for every page load.
    if (active && !loaded && !loading) load();
  });
}

function parcelBounds(id) {
  const layer = id && layers.parcels.getLayers().find((l) => l.feature && l.feature.id === id);
  return layer ? layer.getBounds() : null;
}

function frameZone(id) {
  const zone = data.zones.get(id);
  if (!zone) return;
  view.map.fitBounds(L.geoJSON(zone).getBounds(), {
    paddingTopLeft: [30, 30],
    paddingBottomRight: [controlsInset(), 30],
    animate: ANIMATE,
  });
}

async function load() {
  if (loading) return loading;
  root.dataset.auditDone = 'false';
  dom.refresh.disabled = true;
  dom.message.hidden = false;
  dom.message.className = 'message message-info';
  dom.message.innerHTML = bilingual('Auditing every parcel…', '正在审计全部地块…');
  loading = (async () => {
    try {
      const response = await api('/api/audit');
      const answer = response.data;
      if (response.status === 401 || response.status === 403) {
        // The audit is planner-only; the tab is hidden from others, but a session can end while it is open.
        throw new Error('the audit is for signed-in planners: sign in again');
      }
      if (!response.ok || !answer) {
        throw new Error((answer && answer.detail) || `HTTP ${response.status}`);
      }
      hooks.lastResult = answer;
      render(answer);
      loaded = true;
      dom.message.hidden = true;
      root.dataset.auditDone = 'true';
    } catch (error) {
      hooks.lastResult = { error: String(error.message || error) };
      dom.message.className = 'message message-error';
      dom.message.innerHTML = `${bilingual(`The audit could not run: ${error.message || error}`, '审计失败，请稍后重试。')}`;
      root.dataset.auditError = String(error.message || error);
    } finally {
      dom.refresh.disabled = false;
      loading = null;
    }
  })();
  return loading;
}

// ---------------------------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------------------------

const ha = (m2) => (m2 === null || m2 === undefined ? '—' : formatNumber(m2 / M2_PER_HA, 2, 2));
const percent = (fraction) => (fraction === null || fraction === undefined ? '—' : `${formatNumber(fraction * 100, 1, 1)}%`);

function render(audit) {
  dom.body.hidden = false;
  renderSummary(audit);
  renderZones(audit.zones || []);
  const features = (audit.findings && audit.findings.features) || [];
  findings.show(features);
  dom.empty.hidden = features.length > 0;
}

function renderSummary(audit) {
  const s = audit.summary || {};
  const item = (id, en, zh, value, kind) => `
    <div class="stat stat-${kind}" id="${id}" data-count="${Number(value) || 0}">
      <dt>${bilingual(en, zh)}</dt><dd>${formatNumber(value || 0, 0)}</dd>
    </div>`;
  dom.summary.innerHTML =
    item('audit-errors', 'Errors', '错误', s.errors, s.errors ? 'error' : 'ok') +
    item('audit-warnings', 'Warnings', '警告', s.warnings, s.warnings ? 'warning' : 'ok') +
    item('audit-parcels', 'Parcels checked', '已查地块', s.parcelsChecked, 'neutral');

  const park = audit.park || {};
  const target = park.targetAreaM2;
  const generated = audit.generatedAt ? new Date(audit.generatedAt) : null;
  const difference = target ? park.areaM2 - target : null;
  // Survey-sized differences read best in m², larger ones in ha.
  const differenceText = difference === null ? ''
    : `${difference >= 0 ? '+' : '−'}${Math.abs(difference) < 100 ? `${formatNumber(Math.abs(difference), 2)} m²` : `${ha(Math.abs(difference))} ha`}`;
  dom.park.innerHTML = `${bilingual('Park area', '园区面积')} <b>${ha(park.areaM2)} ha</b>
    ${target ? `/ ${bilingual('target', '规划目标')} ${ha(target)} ha
      <span class="diff">(${differenceText})</span>` : ''}
    ${generated && !Number.isNaN(generated.getTime())
      ? `<span class="generated">${bilingual('Audited', '审计时间')} ${escapeHtml(generated.toLocaleString('en-GB'))}</span>` : ''}`;
}

function renderZones(zones) {
  const rows = zones.map((z) => {
    const colour = zoneColour(z.id);
    const use = z.budgetUse;
    // The bar is capped at 100% so an overrun stays inside the cell; the number tells the truth.
    const bar = use === null || use === undefined ? ''
      : `<span class="bar" aria-hidden="true"><span style="width:${Math.min(100, use * 100)}%"></span></span>`;
    const budgetTitle = z.budgetAreaM2 == null ? 'No land budget (infrastructure) 无用地指标'
      : `Allocated + reserved of a budget of ${ha(z.budgetAreaM2)} ha 已出让与预留占用地指标`;
    const floorTitle = z.budgetFloorAreaM2 == null ? ''
      : `Committed ${formatNumber(z.committedFloorAreaM2, 0)} m² of a floor-area budget of ${formatNumber(z.budgetFloorAreaM2, 0)} m² (${percent(z.floorBudgetUse)}) 已承诺建筑面积`;
    return `
      <tr class="audit-zone${use > 1 ? ' over-budget' : ''}" data-zone="${escapeHtml(z.id)}" title="Show on the map 在地图上显示">
        <th scope="row"><span class="swatch" style="background:${colour}"></span>${bilingual(z.nameEn, z.nameZh)}</th>
        <td class="num">${ha(z.areaM2)}</td>
        <td class="num">${ha(z.allocatedM2)}</td>
        <td class="num">${ha(z.reservedM2)}</td>
        <td class="num">${ha(z.availableM2)}</td>
        <td class="num" title="${escapeHtml(budgetTitle)}">${percent(use)}${bar}</td>
        <td class="num" title="${escapeHtml(floorTitle)}">${formatNumber(z.floorCapacityM2 || 0, 0)}</td>
      </tr>`;
  }).join('');
  dom.table.innerHTML = rows;
}

