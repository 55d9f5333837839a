/*
 * The lineage of the selected parcel, in its history panel: the parcels it was split or merged from (ancestors)
 * and those split or merged from it (descendants), each with the operation, when and by whom, from
 * GET /api/parcels/{id}/lineage. Each id is a button that selects the parcel and frames it when it is on the map
 * (a retired ancestor is not: the panel says so).
 */
import { bilingual, escapeHtml } from '../core/format.js';
import { showMessage } from '../core/messages.js';
import { showParcel } from './selection.js';
import * as Planner from './shell.js';

const OPERATIONS = {
  split: { en: 'split', zh: '分割' },
  merge: { en: 'merge', zh: '合并' },
};

const dom = {
  root: document.getElementById('lineage'),
  ancestors: document.getElementById('lineage-ancestors'),
  descendants: document.getElementById('lineage-descendants'),
  message: document.getElementById('history-message'),
};

/** The last lineage read (a test hook: plannerHistory.lineage). */
export const lineage = { value: null };

export function initLineage() {
  dom.root.addEventListener('click', async (event) => {
    const button = event.target.closest('button[data-parcel]');
    if (!button) return;
    const id = button.dataset.parcel;
    if (!(await showParcel(id, { fly: true }))) {
      showMessage(dom.message, 'info', `${id} is not on the map: it is retired or withdrawn.`, `${id} 已注销或撤销，不在地图上。`);
    }
  });
}

/** Reads the lineage of a parcel (the api() result). */
export const loadLineage = (id) => Planner.call(`/api/parcels/${encodeURIComponent(id)}/lineage`);

/** Shows a lineage read by loadLineage; none (or a failed read) hides the section. */
export function renderLineage(result) {
  const value = result && result.ok && result.data ? result.data : null;
  lineage.value = value;
  const ancestors = value && Array.isArray(value.ancestors) ? value.ancestors : [];
  const descendants = value && Array.isArray(value.descendants) ? value.descendants : [];
  dom.root.hidden = !ancestors.length && !descendants.length;
  dom.ancestors.innerHTML = ancestors.length
    ? `<h4>${bilingual('Made from', '来源地块')}</h4><ul class="lineage-list">${ancestors.map((a) => entry(a, a.id, a.id, a.child)).join('')}</ul>` : '';
  dom.descendants.innerHTML = descendants.length
    ? `<h4>${bilingual('Became', '后继地块')}</h4><ul class="lineage-list">${descendants.map((d) => entry(d, d.id, d.parent, d.id)).join('')}</ul>` : '';
}

/** One link of the lineage: the parcel (a button), "split 分割: P → A", when and by whom. */
function entry(link, id, from, to) {
  const op = OPERATIONS[link.operation] || { en: link.operation, zh: '' };
  const depth = Number(link.depth) > 1 ? ` <span class="lineage-depth" title="Generations away 代数">×${escapeHtml(link.depth)}</span>` : '';
  return `<li class="lineage-link" data-parcel-id="${escapeHtml(id)}" data-operation="${escapeHtml(link.operation)}">
      <button type="button" class="chip lineage-id" data-parcel="${escapeHtml(id)}" title="Show on the map 在地图上显示">${escapeHtml(id)}</button>${depth}
      <span class="lineage-op">${bilingual(op.en, op.zh)}: <code>${escapeHtml(from)}</code> → <code>${escapeHtml(to)}</code></span>
      <span class="timeline-meta"><time datetime="${escapeHtml(link.at)}">${escapeHtml(Planner.formatDateTime(link.at))}</time>
        · ${bilingual('by', '操作人')} <b>${escapeHtml(link.by)}</b></span>
    </li>`;
}
