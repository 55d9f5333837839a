/*
 * "Check a site 地块合规检查": tests a proposed allocation against the planning rules without storing it.
 *
 * The site is either an existing parcel (the one selected on the map, or picked by clicking the map in
 * pick mode) or one polygon/rectangle drawn with leaflet-draw. The proposal (zone, land use, FAR,
 * coverage, green ratio, height, allottee type) goes to POST /api/allocations/validate; the answer's
 * findings are listed and drawn on the map by a FindingsView (findings.js).
 *
 * The drawn shape, the draw toolbar and the findings only show while this panel is open, so the site
 * list and the audit keep an uncluttered map.
 *
 * Test hooks: window.siteCheck = { lastResult, findingsLayer, drawnItems, setDrawnPolygon(geometry),
 * useParcel(id), run() }; window.siteCheckDone is false while a check runs and true once its result
 * (or error) is on screen.
 */
(function () {
  'use strict';

  const { FindingsView, escapeHtml, bilingual, formatNumber } = window.ValleyFindings;

  /** The proposed shape: blue, a colour no finding uses, so red and amber findings stay readable on top of it. */
  const DRAWN_STYLE = { color: '#1c6fd1', weight: 3, opacity: 1, fillColor: '#1c6fd1', fillOpacity: 0.12 };

  const dom = {
    root: document.getElementById('site-check'),
    useSelected: document.getElementById('check-use-selected'),
    pick: document.getElementById('check-pick'),
    draw: document.getElementById('check-draw'),
    site: document.getElementById('check-site'),
    siteText: document.getElementById('check-site-text'),
    siteClear: document.getElementById('check-site-clear'),
    zone: document.getElementById('check-zone'),
    landUse: document.getElementById('check-landuse'),
    far: document.getElementById('check-far'),
    coverage: document.getElementById('check-coverage'),
    green: document.getElementById('check-green'),
    height: document.getElementById('check-height'),
    allottee: document.getElementById('check-allottee'),
    run: document.getElementById('check-run'),
    message: document.getElementById('check-message'),
    badge: document.getElementById('check-badge'),
    findings: document.getElementById('check-findings'),
  };

  /** site: null | { kind: 'parcel', id } | { kind: 'drawn', layer } */
  const state = { site: null, picking: false, running: false, active: false };
  let investor;        // window.investorMap
  let map;
  let drawnItems;      // L.FeatureGroup holding at most one drawn shape
  let drawControl;
  let drawRenderer;
  let findings;        // FindingsView

  const hooks = { lastResult: null };
  window.siteCheck = hooks;
  window.siteCheckDone = false;

  // ---------------------------------------------------------------------------------------------
  // Set-up, once the map exists
  // ---------------------------------------------------------------------------------------------

  function init(api) {
    investor = api;
    map = api.map;

    // The drawn shape gets its own SVG pane whose empty area lets clicks through: a renderer in the
    // shared overlay pane would put a second surface over the parcels' canvas and swallow their clicks.
    const pane = map.createPane('checkDrawPane');
    pane.style.zIndex = '455';
    pane.style.pointerEvents = 'none';
    drawRenderer = L.svg({ pane: 'checkDrawPane', padding: 0.5 });
    const shapeOptions = { ...DRAWN_STYLE, renderer: drawRenderer };

    drawnItems = L.featureGroup();
    drawControl = new L.Control.Draw({
      position: 'topleft',
      draw: {
        // A site is an area: polygon and rectangle only. Self-intersections are refused while drawing
        // because the backend would only reject them afterwards.
        polygon: { allowIntersection: false, showArea: true, metric: ['ha', 'm'], shapeOptions },
        rectangle: { showArea: true, metric: ['ha', 'm'], shapeOptions },
        polyline: false,
        circle: false,
        circlemarker: false,
        marker: false,
      },
      edit: { featureGroup: drawnItems, remove: true },
    });

    map.on(L.Draw.Event.CREATED, (event) => {
      // One shape at a time: a new drawing replaces the previous one.
      drawnItems.clearLayers();
      drawnItems.addLayer(event.layer);
      setSite({ kind: 'drawn', layer: event.layer });
    });
    map.on(L.Draw.Event.EDITED, () => { if (state.site && state.site.kind === 'drawn') showSite(); markStale(); });
    map.on(L.Draw.Event.DELETED, () => {
      if (state.site && state.site.kind === 'drawn' && !drawnItems.hasLayer(state.site.layer)) setSite(null);
    });

    findings = new FindingsView({
      map,
      list: dom.findings,
      pane: 'checkFindingsPane',
      padding: framingPadding,
      fallbackBounds: siteBounds,
      knowsId: (id) => investor.data.parcels.has(id),
      onRelated: (id) => investor.selectParcel(id, { fly: true, source: 'list' }),
    });

    populateSelects();
    bindEvents();
    Object.assign(hooks, {
      findingsLayer: findings.layer,
      drawnItems,
      setDrawnPolygon,
      useParcel,
      run: runCheck,
    });
    Object.defineProperty(hooks, 'site', {
      get: () => state.site && (state.site.kind === 'parcel' ? { ...state.site } : { kind: 'drawn' }),
    });
  }

  function populateSelects() {
    investor.data.zoneOrder.forEach((id) => {
      const names = investor.zoneNames(id);
      dom.zone.add(new Option(`${names.en} · ${names.zh}`, id));
    });
    // Every code of the rule book, not just those of the available sites: a proposal may change the use.
    investor.data.landUses.forEach((names, code) => {
      const label = [names.nameEn, names.nameZh].filter(Boolean).join(' · ');
      dom.landUse.add(new Option(label ? `${code} · ${label}` : code, code));
    });
  }

  function bindEvents() {
    dom.useSelected.addEventListener('click', () => {
      const id = investor.state.selectedId;
      if (id) useParcel(id);
      else showMessage('info', 'Select a parcel on the map or in the site list first.', '请先在地图或地块列表中选择地块。');
    });
    dom.pick.addEventListener('click', () => setPicking(!state.picking));
    dom.draw.addEventListener('click', startDrawing);
    dom.siteClear.addEventListener('click', () => setSite(null));
    dom.run.addEventListener('click', runCheck);
    dom.zone.addEventListener('change', () => { defaultAllottee(); markStale(); });
    [dom.landUse, dom.far, dom.coverage, dom.green, dom.height, dom.allottee].forEach((el) =>
      el.addEventListener('input', markStale));
    // Enter in an indicator runs the check, as a form would.
    dom.root.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && event.target.matches('input')) {
        event.preventDefault();
        runCheck();
      }
      if (event.key === 'Escape' && state.picking) setPicking(false);
    });

    document.addEventListener('investormap:select', (event) => {
      if (state.picking && state.active) {
        useParcel(event.detail.id);
      }
    });
    document.addEventListener('sidebar:panel', (event) => setActive(event.detail.panel === 'check'));
  }

  /** The panel owns the draw toolbar, the drawn shape and the findings; they leave the map with it. */
  function setActive(active) {
    if (active === state.active) return;
    state.active = active;
    if (active) {
      drawControl.addTo(map);
      drawnItems.addTo(map);
    } else {
      setPicking(false);
      drawControl.remove(); // also ends a drawing or edit in progress
      drawnItems.remove();
    }
    findings.setVisible(active);
  }

  // ---------------------------------------------------------------------------------------------
  // The site
  // ---------------------------------------------------------------------------------------------

  function useParcel(id) {
    const parcel = investor.data.parcels.get(id);
    if (!parcel) return false;
    setPicking(false);
    drawnItems.clearLayers();
    setSite({ kind: 'parcel', id });
    // The parcel's own zone and use are what the rules will assume anyway; showing them makes that visible.
    if (parcel.properties.zone) dom.zone.value = parcel.properties.zone;
    if (parcel.properties.landUse) dom.landUse.value = parcel.properties.landUse;
    defaultAllottee();
    if (investor.state.selectedId !== id) investor.selectParcel(id, { fly: true, source: 'list' });
    return true;
  }

  /** Adds a polygon exactly as if it had been drawn, by firing leaflet-draw's own "created" event. */
  function setDrawnPolygon(geometry) {
    if (!geometry || geometry.type !== 'Polygon') throw new Error('setDrawnPolygon needs a GeoJSON Polygon');
    const latlngs = L.GeoJSON.coordsToLatLngs(geometry.coordinates, 1);
    const layer = L.polygon(latlngs, { ...DRAWN_STYLE, renderer: drawRenderer });
    map.fire(L.Draw.Event.CREATED, { layer, layerType: 'polygon' });
    return layer;
  }

  function setSite(site) {
    state.site = site;
    if (!site || site.kind !== 'drawn') drawnItems.clearLayers();
    if (site && site.kind === 'drawn') setPicking(false);
    showSite();
    markStale();
  }

  function showSite() {
    const site = state.site;
    dom.site.dataset.kind = site ? site.kind : 'none';
    dom.siteClear.hidden = !site;
    if (!site) {
      dom.siteText.innerHTML = bilingual('No site chosen yet.', '尚未选择地块。');
      dom.landUse.options[0].text = 'Not specified · 未指定';
      return;
    }
    if (site.kind === 'parcel') {
      const p = investor.data.parcels.get(site.id).properties;
      const zone = investor.zoneNames(p.zone);
      dom.siteText.innerHTML = `${bilingual('Parcel', '地块')} <b>${escapeHtml(site.id)}</b> ·
        ${formatNumber(p.areaM2 / 10000, 2, 2)} ha · ${bilingual(zone.en, zone.zh)}`;
      dom.landUse.options[0].text = "Parcel's land use · 沿用地块用途";
    } else {
      const area = L.GeometryUtil.geodesicArea(site.layer.getLatLngs()[0]);
      dom.siteText.innerHTML = `${bilingual('Drawn area', '绘制范围')} · ≈ ${formatNumber(area / 10000, 2, 2)} ha`;
      dom.landUse.options[0].text = 'Not specified · 未指定';
    }
  }

  function setPicking(picking) {
    state.picking = picking;
    dom.pick.setAttribute('aria-pressed', String(picking));
    dom.pick.classList.toggle('active', picking);
    map.getContainer().classList.toggle('picking', picking);
    if (picking) showMessage('info', 'Click a parcel on the map. Esc cancels.', '请在地图上点击地块，按Esc取消。');
    else if (dom.message.dataset.kind === 'info') hideMessage();
  }

  /** Starts leaflet-draw's polygon tool, the same as its toolbar button. */
  function startDrawing() {
    setPicking(false);
    const button = document.querySelector('.leaflet-draw-draw-polygon');
    if (button) button.click();
  }

  /** What "the site" covers on the map, for framing findings that come without a geometry. */
  function siteBounds() {
    if (!state.site) return null;
    if (state.site.kind === 'drawn') return state.site.layer.getBounds();
    const layer = investor.layers.parcels.getLayers().find((l) => l.feature && l.feature.id === state.site.id);
    return layer ? layer.getBounds() : null;
  }

  function framingPadding() {
    return { topLeft: [60, 60], bottomRight: [investor.controlsInset(), 60] };
  }

  /** Zone category decides who may take the land; the select follows the zone until the user changes it. */
  function defaultAllottee() {
    const zone = investor.data.zones.get(dom.zone.value);
    const category = zone && zone.properties.category;
    if (category === 'enterprise' || category === 'facility') dom.allottee.value = category;
  }

  // ---------------------------------------------------------------------------------------------
  // Running the check
  // ---------------------------------------------------------------------------------------------

  /** The number in an input, null when empty; throws a bilingual message when it is not a usable number. */
  function readNumber(input, en, zh, { max = Infinity } = {}) {
    const text = input.value.trim();
    if (text === '') return null;
    const value = Number(text);
    if (!Number.isFinite(value) || value < 0 || value > max) {
      throw new InputError(`${en}: enter a number${Number.isFinite(max) ? ` from 0 to ${max}` : ' ≥ 0'}.`,
        `${zh}：请输入${Number.isFinite(max) ? `0–${max}之间的` : '不小于0的'}数字。`, input);
    }
    return value;
  }

  class InputError extends Error {
    constructor(en, zh, input) {
      super(en);
      this.zh = zh;
      this.input = input;
    }
  }

  function buildRequest() {
    const site = state.site;
    if (!site) throw new InputError('Choose a site first: use the selected parcel, pick one on the map or draw an area.',
      '请先选择地块：使用选中地块、在地图上选取或绘制范围。', dom.pick);
    if (site.kind === 'drawn' && !dom.zone.value) {
      throw new InputError('Choose the zone the drawn area is proposed in.', '请选择绘制范围所属片区。', dom.zone);
    }
    const indicators = {};
    const far = readNumber(dom.far, 'FAR', '容积率');
    const coverage = readNumber(dom.coverage, 'Coverage %', '建筑密度', { max: 100 });
    const green = readNumber(dom.green, 'Green ratio %', '绿地率', { max: 100 });
    const height = readNumber(dom.height, 'Height', '建筑高度');
    // An absent indicator is not checked, so empty inputs are left out rather than sent as 0.
    if (far !== null) indicators.far = far;
    if (coverage !== null) indicators.coverage = coverage / 100; // the API takes fractions
    if (green !== null) indicators.greenRatio = green / 100;
    if (height !== null) indicators.heightMetres = height;

    const body = { allotteeType: dom.allottee.value, indicators };
    if (site.kind === 'parcel') body.parcelId = site.id;
    // Full precision: rounding the vertices would move the shape against the red line it is tested on.
    else body.geometry = site.layer.toGeoJSON(false).geometry;
    if (dom.zone.value) body.zone = dom.zone.value;
    if (dom.landUse.value) body.landUse = dom.landUse.value;
    return body;
  }

  async function runCheck() {
    if (state.running) return;
    window.siteCheckDone = false;
    clearResult();
    let body;
    try {
      body = buildRequest();
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      hooks.lastResult = { error: error.message };
      showMessage('error', error.message, error.zh);
      if (error.input) error.input.focus();
      window.siteCheckDone = true;
      return;
    }

    state.running = true;
    dom.run.disabled = true;
    dom.run.classList.add('busy');
    showMessage('info', 'Checking…', '检查中…');
    try {
      // A signed-in visitor's POST rides on the session and so must carry the CSRF token (session.js).
      const csrf = window.ValleySession ? await window.ValleySession.ensureCsrfToken() : null;
      const response = await fetch('/api/allocations/validate', {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/json, application/problem+json',
          ...(csrf ? { 'X-XSRF-TOKEN': csrf } : {}),
        },
        body: JSON.stringify(body),
      });
      const answer = await response.json().catch(() => null);
      if (!response.ok) {
        // Problem details (RFC 9457): the detail says what was wrong with the input.
        const detail = (answer && (answer.detail || answer.title)) || `HTTP ${response.status}`;
        hooks.lastResult = { error: detail, status: response.status, request: body };
        showMessage('error', `The check could not run: ${detail}`, '无法检查，请修改输入后重试。');
      } else {
        hooks.lastResult = { ...answer, request: body };
        renderResult(answer);
      }
    } catch (error) {
      hooks.lastResult = { error: String(error.message || error), request: body };
      showMessage('error', 'The service did not answer. Please try again.', '服务无响应，请重试。');
    } finally {
      state.running = false;
      dom.run.disabled = false;
      dom.run.classList.remove('busy');
      window.siteCheckDone = true;
    }
  }

  function renderResult(answer) {
    hideMessage();
    const features = (answer.findings && answer.findings.features) || [];
    const errors = features.filter((f) => f.properties.severity === 'error').length;
    const warnings = features.length - errors;
    dom.badge.hidden = false;
    dom.badge.dataset.valid = String(Boolean(answer.valid));
    dom.badge.className = `badge ${answer.valid ? 'badge-valid' : 'badge-invalid'}`;
    const counts = features.length
      ? `${errors} ${errors === 1 ? 'error' : 'errors'} · ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}
         <span class="zh">${errors} 项错误 · ${warnings} 项警告</span>`
      : bilingual('No findings: the proposal meets every rule checked.', '未发现问题，符合全部已检查规则。');
    dom.badge.innerHTML = `<span class="badge-label">${answer.valid ? 'Valid <span class="zh">合规</span>' : 'Not valid <span class="zh">不合规</span>'}</span>
      <span class="badge-counts">${counts}</span>`;
    findings.show(features);
    dom.badge.scrollIntoView({ block: 'nearest' });
  }

  function clearResult() {
    findings.clear();
    hooks.lastResult = null;
    dom.badge.hidden = true;
    dom.badge.textContent = '';
    dom.root.classList.remove('stale');
    hideMessage();
  }

  /** A result that no longer matches the inputs is dimmed rather than removed: it is still worth reading. */
  function markStale() {
    if (hooks.lastResult && !state.running) dom.root.classList.add('stale');
  }

  function showMessage(kind, en, zh) {
    dom.message.hidden = false;
    dom.message.dataset.kind = kind;
    dom.message.className = `message message-${kind}`;
    dom.message.innerHTML = bilingual(en, zh);
    // The message sits below the form; on a short screen it would otherwise go unseen.
    if (kind === 'error') dom.message.scrollIntoView({ block: 'nearest' });
  }

  function hideMessage() {
    dom.message.hidden = true;
    dom.message.dataset.kind = '';
    dom.message.textContent = '';
  }

  document.addEventListener('investormap:ready', (event) => init(event.detail));
})();
