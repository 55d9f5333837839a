/*
 * What the split and merge tools (split.js, merge.js) share: the reshape box under the selection card (its title,
 * hint, message, parts and buttons), the preview's parts on the map (each in its own colour, labelled with its id),
 * each part's area (m² and 亩) and findings (core/findings.js), and the refusals of the service in both languages.
 *
 * Test hooks: plannerReshape = { mode, parts (the last preview's features), members (the merge set's ids),
 * lastResult } in the page's testHooks; operations are counted in the shell's ops as 'split-preview', 'split',
 * 'merge-preview' and 'merge'.
 */
import L from '../core/leaflet.js';
import { FindingsView } from '../core/findings.js';
import { bilingual, escapeHtml, formatFixed, M2_PER_MU } from '../core/format.js';
import { overlayPane } from '../core/map.js';
import { hideMessage as hide, showMessage as show } from '../core/messages.js';
import { view as mapView } from './context.js';
import { hideLabels } from './parcels.js';
import { findingsHost } from './selection.js';

/** One colour per part, none of them a status, finding or draft colour. */
const PART_COLOURS = ['#7b2cbf', '#0a9396', '#c2549d', '#b5651d', '#4c9a2a', '#3d5a80'];
const PANE = 'reshapePane';

export const dom = {
  root: document.getElementById('reshape'),
  title: document.getElementById('reshape-title'),
  hint: document.getElementById('reshape-hint'),
  members: document.getElementById('reshape-members'),
  message: document.getElementById('reshape-message'),
  parts: document.getElementById('reshape-parts'),
  finish: document.getElementById('reshape-finish'),
  preview: document.getElementById('reshape-preview'),
  save: document.getElementById('reshape-save'),
  cancel: document.getElementById('reshape-cancel'),
  split: document.getElementById('split-start'),
  merge: document.getElementById('merge-start'),
};

/** Test hooks (see the top of this file). */
export const plannerReshape = { mode: null, parts: [], members: [], lastResult: null };

let partsLayer = null;
let findingsViews = [];

let svgRenderer = null;

function layer() {
  if (!partsLayer) partsLayer = L.featureGroup().addTo(mapView.map);
  return partsLayer;
}

/**
 * The SVG renderer of the tools' shapes (the drawn line, the merge set, the parts), in a pane above the parcels
 * that lets clicks through: a second canvas over the parcels' one would swallow their clicks (core/draw.js).
 */
export function renderer() {
  if (!svgRenderer) svgRenderer = L.svg({ pane: overlayPane(mapView.map, PANE, 457), padding: 0.5 });
  return svgRenderer;
}

/** A parcel's ETag as the service gives it: "v<version>", quotes included. */
export const etagOf = (feature) => `"v${feature.properties.version}"`;

/** Findings as the service sends them: a FeatureCollection, or a plain array of finding Features. */
export const findingsOf = (value) => (Array.isArray(value) ? value : (value && value.features) || []);

/**
 * Opens the box for a tool. title and hint are {en, zh}; buttons lists which of finish, preview and save show
 * (cancel always does); saveLabel is {en, zh}.
 */
export function openBox(mode, { title, hint, buttons = [], saveLabel }) {
  plannerReshape.mode = mode;
  dom.root.hidden = false;
  dom.root.dataset.mode = mode;
  dom.title.innerHTML = bilingual(title.en, title.zh);
  setHint(hint.en, hint.zh);
  if (saveLabel) dom.save.innerHTML = bilingual(saveLabel.en, saveLabel.zh);
  setButtons(buttons);
  clearParts();
  hideMessage();
  dom.members.hidden = true;
  dom.members.replaceChildren();
}

export function closeBox() {
  plannerReshape.mode = null;
  plannerReshape.members = [];
  dom.root.hidden = true;
  dom.root.dataset.mode = 'none';
  clearParts();
  hideMessage();
  setBusy(false);
}

export function setHint(en, zh) {
  dom.hint.innerHTML = bilingual(en, zh);
}

/** Which of the finish, preview and save buttons show. */
export function setButtons(names) {
  ['finish', 'preview', 'save'].forEach((name) => { dom[name].hidden = !names.includes(name); });
}

export function setBusy(busy) {
  [dom.finish, dom.preview, dom.save].forEach((button) => { button.disabled = busy; });
}

export function showMessage(kind, en, zh) {
  show(dom.message, kind, en, zh, { scroll: kind !== 'info' });
}

export function hideMessage() {
  hide(dom.message);
}

/** Removes the preview's parts from the map and the box. */
export function clearParts() {
  findingsViews.forEach((v) => { v.clear(); v.setVisible(false); });
  findingsViews = [];
  if (partsLayer) partsLayer.clearLayers();
  dom.parts.replaceChildren();
  if (plannerReshape.parts.length) hideLabels([]);
  plannerReshape.parts = [];
}

/**
 * Shows the parts of a preview: on the map, each in its colour with its id, and in the box with its area and
 * findings. features are GeoJSON Features with properties id, areaM2, areaMu and a "findings" member.
 */
export function showParts(features) {
  clearParts();
  plannerReshape.parts = features;
  // The replaced parcels' labels would sit on the parts' labels (a split's cut runs through the parent's centre).
  hideLabels(features.flatMap((f) => (f.properties && Array.isArray(f.properties.derivedFrom) ? f.properties.derivedFrom : [])));
  const group = layer();
  features.forEach((feature, index) => {
    const colour = PART_COLOURS[index % PART_COLOURS.length];
    const id = partId(feature);
    const shape = L.geoJSON(feature, {
      renderer: renderer(),
      interactive: false,
      style: { color: colour, weight: 3, opacity: 1, fillColor: colour, fillOpacity: 0.35 },
    });
    group.addLayer(shape);
    group.addLayer(L.tooltip({ permanent: true, direction: 'center', className: 'parcel-label reshape-label', interactive: false })
      .setLatLng(shape.getBounds().getCenter()).setContent(escapeHtml(id)));
    dom.parts.appendChild(partItem(feature, id, colour));
  });
}

function partItem(feature, id, colour) {
  const p = feature.properties || {};
  const areaM2 = Number(p.areaM2);
  const areaMu = p.areaMu !== undefined && p.areaMu !== null ? Number(p.areaMu) : areaM2 / M2_PER_MU;
  const findings = findingsOf(feature.findings);
  const errors = findings.filter((f) => f.properties.severity === 'error').length;
  const li = document.createElement('li');
  li.className = 'reshape-part';
  li.dataset.partId = id;
  li.dataset.valid = String(errors === 0);
  li.innerHTML = `
    <div class="reshape-part-head">
      <span class="swatch" style="background:${colour}" aria-hidden="true"></span>
      <b class="reshape-part-id">${escapeHtml(id)}</b>
      <span class="reshape-area"><span class="area-m2">${formatFixed(areaM2, 2)} m²</span> ·
        <span class="area-mu">${formatFixed(areaMu, 2)} 亩</span></span>
    </div>
    <p class="reshape-verdict">${errors
    ? bilingual(`${errors} ${errors === 1 ? 'error' : 'errors'}`, `${errors} 项错误`)
    : bilingual(findings.length ? 'Meets every rule (warnings below)' : 'Meets every rule', '符合全部规则')}</p>
    <ol class="findings"></ol>`;
  addFindings(li.querySelector('ol.findings'), findings);
  return li;
}

function addFindings(list, findings) {
  if (!findings.length) return;
  const findingsView = new FindingsView({ ...findingsHost(), list, pane: 'reshapeFindingsPane' });
  findingsView.show(findings);
  findingsView.setVisible(true);
  findingsViews.push(findingsView);
}

/** A part's id: properties.id, else the Feature's id. */
export const partId = (feature) => String((feature.properties && feature.properties.id) ?? feature.id ?? '');

/**
 * A refused write or preview, in both languages: verb is {done, zh} ("split" or "merged", "分割"). 412 names the stale parcel
 * (reload and try again); 422 lists each part's findings (its body has them per part, or for the whole).
 */
export function showRefusal(result, verb, problemText) {
  const detail = problemText(result);
  if (result.status === 412) {
    showMessage('error', `Not ${verb.done}: someone else changed a parcel since you opened it (${detail}). Cancel, reload and try again.`,
      `未能${verb.zh}：地块已被他人修改，请取消并重新加载后重试。`);
    return;
  }
  if (result.status === 422 && result.data) {
    const parts = Array.isArray(result.data.parts) ? result.data.parts : null;
    if (parts) showRefusedParts(parts);
    else if (result.data.findings) showRefusedParts([{ id: '', findings: result.data.findings }]);
    showMessage('error', `Refused by the rule book: nothing was ${verb.done}. ${detail}`,
      `规则校验未通过，未${verb.zh}。`);
    return;
  }
  showMessage('error', `Not ${verb.done}: ${detail}`, `未能${verb.zh}。`);
}

/** The findings of a refusal, on the parts already shown (matched by id) or as parts of their own. */
function showRefusedParts(parts) {
  parts.forEach((part) => {
    const findings = findingsOf(part.findings);
    const item = part.id ? [...dom.parts.querySelectorAll('li.reshape-part')].find((li) => li.dataset.partId === part.id) : null;
    if (item) {
      const list = item.querySelector('ol.findings');
      list.replaceChildren();
      item.dataset.valid = String(!findings.some((f) => f.properties.severity === 'error'));
      addFindings(list, findings);
      return;
    }
    const li = document.createElement('li');
    li.className = 'reshape-part';
    li.dataset.partId = part.id || '';
    li.innerHTML = `<div class="reshape-part-head"><b class="reshape-part-id">${escapeHtml(part.id || '—')}</b></div><ol class="findings"></ol>`;
    dom.parts.appendChild(li);
    addFindings(li.querySelector('ol.findings'), findings);
  });
}
