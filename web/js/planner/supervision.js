/*
 * "Supervision 批后监管": every allocation under a transfer contract with its deadlines and what is late or short,
 * from GET /api/supervision (?kind=...&zone=...): overdue-handover, overdue-start (逾期未开工), overdue-completion
 * (逾期未竣工), review-due, below-pledge; days overdue counted by the service's clock, areas in m² computed in
 * EPSG:4548 and shown in mu and ha. The kind and zone filters are the service's; the CSV link carries the same
 * filters (GET /api/supervision.csv). A parcel id shows the parcel and its allocations.
 *
 * The tab's chip counts outstanding cases (not yet done), loaded with the page and after allocation steps.
 *
 * Test hooks: plannerSupervision = { sheet (last loaded), load() }; counted in the shell's ops as 'supervision'.
 */
import { M2_PER_MU, bilingual, escapeHtml, formatNumber } from '../core/format.js';
import { showMessage } from '../core/messages.js';
import { data } from './context.js';
import { showParcel } from './selection.js';
import * as Planner from './shell.js';

const KINDS = [
  { id: 'overdue-handover', en: 'Hand-over overdue', zh: '逾期未交地' },
  { id: 'overdue-start', en: 'Start overdue', zh: '逾期未开工' },
  { id: 'overdue-completion', en: 'Completion overdue', zh: '逾期未竣工' },
  { id: 'review-due', en: 'Review due', zh: '达产复核到期' },
  { id: 'below-pledge', en: 'Below pledge', zh: '未达承诺' },
];
const STATES = { contracted: { en: 'Contracted', zh: '已签合同' }, reviewed: { en: 'Reviewed', zh: '已复核' } };

const dom = {
  message: document.getElementById('supervision-message'),
  kind: document.getElementById('supervision-kind'),
  zone: document.getElementById('supervision-zone'),
  counts: document.getElementById('supervision-counts'),
  idle: document.getElementById('supervision-idle'),
  none: document.getElementById('supervision-none'),
  list: document.getElementById('supervision-list'),
  csv: document.getElementById('supervision-csv'),
  refresh: document.getElementById('supervision-refresh'),
  chip: document.getElementById('supervision-count'),
};

/** Test hooks (see the top of this file). */
export const plannerSupervision = { sheet: null };
const hooks = plannerSupervision;
let active = false;
let stale = true;
let loadSeq = 0;

export function initSupervision() {
  hooks.load = load;
  KINDS.forEach((k) => dom.kind.add(new Option(`${k.en} · ${k.zh}`, k.id)));
  data.zoneOrder.forEach((id) => {
    const zone = data.zones.get(id);
    dom.zone.add(new Option(zone ? `${zone.properties.nameEn} · ${zone.properties.nameZh}` : id, id));
  });
  [dom.kind, dom.zone].forEach((select) => select.addEventListener('change', load));
  dom.refresh.addEventListener('click', load);
  dom.counts.addEventListener('click', (event) => {
    const chip = event.target.closest('button[data-kind]');
    if (!chip) return;
    dom.kind.value = dom.kind.value === chip.dataset.kind ? '' : chip.dataset.kind;
    load();
  });
  dom.list.addEventListener('click', (event) => {
    const parcel = event.target.closest('button[data-parcel]');
    if (parcel) {
      showParcel(parcel.dataset.parcel, { fly: true }).then((shown) => { if (shown) Planner.activate('allocations'); });
    }
  });
  document.addEventListener('planner:panel', (event) => {
    active = event.detail.panel === 'supervision';
    if (active && stale) load();
  });
  document.addEventListener('planner:allocations', () => {
    stale = true;
    if (active) load(); else loadCount();
  });
  loadCount();
}

function query() {
  const params = new URLSearchParams();
  if (dom.kind.value) params.set('kind', dom.kind.value);
  if (dom.zone.value) params.set('zone', dom.zone.value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

function load() {
  stale = false;
  const seq = ++loadSeq;
  const q = query();
  dom.csv.href = `/api/supervision.csv${q}`;
  return Planner.track('supervision', async () => {
    dom.refresh.disabled = true;
    try {
      const result = await Planner.call(`/api/supervision${q}`);
      if (seq !== loadSeq) return { ok: true, detail: 'superseded' };
      if (!result.ok || !result.data) {
        showMessage(dom.message, 'error', `Supervision could not be loaded: ${Planner.problemText(result)}`, '批后监管数据加载失败。');
        return result;
      }
      dom.message.hidden = true;
      hooks.sheet = result.data;
      render(result.data);
      if (!q) showCount(result.data);
      return result;
    } finally {
      dom.refresh.disabled = false;
    }
  });
}

/** The tab's chip: outstanding cases park-wide (the counts of done-late cases are history, not work). */
async function loadCount() {
  const result = await Planner.call('/api/supervision');
  if (result.ok && result.data) showCount(result.data);
}

function showCount(sheet) {
  const outstanding = (sheet.allocations || [])
    .reduce((sum, a) => sum + a.cases.filter((c) => c.outstanding || c.kind === 'below-pledge').length, 0);
  dom.chip.textContent = String(outstanding);
  dom.chip.hidden = outstanding === 0;
  dom.chip.title = `${outstanding} open supervision cases · 待处理监管事项 ${outstanding} 项`;
}

const mu = (m2) => formatNumber(m2 / M2_PER_MU, 1, 1);
const ha = (m2) => formatNumber(m2 / 10000, 2, 2);

function render(sheet) {
  const counts = sheet.counts || {};
  dom.counts.innerHTML = KINDS.map((k) => `
    <li><button type="button" class="count-button${dom.kind.value === k.id ? ' selected' : ''}${counts[k.id] ? ' has-cases' : ''}"
      data-kind="${k.id}" aria-pressed="${dom.kind.value === k.id}">
      <b>${escapeHtml(counts[k.id] || 0)}</b> ${bilingual(k.en, k.zh)}</button></li>`).join('');
  const idle = sheet.idle || { areaM2: 0, allocations: 0, pastStartByM2: 0 };
  dom.idle.innerHTML = `${bilingual('Land contracted but idle (building not started)', '已签合同未开工用地')}:
    <b data-idle-mu>${mu(idle.areaM2)}</b> 亩 · ${ha(idle.areaM2)} ha · ${escapeHtml(idle.allocations)}
    ${bilingual(idle.allocations === 1 ? 'allocation' : 'allocations', '宗')}${idle.pastStartByM2 > 0
    ? ` · ${bilingual(`${mu(idle.pastStartByM2)} mu past the start deadline`, `其中逾期未开工 ${mu(idle.pastStartByM2)} 亩`)}` : ''}
    <br><span class="hint-small">${bilingual(`As of ${sheet.asOf} (the park's calendar)`, `统计日期 ${sheet.asOf}`)}</span>`;
  const items = sheet.allocations || [];
  dom.none.hidden = items.length > 0;
  dom.list.replaceChildren(...items.map(entry));
}

function entry(a) {
  const li = document.createElement('li');
  li.className = `supervision-item${a.cases.length ? ' has-cases' : ''}`;
  li.dataset.allocationId = a.id;
  li.dataset.parcelId = a.parcelId;
  li.dataset.kinds = a.cases.map((c) => c.kind).join(' ');
  const s = STATES[a.state] || { en: a.state, zh: '' };
  const zone = data.zones.get(a.zone);
  const c = a.contract || {};
  const m = a.milestones || {};
  const row = (en, zh, due, done) => `<tr><th scope="row">${bilingual(en, zh)}</th><td>${escapeHtml(due || '—')}</td>
    <td>${done ? escapeHtml(done) : '<span class="pending">—</span>'}</td></tr>`;
  li.innerHTML = `
    <div class="supervision-head">
      <button type="button" class="link-button parcel-link" data-parcel="${escapeHtml(a.parcelId)}"
        title="Show the parcel and its allocations 查看地块及供地记录">${escapeHtml(a.parcelId)}</button>
      <b class="supervision-allottee">${escapeHtml(a.allottee && a.allottee.name)}</b>
      <span class="chip">${bilingual(s.en, s.zh)}</span>
    </div>
    <p class="supervision-facts">${escapeHtml(zone ? zone.properties.nameZh : a.zone)} · ${mu(a.areaM2)} 亩 (${ha(a.areaM2)} ha)
      · ${bilingual('contract', '合同')} <code>${escapeHtml(c.number)}</code>${a.idle ? ` · <span class="idle-chip">${bilingual('idle', '未开工')}</span>` : ''}</p>
    <ul class="case-list">${a.cases.map(caseText).join('') || `<li class="case-none">${bilingual('On schedule', '按期推进')}</li>`}</ul>
    <details class="supervision-dates"><summary>${bilingual('Deadlines', '约定期限')}</summary>
      <table class="audit-table"><thead><tr><th></th><th>${bilingual('By', '约定')}</th><th>${bilingual('Done', '实际')}</th></tr></thead><tbody>
        ${row('Hand-over', '交地', c.handOverBy, m.handedOverOn)}${row('Start', '开工', c.startBy, m.startedOn)}
        ${row('Completion', '竣工', c.completeBy, m.completedOn)}${row('Review', '达产复核', c.reviewOn, m.reviewedOn)}
      </tbody></table></details>`;
  return li;
}

function caseText(k) {
  const kind = KINDS.find((x) => x.id === k.kind) || { en: k.kind, zh: '' };
  let en;
  let zh;
  if (k.kind === 'below-pledge') {
    en = `${formatNumber(k.percent, 1, 1)}% of the pledge achieved (reviewed ${k.doneOn})`;
    zh = `承诺完成 ${formatNumber(k.percent, 1, 1)}%`;
  } else if (k.outstanding) {
    en = `${k.daysOverdue} days overdue (due ${k.dueOn})`;
    zh = `逾期 ${k.daysOverdue} 天`;
  } else {
    en = `${k.daysOverdue} days late (due ${k.dueOn}, done ${k.doneOn})`;
    zh = `延迟 ${k.daysOverdue} 天完成`;
  }
  return `<li class="case case-${escapeHtml(k.kind)}${k.outstanding ? ' outstanding' : ''}" data-kind="${escapeHtml(k.kind)}"
    data-days="${k.daysOverdue === undefined ? '' : escapeHtml(k.daysOverdue)}">
    <span class="case-kind">${bilingual(kind.en, kind.zh)}</span> ${bilingual(en, zh)}</li>`;
}
