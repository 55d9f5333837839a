/*
 * Reshaping parcels: the selection card's "Split 分割" and "Merge 合并" buttons start the tools (split.js,
 * merge.js), whose steps, preview and Save / Cancel live in the reshape box (reshape-view.js). One tool at a time;
 * choosing another parcel (the find box, a new parcel) ends a split of the previous one.
 */
import { state } from './context.js';
import { cancelMerge, onMembersClick, previewMerge, saveMerge, startMerge, toggleMember } from './merge.js';
import { dom, plannerReshape } from './reshape-view.js';
import { cancelSplit, finishOrRedraw, initSplit, isDrawingLine, saveSplit, splitParentId, startSplit } from './split.js';

export { plannerReshape };

export function initReshape() {
  initSplit();
  dom.split.addEventListener('click', () => {
    cancelAll();
    startSplit(state.selectedId);
  });
  dom.merge.addEventListener('click', () => {
    cancelAll();
    startMerge(state.selectedId);
  });
  dom.cancel.addEventListener('click', cancelAll);
  dom.finish.addEventListener('click', finishOrRedraw);
  dom.preview.addEventListener('click', () => previewMerge());
  dom.save.addEventListener('click', () => (plannerReshape.mode === 'split' ? saveSplit() : saveMerge()));
  dom.members.addEventListener('click', onMembersClick);
  document.addEventListener('planner:select', (event) => {
    if (plannerReshape.mode === 'split' && event.detail.id !== splitParentId()) cancelSplit();
  });
}

export function cancelAll() {
  cancelSplit();
  cancelMerge();
}

/**
 * A click on a parcel of the map, before it selects anything: while merging it adds the parcel to the merge set
 * (or takes it out), while a split line is drawn it is a point of the line. Returns true when the click was used.
 */
export function reshapeClick(id) {
  if (plannerReshape.mode === 'merge') return toggleMember(id);
  return plannerReshape.mode === 'split' && isDrawingLine();
}
