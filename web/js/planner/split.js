/*
 * "Split 分割": the planner draws a line across the selected available parcel (leaflet-draw's polyline tool: a
 * click per point, the last point clicked again or "Finish line" to end), sees the parts it would make (the dry
 * run, POST /api/parcels/{id}/split?dryRun=true: each part's area and findings), and saves the split
 * (POST /api/parcels/{id}/split with If-Match): the parent is retired, the parts are new parcels, and the first of
 * them is selected.
 */
import L from '../core/leaflet.js';
import { data, editor, view } from './context.js';
import { reloadParcels } from './parcels.js';
import { clearSelection, showParcel } from './selection.js';
import * as Planner from './shell.js';
import * as Box from './reshape-view.js';

const LINE_STYLE = { color: '#111820', weight: 3, opacity: 1, dashArray: '8 6', fill: false };
const VERB = { done: 'split', zh: '分割' };

/** The split under way: the parent's id, the drawing handler, the drawn line (a layer) and the last preview. */
const split = { parentId: null, handler: null, line: null, valid: false };

export const splitParentId = () => split.parentId;
export const isDrawingLine = () => Boolean(split.handler && split.handler.enabled());

export function initSplit() {
  view.map.on(L.Draw.Event.CREATED, (event) => {
    if (event.layerType === 'polyline' && Box.plannerReshape.mode === 'split') onLine(event.layer);
  });
  // Esc (or anything else) that stops the line tool before a line was drawn ends the split.
  view.map.on(L.Draw.Event.DRAWSTOP, () => {
    if (Box.plannerReshape.mode === 'split' && !split.line) cancelSplit();
  });
}

/** Starts a split of the selected parcel: it must be available, and the editor must hold no unsaved changes. */
export function startSplit(id) {
  const feature = id && data.parcels.get(id);
  if (!feature) return false;
  if (feature.properties.status !== 'available') {
    Planner.showMessage('error', `Only an available parcel can be split; ${id} is ${feature.properties.status}.`,
      `仅可分割可供地块。`);
    return false;
  }
  if (!editor.confirmLeave()) return false;
  split.parentId = id;
  split.valid = false;
  Box.openBox('split', {
    title: { en: `Split ${id}`, zh: `分割地块 ${id}` },
    hint: { en: '', zh: '' },
    buttons: ['finish'],
    saveLabel: { en: 'Save split', zh: '保存分割' },
  });
  startLine();
  return true;
}

function startLine() {
  removeLine();
  resetFinishButton();
  Box.clearParts();
  Box.setButtons(['finish']);
  Box.setHint('Draw a line across the parcel: click outside it where the cut starts, at each bend, and outside it where the cut ends; then click the last point again or press "Finish line". Esc cancels.',
    '在地块上画分割线：在地块外点击起点，依次点击折点，在地块外点击终点；再次点击终点或按“完成画线”结束。按Esc取消。');
  split.handler = new L.Draw.Polyline(view.map, {
    shapeOptions: { ...LINE_STYLE, renderer: Box.renderer() },
    allowIntersection: false,
    showLength: true,
    metric: true,
    guidelineDistance: 12,
  });
  split.handler.enable();
}

/** "Finish line": ends the line at its last point, as clicking that point again does. */
export function finishLine() {
  if (isDrawingLine()) split.handler.completeShape();
}

function onLine(layer) {
  split.line = layer.setStyle(LINE_STYLE);
  split.line.options.interactive = false;
  split.line.addTo(view.map);
  preview();
}

function lineBody() {
  return { line: split.line.toGeoJSON(false).geometry };
}

const splitUrl = (id, dryRun) => `/api/parcels/${encodeURIComponent(id)}/split${dryRun ? '?dryRun=true' : ''}`;

/** The dry run: the parts and their findings; nothing is stored. */
function preview() {
  const id = split.parentId;
  return Planner.track('split-preview', async () => {
    Box.setBusy(true);
    Box.hideMessage();
    try {
      const result = await Planner.call(splitUrl(id, true), { method: 'POST', json: lineBody() });
      if (Box.plannerReshape.mode !== 'split' || split.parentId !== id) return { ok: true, detail: 'superseded' };
      const children = result.ok && result.data && Array.isArray(result.data.children) ? result.data.children : null;
      Box.plannerReshape.lastResult = { kind: 'split-preview', status: result.status, ok: result.ok,
        valid: Boolean(result.data && result.data.valid), ids: children ? children.map(Box.partId) : [] };
      if (children) {
        split.valid = Boolean(result.data.valid);
        Box.showParts(children);
        Box.setButtons(['save']);
        Box.dom.save.disabled = !split.valid;
        Box.setHint(split.valid
          ? `The line cuts ${id} into ${children.length} parts. Save the split, or cancel.`
          : `The line cuts ${id} into ${children.length} parts, but a part breaks the rule book (below). Cancel, or draw again.`,
        split.valid ? `分割线将地块分为${children.length}块。请保存或取消。` : `分割后有地块不符合规则（见下），请取消或重画。`);
        if (!split.valid) addRedraw();
      } else {
        // The line does not cut the parcel in two (400), or the parcel cannot be split: say why, draw again.
        Box.showRefusal(result, VERB, Planner.problemText);
        startLine();
      }
      return result;
    } finally {
      Box.setBusy(false);
      if (Box.plannerReshape.mode === 'split') Box.dom.save.disabled = !split.valid;
    }
  });
}

function addRedraw() {
  Box.setButtons(['save', 'finish']);
  Box.dom.finish.innerHTML = 'Draw again <span class="zh">重画</span>';
  Box.dom.finish.dataset.action = 'redraw';
}

/** "Finish line" while drawing; "Draw again" after an invalid preview. */
export function finishOrRedraw() {
  if (Box.dom.finish.dataset.action === 'redraw') {
    startLine();
  } else {
    finishLine();
  }
}

function resetFinishButton() {
  Box.dom.finish.innerHTML = 'Finish line <span class="zh">完成画线</span>';
  delete Box.dom.finish.dataset.action;
}

/** Saves the split with the parent's ETag; the parent retires and the first part is selected. */
export function saveSplit() {
  const id = split.parentId;
  const parent = data.parcels.get(id);
  if (!parent || !split.line) return Promise.resolve(null);
  return Planner.track('split', async () => {
    Box.setBusy(true);
    try {
      const result = await Planner.call(splitUrl(id, false), { method: 'POST', json: lineBody(), ifMatch: Box.etagOf(parent) });
      Box.plannerReshape.lastResult = { kind: 'split', status: result.status, ok: result.ok };
      if (result.ok && result.data && Array.isArray(result.data.children)) {
        const ids = result.data.children.map(Box.partId);
        Box.plannerReshape.lastResult.ids = ids;
        cancelSplit();
        clearSelection({ force: true });
        await reloadParcels();
        await showParcel(ids[0], { force: true });
        Planner.showMessage('success', `Split ${id} into ${ids.join(', ')}; ${id} is retired.`,
          `已将 ${id} 分割为 ${ids.join('、')}，原地块已注销。`);
      } else {
        Box.showRefusal(result, VERB, Planner.problemText);
      }
      return result;
    } finally {
      Box.setBusy(false);
    }
  });
}

function removeLine() {
  if (split.handler) {
    const handler = split.handler;
    split.handler = null;
    if (handler.enabled()) handler.disable();
  }
  if (split.line) split.line.remove();
  split.line = null;
}

export function cancelSplit() {
  if (Box.plannerReshape.mode !== 'split') return;
  split.parentId = null;
  split.valid = false;
  Box.plannerReshape.mode = null;
  removeLine();
  resetFinishButton();
  Box.closeBox();
}
