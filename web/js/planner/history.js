/*
 * "History 历史": everything that happened to the selected parcel and to its allocations, newest
 * first, from the audit events (GET /api/history?feature=ID, once for the parcel and once per
 * allocation), under the parcel's lineage (lineage.js: the parcels it was split or merged from, and into).
 * Each event says who, when and what; edits list the properties that changed, and an
 * event that moved the outline can show the outline before (grey, dashed) and after (blue) on the map.
 *
 * Test hooks: plannerHistory = { events (last loaded, newest first), load() }; loading is
 * counted in the shell's ops as 'history'.
 */
import L from '../core/leaflet.js';
import { bilingual, escapeHtml, formatNumber } from '../core/format.js';
import { ANIMATE, overlayPane } from '../core/map.js';
import { showMessage } from '../core/messages.js';
import { READINESS_ITEMS } from '../core/readiness.js';
import { view, zoneNames } from './context.js';
import { controlsInset } from './controls.js';
import { initLineage, lineage, loadLineage, renderLineage } from './lineage.js';
import * as Planner from './shell.js';

const ACTIONS = {
  create: { en: 'Parcel created', zh: '新建地块', tone: 'edit' },
  update: { en: 'Parcel edited', zh: '修改地块', tone: 'edit' },
  withdraw: { en: 'Parcel withdrawn', zh: '撤销地块', tone: 'end' },
  reserve: { en: 'Parcel reserved', zh: '地块预留', tone: 'status' },
  allocate: { en: 'Parcel allocated', zh: '地块出让', tone: 'status' },
  'make-available': { en: 'Parcel available again', zh: '恢复可供', tone: 'status' },
  propose: { en: 'Allocation proposed', zh: '提出供地方案', tone: 'allocation' },
  approve: { en: 'Allocation approved', zh: '批准供地', tone: 'allocation' },
  reject: { en: 'Allocation rejected', zh: '驳回供地', tone: 'end' },
  release: { en: 'Allocation released', zh: '释放供地', tone: 'end' },
  contract: { en: 'Transfer contract signed', zh: '签订出让合同', tone: 'allocation' },
  'hand-over': { en: 'Land handed over', zh: '交地', tone: 'allocation' },
  start: { en: 'Building started', zh: '开工', tone: 'allocation' },
  complete: { en: 'Building completed', zh: '竣工', tone: 'allocation' },
  review: { en: 'Reviewed at full production', zh: '达产复核', tone: 'allocation' },
  revoke: { en: 'Land recovered', zh: '收回土地', tone: 'end' },
  split: { en: 'Parcel split', zh: '分割地块', tone: 'edit' },
  merge: { en: 'Parcels merged', zh: '合并地块', tone: 'edit' },
  retire: { en: 'Parcel retired', zh: '注销地块', tone: 'end' },
};
const PROPERTY_NAMES = {
  zone: 'zone 片区', landUse: 'land use 用地性质', status: 'status 状态',
  farMin: 'FAR min 容积率下限', farMax: 'FAR max 容积率上限',
  coverageMin: 'coverage min 建筑密度下限', coverageMax: 'coverage max 建筑密度上限',
  greenRatioMin: 'green min 绿地率下限', greenRatioMax: 'green max 绿地率上限',
  heightMaxMetres: 'height limit 限高', setbackMetres: 'setback 退线',
  reservePriceWanYuan: 'reserve price 起始价 (万元)', depositWanYuan: 'deposit 竞买保证金 (万元)',
  pricePerMuWanYuan: 'price per mu 亩均价 (万元/亩)', fullyReady: 'fully ready 七通一平',
};
/** Bookkeeping that changes with every write and says nothing to a reader. */
const QUIET = new Set(['version', 'updatedAt', 'areaM2']);

const dom = {
  empty: document.getElementById('history-empty'),
  body: document.getElementById('history-body'),
  message: document.getElementById('history-message'),
  list: document.getElementById('history-list'),
  refresh: document.getElementById('history-refresh'),
};

/** Test hooks (see the top of this file); lineage: the last lineage read (lineage.js). */
export const plannerHistory = { events: [], get lineage() { return lineage.value; } };
const hooks = plannerHistory;
let parcelId = null;
let active = false;
let stale = true;
let loadSeq = 0;
let outlineLayer;

export function initHistory() {
  overlayPane(view.map, 'historyPane', 458);
  outlineLayer = L.featureGroup();
  hooks.load = () => load();
  initLineage();
  dom.refresh.addEventListener('click', () => load());
  dom.list.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-event]');
    if (button) showOutlines(Number(button.dataset.event));
  });
  document.addEventListener('planner:select', (event) => {
    parcelId = event.detail.id;
    dom.empty.hidden = Boolean(parcelId);
    dom.body.hidden = !parcelId;
    stale = true;
    outlineLayer.clearLayers();
    if (active && parcelId) load();
  });
  // Any write may add events: reload now if the panel is open, otherwise when it is next opened.
  ['planner:parcels', 'planner:allocations'].forEach((name) => document.addEventListener(name, () => {
    stale = true;
    if (active && parcelId) load();
  }));
  document.addEventListener('planner:panel', (event) => {
    active = event.detail.panel === 'history';
    if (active) outlineLayer.addTo(view.map);
    else outlineLayer.remove();
    if (active && parcelId && stale) load();
  });
}

function load() {
  const id = parcelId;
  if (!id) return Promise.resolve();
  const seq = ++loadSeq;
  stale = false;
  return Planner.track('history', async () => {
    const [parcelEvents, parcelLineage] = await Promise.all([
      Planner.call(`/api/history?feature=${encodeURIComponent(id)}`), loadLineage(id)]);
    if (!parcelEvents.ok) {
      show('error', `The history could not be loaded: ${Planner.problemText(parcelEvents)}`, '历史记录加载失败。');
      return parcelEvents;
    }
    // The allocations of the parcel have their own events: propose, approve, reject, release.
    const allocations = await Planner.call(`/api/allocations?parcel=${encodeURIComponent(id)}&limit=1000`);
    const allocationIds = allocations.ok && allocations.data ? allocations.data.allocations.map((a) => a.id) : [];
    const more = await Promise.all(allocationIds.map((a) => Planner.call(`/api/history?feature=${encodeURIComponent(a)}`)));
    if (seq !== loadSeq) return { ok: true, detail: 'superseded' };
    const events = [parcelEvents, ...more]
      .filter((r) => r.ok && r.data)
      .flatMap((r) => r.data.events || [])
      .sort((a, b) => String(b.at).localeCompare(String(a.at)) || b.id - a.id);
    hooks.events = events;
    renderLineage(parcelLineage);
    render(events);
    dom.message.hidden = true;
    return { ok: true, status: 200 };
  });
}

function show(kind, en, zh) {
  showMessage(dom.message, kind, en, zh);
}

// ---------------------------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------------------------

function render(events) {
  if (!events.length) {
    dom.list.innerHTML = `<li class="timeline-empty">${bilingual('No recorded changes: the parcel is as it was loaded from the seed data.', '暂无变更记录（初始导入数据）。')}</li>`;
    return;
  }
  dom.list.replaceChildren(...events.map(item));
}

function item(event) {
  const li = document.createElement('li');
  const action = ACTIONS[event.action] || { en: event.action, zh: '', tone: 'edit' };
  li.className = `timeline-event tone-${action.tone}`;
  li.dataset.action = event.action;
  li.dataset.featureId = event.featureId;
  const details = event.featureType === 'allocation' ? allocationDetails(event) : parcelDetails(event);
  const movable = event.featureType === 'parcel' && geometryChanged(event);
  li.innerHTML = `
    <span class="timeline-dot" aria-hidden="true"></span>
    <div class="timeline-body">
      <div class="timeline-head">
        <b>${bilingual(action.en, action.zh)}</b>
        ${event.featureType === 'allocation' ? `<code class="chip">${escapeHtml(event.featureId)}</code>` : ''}
      </div>
      <p class="timeline-meta"><time datetime="${escapeHtml(event.at)}" title="${escapeHtml(event.at)}">${escapeHtml(Planner.formatDateTime(event.at))}</time>
        · ${bilingual('by', '操作人')} <b>${escapeHtml(event.actor)}</b></p>
      ${details.length ? `<ul class="timeline-details">${details.map((d) => `<li>${d}</li>`).join('')}</ul>` : ''}
      ${movable ? `<button type="button" class="link-button" data-event="${event.id}">${bilingual('Show outline on the map', '在地图上显示边界')}</button>` : ''}
    </div>`;
  return li;
}

const value = (v) => (v === null || v === undefined ? '—' : typeof v === 'number' ? formatNumber(v, 3) : String(v));

function parcelDetails(event) {
  const before = event.before && event.before.properties;
  const after = event.after && event.after.properties;
  const lines = [];
  if (!before && after) {
    const zone = zoneNames(after.zone);
    lines.push(`${bilingual(zone.en, zone.zh)} · <code>${escapeHtml(after.landUse)}</code> · ${formatNumber(after.areaM2 / 10000, 2, 2)} ha`);
    return lines;
  }
  if (!before || !after) return lines;
  Object.keys({ ...before, ...after }).filter((k) => !QUIET.has(k)).forEach((key) => {
    if (JSON.stringify(before[key]) === JSON.stringify(after[key])) return;
    if (key === 'readiness') {
      lines.push(...readinessChanges(before.readiness, after.readiness));
      return;
    }
    lines.push(`${escapeHtml(PROPERTY_NAMES[key] || key)}: ${escapeHtml(value(before[key]))} → <b>${escapeHtml(value(after[key]))}</b>`);
  });
  if (geometryChanged(event)) {
    lines.push(`${bilingual('outline', '边界')}: ${formatNumber(before.areaM2, 0)} m² → <b>${formatNumber(after.areaM2, 0)} m²</b>`);
  }
  return lines;
}

/** One line per readiness item that changed: "Gas 燃气: not ready → ready (DN200)". */
function readinessChanges(before, after) {
  const text = (item) => (item ? `${item.ready ? 'ready 已具备' : 'not ready 未具备'}${item.capacity ? ` (${item.capacity})` : ''}` : '—');
  return READINESS_ITEMS
    .filter(([key]) => JSON.stringify(before && before[key]) !== JSON.stringify(after && after[key]))
    .map(([key, en, zh]) => `${bilingual(en, zh)}: ${escapeHtml(text(before && before[key]))} → <b>${escapeHtml(text(after && after[key]))}</b>`);
}

function allocationDetails(event) {
  const before = event.before;
  const after = event.after;
  if (!after) return [];
  if (!before) {
    const pledges = after.pledges || {};
    const parts = [
      `${bilingual('to', '用地单位')} <b>${escapeHtml(after.allottee && after.allottee.name)}</b> (${escapeHtml(after.allottee && after.allottee.type)})`,
      `${escapeHtml(after.intendedUse)} · ${escapeHtml(after.termYears)} ${bilingual('years', '年')}`,
    ];
    if (pledges.investmentWanYuanPerMu !== undefined || pledges.taxWanYuanPerMu !== undefined) {
      parts.push(`${bilingual('pledges', '承诺')}: ${escapeHtml(value(pledges.investmentWanYuanPerMu))} / ${escapeHtml(value(pledges.taxWanYuanPerMu))} 万元/亩`);
    }
    return parts;
  }
  return before.state !== after.state
    ? [`${bilingual('state', '状态')}: ${escapeHtml(before.state)} → <b>${escapeHtml(after.state)}</b>`] : [];
}

function geometryChanged(event) {
  return Boolean(event.before && event.after && event.before.geometry && event.after.geometry
    && JSON.stringify(event.before.geometry) !== JSON.stringify(event.after.geometry));
}

function showOutlines(eventId) {
  const event = hooks.events.find((e) => e.id === eventId);
  if (!event) return;
  outlineLayer.clearLayers();
  const renderer = L.svg({ pane: 'historyPane' });
  L.geoJSON(event.before, { renderer, interactive: false, style: { color: '#5b6672', weight: 2.5, dashArray: '6 5', fillOpacity: 0.05 } }).addTo(outlineLayer);
  L.geoJSON(event.after, { renderer, interactive: false, style: { color: '#1c6fd1', weight: 3, fillOpacity: 0.1 } }).addTo(outlineLayer);
  view.map.fitBounds(outlineLayer.getBounds(), {
    paddingTopLeft: [60, 60], paddingBottomRight: [controlsInset(), 60], maxZoom: 18, animate: ANIMATE,
  });
}

