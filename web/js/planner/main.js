/*
 * The planner workspace (规划工作台): the page's entry module. The map shows zones, roads, statutory constraints
 * and the live parcels of the view coloured by status, as planners see them; the panels (edit.js,
 * allocations.js, history.js, budget.js, inquiries.js, supervision.js) start once it is ready.
 *
 * Test hooks: <html data-planner-ready="true"> once the map, the view's parcels and every panel are ready
 * (data-planner-error holds the reason if loading failed); the live objects are in `testHooks`, which a browser
 * test reaches with a dynamic import() of this module (a module is one instance per page).
 */
import { createMap, drawContext, loadPlan, valleyBounds } from '../core/map.js';
import { initAllocations, plannerAllocations } from './allocations.js';
import { initBudget, plannerBudget } from './budget.js';
import { data, layers, state, view } from './context.js';
import { addControls, controlsInset } from './controls.js';
import { initEdit, plannerEdit } from './edit.js';
import { initHistory, plannerHistory } from './history.js';
import { initInquiries, plannerInquiries } from './inquiries.js';
import { initReshape, plannerReshape, reshapeClick } from './reshape.js';
import { addLegend, fetchParcel, idle, initParcels, parcelLayer, reloadParcels } from './parcels.js';
import {
  bindSelectionControls, clearSelection, parcelsChanged, renderSelection, selectParcel, showParcel,
} from './selection.js';
import * as Planner from './shell.js';
import { rebuildSnapPoints, snapLatLng, snapPointCount, zoneAt } from './snap.js';
import { initSupervision, plannerSupervision } from './supervision.js';

const root = document.documentElement;

/** The live objects of this page, for browser tests (see the comment at the top). */
export const testHooks = {
  plannerMap: {
    get map() { return view.map; },
    get loader() { return view.loader; },
    layers, data, state,
    selectParcel, showParcel, clearSelection, reloadParcels, fetchParcel, renderSelection, idle,
    controlsInset, snapLatLng, zoneAt, parcelLayer,
    get snapPointCount() { return snapPointCount(); },
  },
  ops: Planner.ops,
  plannerEdit,
  plannerAllocations,
  plannerHistory,
  plannerBudget,
  plannerInquiries,
  plannerReshape,
  plannerSupervision,
};

async function start() {
  view.map = createMap('map', { maxZoom: 21 });
  const [who, plan] = await Promise.all([Planner.me, loadPlan()]);
  if (!who.signedIn) return;
  Object.assign(data, { valley: plan.valley, roads: plan.roads, constraints: plan.constraints, landUses: plan.landUses });
  plan.zones.forEach((zone) => {
    data.zones.set(zone.id, zone);
    data.zoneOrder.push(zone.id);
  });
  const threshold = Number(plan.config.parcelMinZoom);
  if (Number.isInteger(threshold) && threshold > 0) view.parcelMinZoom = threshold;
  data.valleyBounds = valleyBounds(plan);
  if (data.valleyBounds) view.map.fitBounds(data.valleyBounds, { animate: false, padding: [20, 20] });
  else view.map.setView([36.75, 117.22], view.parcelMinZoom);

  Object.assign(layers, drawContext(view.map, plan, { zoneFillOpacity: 0.1 }));
  initParcels({
    // While a parcel or a split line is drawn, a click on the map adds a point, and while merging it adds the
    // parcel to the merge set: it selects nothing.
    onClick: (id) => { if (!reshapeClick(id) && !plannerEdit.isDrawing()) selectParcel(id); },
    changed() {
      parcelsChanged();
      rebuildSnapPoints();
    },
  });
  addControls();
  addLegend();
  bindSelectionControls();
  // The view's parcels first, so that the panels start with the plan on the map.
  await view.loader.refresh();

  initEdit();
  initAllocations();
  initHistory();
  initBudget();
  initInquiries();
  initSupervision();
  initReshape();
  Planner.activate('parcel');
  root.dataset.plannerReady = 'true';
}

root.dataset.plannerReady = 'false';
start().catch((error) => {
  console.error(error);
  root.dataset.plannerError = String(error && error.message ? error.message : error);
  Planner.showMessage('error', `The plan could not be loaded: ${root.dataset.plannerError}`, '规划数据加载失败，请刷新页面。');
});
