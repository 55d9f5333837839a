/*
 * Rule findings (规则检查结果), listed and drawn alike by the site check, the audit, the workspace's parcel
 * editor and its allocation proposals.
 *
 * A finding is a GeoJSON Feature from the service: geometry in CRS84 (the offending part: an overlap polygon, a
 * LineString to the nearest road, a Point at an invalid vertex, or null) and properties rule, severity ('error' |
 * 'warning'), message, messageZh, measured, limit, unit, source, related and, in the audit, subject (the parcel
 * checked).
 *
 * FindingsView binds one <ol> to one map overlay: every finding becomes a list item and, when it has a geometry,
 * its own Leaflet layer, so a click in the list can frame and highlight exactly that finding.
 */
import L from './leaflet.js';
import { bilingual, escapeHtml, formatNumber } from './format.js';
import { ANIMATE, overlayPane } from './map.js';
import { FINDING_FOCUS_STYLE as FOCUS_STYLE, FINDING_STYLE as STYLE } from './palette.js';

const POINT_RADIUS = 7;

const SEVERITY = {
  error: { en: 'Error', zh: '错误' },
  warning: { en: 'Warning', zh: '警告' },
};

/**
 * What a measurement is called, from the rule id. The backend sends numbers and a unit but no
 * name for the quantity; the names below cover the rule families it has, and the unit decides for
 * rules added later.
 */
function quantityName(rule, unit) {
  const r = String(rule || '');
  if (/\.far$/i.test(r)) return { en: 'FAR', zh: '容积率' };
  if (/coverage/i.test(r)) return { en: 'coverage', zh: '建筑密度' };
  if (/green/i.test(r)) return { en: 'green ratio', zh: '绿地率' };
  if (/height/i.test(r)) return { en: 'height', zh: '高度' };
  if (/overlap|^constraint\.(?!udb)|corridor|redline/i.test(r)) return { en: 'overlap', zh: '重叠' };
  if (/contains|\.udb$|outside/i.test(r)) return { en: 'outside', zh: '超出' };
  if (/gap|sliver/i.test(r)) return { en: 'gap', zh: '缝隙' };
  if (/road|access|distance/i.test(r)) return { en: 'distance', zh: '距离' };
  if (/capacity|budget/i.test(r)) return { en: 'use', zh: '使用' };
  if (unit === 'm²') return { en: 'area', zh: '面积' };
  if (unit === 'm') return { en: 'distance', zh: '距离' };
  return { en: 'measured', zh: '实测' };
}

/** A value in its unit. Ratios are percentages, except FAR, which planners always write as a plain number. */
function formatQuantity(value, unit, rule) {
  switch (unit) {
    case 'm²': return `${formatNumber(value, 2)} m²`;
    case 'm': return `${formatNumber(value, 2)} m`;
    case 'ratio': return /\.far$/i.test(String(rule)) ? formatNumber(value, 2) : `${formatNumber(value * 100, 1)}%`;
    default: return unit ? `${formatNumber(value, 2)} ${unit}` : formatNumber(value, 2);
  }
}

/**
 * "overlap 312.5 m² > 0.5 m²": the measurement against its limit, the comparison read off the numbers
 * (a maximum is broken from above, a minimum from below). Null when the finding has no measurement.
 */
export function describeMeasure(props) {
  const hasMeasured = typeof props.measured === 'number';
  const hasLimit = typeof props.limit === 'number';
  if (!hasMeasured && !hasLimit) return null;
  const name = quantityName(props.rule, props.unit);
  if (!hasMeasured) return { name, text: `limit ${formatQuantity(props.limit, props.unit, props.rule)}` };
  const measured = formatQuantity(props.measured, props.unit, props.rule);
  if (!hasLimit) return { name, text: measured };
  let op = '=';
  if (props.measured > props.limit) op = '>';
  else if (props.measured < props.limit) op = '<';
  return { name, text: `${measured} ${op} ${formatQuantity(props.limit, props.unit, props.rule)}` };
}

// ---------------------------------------------------------------------------------------------
// List and map overlay
// ---------------------------------------------------------------------------------------------

/**
 * options: map, list (<ol>), pane (map pane name for the overlay; created if missing),
 * fallbackBounds(feature) → L.LatLngBounds|null for findings without geometry,
 * onRelated(id) when a related id is clicked (ids the page cannot show stay plain text),
 * knowsId(id) → whether onRelated can do something with the id,
 * inset() → the right-hand padding that keeps a framed finding clear of the map's controls.
 * Each page makes the options it shares for every list once (its findingsHost()).
 */
export class FindingsView {
  constructor(options) {
    this.options = options;
    this.map = options.map;
    this.list = options.list;
    // Above the valley outline (450), below markers and popups; findings are read from the list, so on the map
    // they must not catch clicks meant for the parcels below.
    overlayPane(this.map, options.pane, 460);
    // SVG so dashes and per-finding restyling are crisp; one renderer in its own pane, see above.
    this.renderer = L.svg({ pane: options.pane, padding: 0.5 });
    /** One layer per finding with a geometry; tests count them. */
    this.layer = L.featureGroup();
    this.features = [];
    this.layerByIndex = new Map();
    this.focused = -1;
    this.visible = false;

    this.list.addEventListener('click', (event) => this.onListClick(event));
    this.list.addEventListener('keydown', (event) => {
      if ((event.key === 'Enter' || event.key === ' ') && event.target.matches('li.finding')) {
        event.preventDefault();
        this.focus(Number(event.target.dataset.index));
      }
    });
  }

  setVisible(visible) {
    this.visible = visible;
    if (visible) this.layer.addTo(this.map);
    else this.layer.remove();
  }

  clear() {
    this.layer.clearLayers();
    this.layerByIndex.clear();
    this.features = [];
    this.focused = -1;
    this.list.replaceChildren();
  }

  /** Replaces whatever was shown. Errors first, then warnings, each in the backend's order. */
  show(features) {
    this.clear();
    const rank = (f) => (f.properties.severity === 'error' ? 0 : 1);
    this.features = features.map((f, i) => ({ f, i }))
      .sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i)
      .map((x) => x.f);
    const fragment = document.createDocumentFragment();
    this.features.forEach((feature, index) => {
      fragment.appendChild(this.createItem(feature, index));
      const layer = this.createLayer(feature);
      if (layer) {
        this.layerByIndex.set(index, layer);
        this.layer.addLayer(layer);
      }
    });
    this.list.appendChild(fragment);
  }

  createLayer(feature) {
    if (!feature.geometry) return null;
    const severity = feature.properties.severity === 'error' ? 'error' : 'warning';
    const style = STYLE[severity];
    return L.geoJSON(feature, {
      renderer: this.renderer,
      interactive: false,
      style: () => style,
      pointToLayer: (f, latlng) => L.circleMarker(latlng, {
        ...style, renderer: this.renderer, interactive: false, radius: POINT_RADIUS, fillOpacity: 0.6,
      }),
    });
  }

  createItem(feature, index) {
    const p = feature.properties;
    const severity = p.severity === 'error' ? 'error' : 'warning';
    const sev = SEVERITY[severity];
    const li = document.createElement('li');
    li.className = `finding finding-${severity}`;
    li.dataset.rule = p.rule || '';
    li.dataset.severity = p.severity || '';
    li.dataset.index = String(index);
    li.tabIndex = 0;
    li.title = 'Show on the map 在地图上显示';

    const measure = describeMeasure(p);
    const related = (p.related || []).map((id) => {
      const known = this.options.knowsId && this.options.knowsId(id);
      return known
        ? `<button type="button" class="chip" data-related="${escapeHtml(id)}">${escapeHtml(id)}</button>`
        : `<span class="chip">${escapeHtml(id)}</span>`;
    }).join(' ');

    li.innerHTML = `
      <span class="sev-icon" aria-hidden="true">${severity === 'error' ? '!' : '▲'}</span>
      <div class="finding-body">
        <div class="finding-head">
          <span class="sev-label">${bilingual(sev.en, sev.zh)}</span>
          <code class="rule">${escapeHtml(p.rule)}</code>
          ${p.subject ? `<span class="subject">${bilingual('Parcel', '地块')} <b>${escapeHtml(p.subject)}</b></span>` : ''}
        </div>
        <p class="msg">${escapeHtml(p.message)}</p>
        ${p.messageZh ? `<p class="msg zh" lang="zh-CN">${escapeHtml(p.messageZh)}</p>` : ''}
        ${measure ? `<p class="measure"><span class="measure-name">${escapeHtml(measure.name.en)} <span class="zh">${escapeHtml(measure.name.zh)}</span></span> <b>${escapeHtml(measure.text)}</b></p>` : ''}
        ${p.source ? `<p class="source">${bilingual('Source', '依据')}: ${escapeHtml(p.source)}</p>` : ''}
        ${related ? `<p class="related">${bilingual('Related', '相关')}: ${related}</p>` : ''}
        ${feature.geometry ? '' : `<p class="no-geometry">${bilingual('No map geometry', '无图形')}</p>`}
      </div>`;
    return li;
  }

  onListClick(event) {
    const chip = event.target.closest('button[data-related]');
    if (chip && this.options.onRelated) {
      event.stopPropagation();
      this.options.onRelated(chip.dataset.related);
      return;
    }
    const item = event.target.closest('li.finding');
    if (item) this.focus(Number(item.dataset.index));
  }

  /** Frames one finding (fitBounds with padding; a point is centred instead) and highlights it. */
  focus(index) {
    const feature = this.features[index];
    if (!feature) return;
    this.focused = index;
    this.list.querySelectorAll('li.finding').forEach((li) => {
      const active = Number(li.dataset.index) === index;
      li.classList.toggle('active', active);
      if (active) li.setAttribute('aria-current', 'true');
      else li.removeAttribute('aria-current');
    });
    this.layerByIndex.forEach((layer, i) => {
      const severity = this.features[i].properties.severity === 'error' ? 'error' : 'warning';
      layer.setStyle(i === index ? { ...STYLE[severity], ...FOCUS_STYLE } : STYLE[severity]);
    });
    const layer = this.layerByIndex.get(index);
    if (layer) layer.bringToFront();

    const padding = { topLeft: [60, 60], bottomRight: [this.options.inset ? this.options.inset() : 60, 60] };
    const geometry = feature.geometry;
    if (geometry && geometry.type === 'Point') {
      const [lon, lat] = geometry.coordinates;
      this.map.setView([lat, lon], Math.max(this.map.getZoom(), 17), { animate: ANIMATE });
      return;
    }
    const bounds = layer ? layer.getBounds() : (this.options.fallbackBounds && this.options.fallbackBounds(feature));
    if (!bounds || !bounds.isValid()) return;
    this.map.fitBounds(bounds, {
      paddingTopLeft: padding.topLeft,
      paddingBottomRight: padding.bottomRight,
      // A small overlap would otherwise fill the map and lose the neighbours that explain it.
      maxZoom: 17,
      animate: ANIMATE,
    });
  }
}
