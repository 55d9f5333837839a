/*
 * Colours and styles shared by the investor map and the planner workspace: zones, parcel statuses, the statutory
 * constraints, the context layers, parcels, findings and drawn outlines. One palette, so that a zone or a status
 * looks the same on both pages.
 */

/**
 * One colour per zone, differing in lightness as well as hue so neighbouring zones stay apart for most
 * colour-blind readers, and readable both as a light zone tint and as a strong site fill. Laser industry gets
 * the laser red because it is the park's core.
 */
const ZONE_COLOURS = {
  'laser-industry': '#d1495b',
  'research-institute': '#2f6fb5',
  incubator: '#2a9d73',
  'exchange-center': '#8e5cc4',
  exhibition: '#e09a2b',
  infrastructure: '#6b7785',
};
/** Colours for zones the page does not know yet, so a new zone in the data still gets drawn. */
const SPARE_COLOURS = ['#00a3a3', '#b5651d', '#c2549d', '#4c9a2a', '#7a6fd0', '#a0522d'];

/** A zone's colour; zoneOrder (the zone ids in collection order) spreads unknown zones over the spare colours. */
export function zoneColour(zoneId, zoneOrder = []) {
  if (ZONE_COLOURS[zoneId]) return ZONE_COLOURS[zoneId];
  return SPARE_COLOURS[Math.max(0, zoneOrder.indexOf(zoneId)) % SPARE_COLOURS.length];
}

/**
 * Parcel statuses. The colours (the planner's map fills parcels by status) are green for land that can be
 * offered, amber for land held by a proposal, slate for land given out; they differ in lightness too, so they
 * stay apart in greyscale print-outs.
 */
const STATUS = {
  available: { en: 'Available', zh: '可供地', colour: '#2f9e6b' },
  reserved: { en: 'Reserved', zh: '已预留', colour: '#e8a33d' },
  allocated: { en: 'Allocated', zh: '已出让', colour: '#4f6379' },
  withdrawn: { en: 'Withdrawn', zh: '已撤销', colour: '#9aa1a9' },
  retired: { en: 'Retired (split or merged)', zh: '已注销（分割或合并）', colour: '#c4c8cd' },
  // What the public sees of a reserved or allocated parcel (the API does not say which).
  unavailable: { en: 'Not available', zh: '不可供地', colour: '#4f6379' },
};
export const LIVE_STATUSES = ['available', 'reserved', 'allocated'];

export function statusInfo(status) {
  return STATUS[status] || { en: status || '—', zh: '', colour: '#9aa1a9' };
}

/** Statutory constraints, each with its own toggle in the layer control; `on` says whether it starts shown. */
export const CONSTRAINTS = [
  { kind: 'ecological-red-line', en: 'Ecological red line', zh: '生态保护红线', on: true,
    style: { color: '#c0392b', weight: 2, fillColor: '#c0392b', fillOpacity: 0.12 } },
  { kind: 'permanent-basic-farmland', en: 'Permanent basic farmland', zh: '永久基本农田', on: true,
    style: { color: '#b8970b', weight: 1.5, fillColor: '#e8c547', fillOpacity: 0.18 } },
  { kind: 'urban-development-boundary', en: 'Urban development boundary', zh: '城镇开发边界', on: false,
    style: { color: '#7b2cbf', weight: 2, dashArray: '8 5', fill: false } },
  { kind: 'river-blue-line', en: 'River blue line', zh: '河道蓝线', on: true,
    style: { color: '#1c6fd1', weight: 1.5, fillColor: '#4aa3ff', fillOpacity: 0.25 } },
  { kind: 'high-voltage-corridor', en: 'High-voltage corridor', zh: '高压走廊', on: true,
    style: { color: '#e8590c', weight: 1.5, dashArray: '6 4', fillColor: '#e8590c', fillOpacity: 0.1 } },
];
/** A kind added to the data later still shows up, under a generic entry, rather than vanishing. */
export const OTHER_CONSTRAINT = { kind: 'other', en: 'Other constraints', zh: '其他管控要素', on: true,
  style: { color: '#555555', weight: 1.5, dashArray: '3 3', fillColor: '#555555', fillOpacity: 0.08 } };

/** The context layers: valley outline and phases, road reserves and centrelines. */
export const CONTEXT_STYLE = {
  boundary: { color: '#1f2a36', weight: 3, fill: false, interactive: false },
  phase: { color: '#1f2a36', weight: 1.2, dashArray: '2 6', fill: false, interactive: false },
  roadReserve: { color: '#9aa1a9', weight: 0.5, fillColor: '#c9cdd2', fillOpacity: 0.9, interactive: false },
  roadCentre: { color: '#ffffff', weight: 1, dashArray: '6 6', opacity: 0.9, interactive: false },
};

/** The selected parcel's outline, on both maps. */
const SELECTED_OUTLINE = { color: '#111820', weight: 3.5, opacity: 1 };
const FAINT_PARCEL = { color: '#56606b', weight: 0.6, opacity: 0.55, fillColor: '#8d96a0', fillOpacity: 0.08 };

/** Investor map: every parcel faint, the selected one outlined. */
export function faintParcelStyle(selected) {
  return selected ? { ...SELECTED_OUTLINE, fillColor: '#8d96a0', fillOpacity: 0.3 } : FAINT_PARCEL;
}

/** Investor map: an available site, filled strongly in its zone's colour. */
export function siteStyle(colour, selected) {
  return selected
    ? { ...SELECTED_OUTLINE, fillColor: colour, fillOpacity: 0.95 }
    : { color: '#ffffff', weight: 1.2, opacity: 1, fillColor: colour, fillOpacity: 0.72 };
}

/** Planner's map: every parcel filled by its status. */
export function statusParcelStyle(status, selected) {
  const colour = statusInfo(status).colour;
  return selected
    ? { ...SELECTED_OUTLINE, fillColor: colour, fillOpacity: 0.75 }
    : { color: '#ffffff', weight: 1, opacity: 1, fillColor: colour, fillOpacity: 0.55 };
}

/** Errors must be impossible to miss: red and solid. Warnings amber and dashed, so they also differ without colour. */
export const FINDING_STYLE = {
  error: { color: '#c81e1e', weight: 3, opacity: 1, fillColor: '#e03131', fillOpacity: 0.28 },
  warning: { color: '#e8890c', weight: 3, opacity: 1, dashArray: '7 5', fillColor: '#fab005', fillOpacity: 0.2 },
};
export const FINDING_FOCUS_STYLE = { weight: 5, fillOpacity: 0.45 };

/** A drawn outline (a site to check, a parcel's draft): blue, a colour no status or finding uses. */
export const DRAWN_STYLE = { color: '#1c6fd1', weight: 3, opacity: 1, fillColor: '#1c6fd1', fillOpacity: 0.12 };

/** The legend and layer-control swatch of a style: its border (dashed if the style is) and its fill. */
export function swatchHtml(style) {
  const border = style.color || '#666';
  const fill = style.fill === false ? 'transparent' : (style.fillColor || border);
  return `<span class="swatch" style="border:2px ${style.dashArray ? 'dashed' : 'solid'} ${border};background:${fill}"></span>`;
}
