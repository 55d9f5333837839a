/*
 * "Merge 合并": starting from the selected available parcel, the planner clicks neighbouring available parcels on
 * the map to add them to the merge set (highlighted; a second click takes one out), previews the merged parcel
 * (POST /api/parcels/merge?dryRun=true: its area and findings) and saves the merge (POST /api/parcels/merge with
 * each parcel's ETag): the merged parcels are retired, the new parcel is selected.
 */
import L from '../core/leaflet.js';
import { bilingual, escapeHtml } from '../core/format.js';
import { data, editor, view } from './context.js';
import { reloadParcels } from './parcels.js';
import { clearSelection, showParcel } from './selection.js';
import * as Planner from './shell.js';
import * as Box from './reshape-view.js';

const MEMBER_STYLE = { color: '#7b2cbf', weight: 4, opacity: 1, dashArray: '6 4', fillColor: '#7b2cbf', fillOpacity: 0.25 };
const VERB = { done: 'merged', zh: '合并' };
const MERGE_URL = '/api/parcels/merge';

/** The merge set, in the order the parcels were added, and its highlight on the map. */
const merge = { members: [], layer: null, valid: false };

export function startMerge(id) {
  const feature = id && data.parcels.get(id);
  if (!feature) return false;
  if (!isAvailable(id)) return false;
  if (!editor.confirmLeave()) return false;
  if (!merge.layer) merge.layer = L.featureGroup().addTo(view.map);
  merge.members = [id];
  Box.openBox('merge', {
    title: { en: 'Merge parcels', zh: '合并地块' },
    hint: { en: 'Click the neighbouring available parcels to merge with it on the map (a second click takes one out); then preview.',
      zh: '在地图上点击相邻的可供地块加入合并（再次点击可移出），然后预览。' },
    buttons: ['preview', 'save'],
    saveLabel: { en: 'Save merge', zh: '保存合并' },
  });
  renderMembers();
  return true;
}

function isAvailable(id) {
  const feature = data.parcels.get(id);
  if (feature && feature.properties.status === 'available') return true;
  Box.showMessage('error', `Only available parcels can be merged; ${id} is ${feature ? feature.properties.status : 'unknown'}.`,
    '仅可合并可供地块。');
  if (Box.plannerReshape.mode !== 'merge') {
    Planner.showMessage('error', `Only available parcels can be merged; ${id} is ${feature ? feature.properties.status : 'unknown'}.`,
      '仅可合并可供地块。');
  }
  return false;
}

/** A click on a parcel while merging: adds it to the set, or takes it out. Returns true (the click is used). */
export function toggleMember(id) {
  if (Box.plannerReshape.mode !== 'merge') return false;
  const index = merge.members.indexOf(id);
  if (index >= 0) merge.members.splice(index, 1);
  else if (isAvailable(id)) {
    merge.members.push(id);
    Box.hideMessage();
  } else return true;
  renderMembers();
  return true;
}

function renderMembers() {
  Box.plannerReshape.members = [...merge.members];
  merge.valid = false;
  Box.clearParts();
  Box.dom.save.disabled = true;
  Box.dom.preview.disabled = merge.members.length < 2;
  merge.layer.clearLayers();
  merge.members.forEach((id) => {
    const feature = data.parcels.get(id);
    if (feature) merge.layer.addLayer(L.geoJSON(feature, { renderer: Box.renderer(), interactive: false, style: MEMBER_STYLE }));
  });
  Box.dom.members.hidden = false;
  Box.dom.members.innerHTML = merge.members.map((id) => `<li class="reshape-member" data-member-id="${escapeHtml(id)}">
      <code>${escapeHtml(id)}</code>
      <button type="button" class="reset member-remove" data-remove="${escapeHtml(id)}"
        title="Take out of the merge 移出合并" aria-label="Take ${escapeHtml(id)} out of the merge 移出合并">✕</button></li>`).join('')
    + (merge.members.length < 2
      ? `<li class="reshape-member-note">${bilingual('Add at least one neighbour.', '请至少再选择一个相邻地块。')}</li>` : '');
}

/** The ✕ of a member in the box. */
export function onMembersClick(event) {
  const button = event.target.closest('button[data-remove]');
  if (button) toggleMember(button.dataset.remove);
}

const body = () => ({
  parcels: merge.members.map((id) => ({ id, etag: Box.etagOf(data.parcels.get(id)) })),
});

/** The dry run: the merged parcel's area and findings; nothing is stored. */
export function previewMerge() {
  if (merge.members.length < 2) {
    Box.showMessage('error', 'Choose at least two neighbouring parcels to merge.', '请至少选择两个相邻地块。');
    return Promise.resolve(null);
  }
  const members = [...merge.members];
  return Planner.track('merge-preview', async () => {
    Box.setBusy(true);
    Box.hideMessage();
    try {
      const result = await Planner.call(`${MERGE_URL}?dryRun=true`, { method: 'POST', json: body() });
      if (Box.plannerReshape.mode !== 'merge' || members.join() !== merge.members.join()) return { ok: true, detail: 'superseded' };
      const feature = result.ok && result.data ? result.data.feature : null;
      Box.plannerReshape.lastResult = { kind: 'merge-preview', status: result.status, ok: result.ok,
        valid: Boolean(result.data && result.data.valid) };
      if (feature) {
        merge.valid = Boolean(result.data.valid);
        Box.showParts([feature]);
      } else {
        Box.showRefusal(result, VERB, Planner.problemText);
      }
      return result;
    } finally {
      Box.setBusy(false);
      if (Box.plannerReshape.mode === 'merge') {
        Box.dom.save.disabled = !merge.valid;
        Box.dom.preview.disabled = merge.members.length < 2;
      }
    }
  });
}

/** Saves the merge with every parcel's ETag; the new parcel is selected. */
export function saveMerge() {
  const members = [...merge.members];
  return Planner.track('merge', async () => {
    Box.setBusy(true);
    try {
      const result = await Planner.call(MERGE_URL, { method: 'POST', json: body() });
      Box.plannerReshape.lastResult = { kind: 'merge', status: result.status, ok: result.ok };
      if (result.ok && result.data) {
        const id = String(result.data.id ?? Box.partId(result.data));
        Box.plannerReshape.lastResult.id = id;
        cancelMerge();
        clearSelection({ force: true });
        await reloadParcels();
        await showParcel(id, { force: true });
        Planner.showMessage('success', `Merged ${members.join(', ')} into ${id}; they are retired.`,
          `已将 ${members.join('、')} 合并为 ${id}，原地块已注销。`);
      } else {
        Box.showRefusal(result, VERB, Planner.problemText);
      }
      return result;
    } finally {
      Box.setBusy(false);
      if (Box.plannerReshape.mode === 'merge') Box.dom.save.disabled = !merge.valid;
    }
  });
}

export function cancelMerge() {
  if (Box.plannerReshape.mode !== 'merge') return;
  merge.members = [];
  merge.valid = false;
  if (merge.layer) merge.layer.clearLayers();
  Box.closeBox();
}
