/*
 * Qilu Optics Valley investor map (齐鲁光谷投资地图).
 *
 * Plain browser JavaScript on top of Leaflet 1.9 (served from its webjar): no build step and no
 * requests to anything but this service, so the page works on an offline exhibition kiosk.
 *
 * Data comes from the service's OGC API Features endpoints (/ogc/collections/{id}/items, GeoJSON in
 * CRS84) plus three small JSON endpoints (/api/land-use-codes, /api/map-config, /api/parcels/density).
 *
 * Scale: the small layers (valley, zones, constraints, roads) are loaded whole at start-up. Parcels are
 * not: from the zoom threshold up (map-config parcelMinZoom, 14 by default) the parcels of the visible
 * bbox (plus a margin) are loaded page by page, up to MAX_PARCELS_PER_VIEW, again after every move that
 * leaves the loaded area (debounced, the stale request aborted); below it the map draws the zones and a
 * density grid of the register (/api/parcels/density) instead, and loads no parcel at all. The side list
 * shows the available sites in view, at most MAX_LIST_ROWS rows.
 *
 * Structure: constants → formatting helpers → data loading → map and layer styling → filters →
 * side list → selection and popup → URL hash state → start-up.
 *
 * Test hooks (used by InvestorMapIT, LargeRegisterMapIT): window.mapReady becomes true once every layer,
 * the list and the state from the URL hash are in place; window.investorMap exposes the map, its layers
 * and the state; investorMap.idle() resolves once the loads started by the last move have been drawn.
 *
 * The other sidebar panels (check.js, audit.js, tabs.js) build on window.investorMap. They are told
 * that it exists by the 'investormap:ready' document event, and about every parcel selection by
 * 'investormap:select' ({id, source}), so they need no hooks inside this file.
 */
(function () {
  'use strict';

  // ---------------------------------------------------------------------------------------------
  // Constants
  // ---------------------------------------------------------------------------------------------

  const M2_PER_HA = 10000;
  const M2_PER_MU = 10000 / 15; // 1 亩 = 1/15 ha
  const AREA_UNITS = {
    ha: { m2: M2_PER_HA, en: 'ha', zh: '公顷', decimals: 2 },
    mu: { m2: M2_PER_MU, en: 'mu', zh: '亩', decimals: 1 },
  };
  /** The backend caps page size at 1000; larger collections are paged with offset. */
  const PAGE_SIZE = 1000;
  /** At most this many parcels are loaded for one view (5 pages); beyond it the map asks to zoom in. */
  const MAX_PARCELS_PER_VIEW = 5000;
  /** The side list shows at most this many rows (the count above it still says how many match). */
  const MAX_LIST_ROWS = 300;
  /** Margin loaded around the view, as a fraction of its size on each side, so small pans load nothing. */
  const VIEW_MARGIN = 0.25;
  /** Quiet time after the last move before loading, ms: a drag or a wheel burst makes one request. */
  const MOVE_DEBOUNCE_MS = 150;
  /** Zoom threshold when /api/map-config does not say (the service's default). */
  const DEFAULT_PARCEL_MIN_ZOOM = 14;

  /**
   * Density classes: the share of a cell's land that is available sites (available area / cell area), so
   * the colours mean the same whatever the cell size. Cells with only unavailable parcels get the first.
   */
  const DENSITY_CLASSES = [
    { upTo: 0, colour: '#d9dde2', en: 'None available', zh: '无可供地' },
    { upTo: 0.05, colour: '#c7e9c0', en: 'Under 5%', zh: '5%以下' },
    { upTo: 0.15, colour: '#74c476', en: '5–15%', zh: '5–15%' },
    { upTo: 0.3, colour: '#31a354', en: '15–30%', zh: '15–30%' },
    { upTo: Infinity, colour: '#006d2c', en: '30% and more', zh: '30%以上' },
  ];

  /** `?animate=0` turns animations off so that browser tests see the final state at once. */
  const ANIMATE = new URLSearchParams(window.location.search).get('animate') !== '0';

  /**
   * One colour per zone, differing in lightness as well as hue so neighbouring zones stay apart for
   * most colour-blind readers, and readable both as a light zone tint and as a strong site fill.
   * Laser industry gets the laser red because it is the park's core.
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

  /** Statutory constraints: each gets its own toggle in the layer control. */
  const CONSTRAINTS = [
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

  const OTHER_CONSTRAINT_STYLE = { color: '#555555', weight: 1.5, dashArray: '3 3', fillColor: '#555555', fillOpacity: 0.08 };

  const STATUS = {
    available: { en: 'Available', zh: '可供地' },
    reserved: { en: 'Reserved', zh: '已预留' },
    allocated: { en: 'Allocated', zh: '已出让' },
  };

  const STYLE = {
    boundary: { color: '#1f2a36', weight: 3, fill: false, interactive: false },
    phase: { color: '#1f2a36', weight: 1.2, dashArray: '2 6', fill: false, interactive: false },
    roadReserve: { color: '#9aa1a9', weight: 0.5, fillColor: '#c9cdd2', fillOpacity: 0.9, interactive: false },
    roadCentre: { color: '#ffffff', weight: 1, dashArray: '6 6', opacity: 0.9, interactive: false },
    parcel: { color: '#56606b', weight: 0.6, opacity: 0.55, fillColor: '#8d96a0', fillOpacity: 0.08 },
    selectedOutline: { color: '#111820', weight: 3.5, opacity: 1 },
  };

  // ---------------------------------------------------------------------------------------------
  // State
  // ---------------------------------------------------------------------------------------------

  /** What the user has chosen; the URL hash mirrors it. Areas are kept in m² so unit switches are lossless. */
  const state = {
    zone: '',
    landUse: '',
    areaMinM2: null,
    areaMaxM2: null,
    unit: 'ha',
    selectedId: null,
    panel: '',          // sidebar panel other than the site list ('check', 'audit'); owned by tabs.js
  };

  /** Loaded data, indexed for look-ups by id. */
  const data = {
    zones: new Map(),      // zone id → feature
    zoneOrder: [],         // zone ids in collection order
    landUses: new Map(),   // code → {nameEn, nameZh}
    parcels: new Map(),    // parcel id → feature (every public status) loaded for the view, plus the selected one
    sites: [],             // the available ones among them, sorted by id
    valleyBounds: null,    // L.LatLngBounds of the valley boundary
    register: null,        // {available, availableAreaM2, unavailable} of the whole register (density endpoint)
    density: null,         // the last density answer drawn (below the zoom threshold)
    parcelView: null,      // {bounds, complete, matched}: what the parcel layers hold
  };

  /** How the map is drawn now: 'parcels' (at or above the zoom threshold) or 'density'. */
  let mode = null;
  let parcelMinZoom = DEFAULT_PARCEL_MIN_ZOOM;
  let viewLoad = null;                // {controller, promise} of the load in flight
  let moveTimer = null;
  let idlePromise = Promise.resolve();
  let pendingRelease = null;
  const parcelJson = new Map();       // id → JSON text of the feature drawn, to notice changed parcels
  let parcelsGeneration = 0;          // rises whenever a parcel is added or removed (the list's cache key)

  const layers = {};                  // named Leaflet layers, exposed for tests
  const parcelLayerById = new Map();  // id → faint polygon in the all-parcels layer
  const siteLayerById = new Map();    // id → strong polygon in the available-sites layer
  let map;
  let currentPopup = null;
  let hashWritesEnabled = false;      // off until the initial view has been restored

  const dom = {
    zone: document.getElementById('filter-zone'),
    landUse: document.getElementById('filter-landuse'),
    areaMin: document.getElementById('filter-area-min'),
    areaMax: document.getElementById('filter-area-max'),
    unit: document.getElementById('filter-area-unit'),
    reset: document.getElementById('filter-reset'),
    list: document.getElementById('site-list'),
    count: document.getElementById('site-count'),
    empty: document.getElementById('site-empty'),
    status: document.getElementById('load-status'),
  };

  // ---------------------------------------------------------------------------------------------
  // Formatting helpers
  // ---------------------------------------------------------------------------------------------

  function escapeHtml(value) {
    return String(value ?? '').replace(/[&<>"']/g, (c) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  }

  /** Fixed decimals with thousands separators; en-US so the output is the same on every kiosk. */
  function formatNumber(value, decimals) {
    return Number(value).toLocaleString('en-US', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
  }

  /** "English <span class=zh>中文</span>", tolerating a missing half. */
  function bilingual(en, zh) {
    const parts = [];
    if (en) parts.push(escapeHtml(en));
    if (zh) parts.push(`<span class="zh">${escapeHtml(zh)}</span>`);
    return parts.join(' ');
  }

  function isAreaUnit(unit) {
    return Object.prototype.hasOwnProperty.call(AREA_UNITS, unit);
  }

  function areaIn(unit, m2) {
    return m2 / AREA_UNITS[unit].m2;
  }

  function formatArea(unit, m2) {
    const u = AREA_UNITS[unit];
    return `${formatNumber(areaIn(unit, m2), u.decimals)} ${u.en}`;
  }

  /** "a – b" for a planning range; one-sided ranges become ≥ / ≤ and a missing one a dash. */
  function formatRange(min, max, format) {
    const hasMin = min !== null && min !== undefined;
    const hasMax = max !== null && max !== undefined;
    if (hasMin && hasMax) return min === max ? format(min) : `${format(min)} – ${format(max)}`;
    if (hasMin) return `≥ ${format(min)}`;
    if (hasMax) return `≤ ${format(max)}`;
    return '—';
  }

  const formatFar = (v) => formatNumber(v, Number.isInteger(v * 10) ? 1 : 2);
  const formatPercent = (fraction) => `${formatNumber(fraction * 100, Number.isInteger(fraction * 100) ? 0 : 1)}%`;
  const formatMetres = (v) => `${formatNumber(v, Number.isInteger(v) ? 0 : 1)} m`;

  function zoneColour(zoneId) {
    if (ZONE_COLOURS[zoneId]) return ZONE_COLOURS[zoneId];
    const index = Math.max(0, data.zoneOrder.indexOf(zoneId));
    return SPARE_COLOURS[index % SPARE_COLOURS.length];
  }

  function zoneNames(zoneId) {
    const zone = data.zones.get(zoneId);
    return zone ? { en: zone.properties.nameEn, zh: zone.properties.nameZh } : { en: zoneId, zh: '' };
  }

  function landUseNames(code) {
    return data.landUses.get(code) || { nameEn: '', nameZh: '' };
  }

  // ---------------------------------------------------------------------------------------------
  // Data loading
  // ---------------------------------------------------------------------------------------------

  async function fetchJson(url, signal) {
    const response = await fetch(url, { headers: { Accept: 'application/geo+json, application/json;q=0.9' }, signal });
    if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}`);
    return response.json();
  }

  /**
   * Every feature of an OGC API collection. Pages are requested by offset rather than by following
   * the `next` link's href, because that href is absolute and would break behind a reverse proxy
   * that rewrites the host; the `next` link only tells us whether another page exists.
   */
  async function fetchCollection(id) {
    const features = [];
    for (let offset = 0; ; offset += PAGE_SIZE) {
      const page = await fetchJson(`/ogc/collections/${encodeURIComponent(id)}/items?limit=${PAGE_SIZE}&offset=${offset}`);
      features.push(...(page.features || []));
      const hasNext = (page.links || []).some((link) => link.rel === 'next');
      const returned = page.numberReturned ?? (page.features || []).length;
      if (!hasNext || returned === 0) break;
    }
    return features;
  }

  /** Optional extras: the page still works, with less information, if these fail. */
  async function fetchOptional(url, fallback) {
    try {
      return await fetchJson(url);
    } catch (error) {
      console.warn(`Optional ${url} unavailable:`, error);
      return fallback;
    }
  }

  /** The small layers, whole, and the page's configuration. Parcels are loaded per view (loadParcelsForView). */
  async function loadAll() {
    const [valley, zones, constraints, roads, landUses, config] = await Promise.all([
      fetchCollection('valley'),
      fetchCollection('zones'),
      fetchCollection('constraints'),
      fetchCollection('roads'),
      fetchOptional('/api/land-use-codes', []),
      fetchOptional('/api/map-config', {}),
    ]);

    zones.forEach((zone) => {
      data.zones.set(zone.id, zone);
      data.zoneOrder.push(zone.id);
    });
    landUses.forEach((lu) => data.landUses.set(lu.code, { nameEn: lu.nameEn, nameZh: lu.nameZh }));
    const threshold = Number(config && config.parcelMinZoom);
    if (Number.isInteger(threshold) && threshold > 0) parcelMinZoom = threshold;

    return { valley, zones, constraints, roads, config: config || {} };
  }

  /** "minLon,minLat,maxLon,maxLat" of bounds, rounded outwards to 1e-5° (about 1 m) and clamped to the globe. */
  function bboxParam(bounds) {
    const down = (v) => Math.floor(v * 1e5) / 1e5;
    const up = (v) => Math.ceil(v * 1e5) / 1e5;
    return [
      Math.max(-180, down(bounds.getWest())), Math.max(-90, down(bounds.getSouth())),
      Math.min(180, up(bounds.getEast())), Math.min(90, up(bounds.getNorth())),
    ].join(',');
  }

  /** The whole register's totals and extent, from one density request around the valley (a few cells). */
  async function loadRegisterSummary(around) {
    const bbox = around ? bboxParam(around) : '117.1,36.7,117.3,36.8';
    const summary = await fetchOptional(`/api/parcels/density?bbox=${bbox}&zoom=10`, null);
    if (summary && summary.register) data.register = summary.register;
    return summary && Array.isArray(summary.registerBbox)
      ? L.latLngBounds([summary.registerBbox[1], summary.registerBbox[0]], [summary.registerBbox[3], summary.registerBbox[2]])
      : null;
  }

  // ---------------------------------------------------------------------------------------------
  // Map and layers
  // ---------------------------------------------------------------------------------------------

  function createMap() {
    map = L.map('map', {
      preferCanvas: true, // ~200 parcels redraw much faster on one canvas than as SVG nodes
      zoomAnimation: ANIMATE,
      fadeAnimation: ANIMATE,
      markerZoomAnimation: ANIMATE,
      zoomSnap: 0.25,
      maxZoom: 20,
      attributionControl: true,
    });
    map.attributionControl.addAttribution('Planning data: Qilu Optics Valley 齐鲁光谷');

    // Context layers live in their own panes, below and above the interactive parcels. Each pane gets
    // its own canvas; those canvases must let clicks through, otherwise the topmost one would swallow
    // every click meant for a parcel.
    [['zonesPane', 350], ['constraintsPane', 380], ['outlinePane', 450]].forEach(([name, zIndex]) => {
      const pane = map.createPane(name);
      pane.style.zIndex = String(zIndex);
      pane.style.pointerEvents = 'none';
    });

    L.control.scale({ metric: true, imperial: false, maxWidth: 160 }).addTo(map);
    return map;
  }

  /** The basemap is opt-in server-side (it usually needs internet); with none the map has a plain background. */
  function addBasemap(config) {
    if (!config.basemapUrl) return null;
    layers.basemap = L.tileLayer(config.basemapUrl, {
      // Shown as plain text: the attribution is configuration, not markup the page should trust.
      attribution: config.basemapAttribution ? escapeHtml(config.basemapAttribution) : '',
      maxZoom: 20,
      maxNativeZoom: 18,
    }).addTo(map);
    document.getElementById('map').classList.add('has-basemap');
    return layers.basemap;
  }

  function drawContextLayers(loaded) {
    layers.zones = L.geoJSON(loaded.zones, {
      pane: 'zonesPane',
      interactive: false,
      style: (f) => ({ color: zoneColour(f.id), weight: 1.5, opacity: 0.9, fillColor: zoneColour(f.id), fillOpacity: 0.13 }),
    }).addTo(map);

    layers.roads = L.geoJSON(loaded.roads, {
      pane: 'zonesPane',
      interactive: false,
      style: (f) => (f.properties.kind === 'centreline' ? STYLE.roadCentre : STYLE.roadReserve),
    }).addTo(map);

    layers.constraints = {};
    CONSTRAINTS.forEach((c) => {
      const layer = L.geoJSON(loaded.constraints.filter((f) => f.properties.kind === c.kind), {
        pane: 'constraintsPane',
        interactive: false,
        style: () => c.style,
      });
      if (c.on) layer.addTo(map);
      layers.constraints[c.kind] = layer;
    });
    // A kind added to the data later still shows up, under a generic entry, rather than vanishing.
    const known = new Set(CONSTRAINTS.map((c) => c.kind));
    const others = loaded.constraints.filter((f) => !known.has(f.properties.kind));
    if (others.length) {
      layers.constraints.other = L.geoJSON(others, {
        pane: 'constraintsPane', interactive: false, style: () => OTHER_CONSTRAINT_STYLE,
      }).addTo(map);
    }

    layers.valley = L.geoJSON(loaded.valley, {
      pane: 'outlinePane',
      interactive: false,
      style: (f) => (f.properties.kind === 'boundary' ? STYLE.boundary : STYLE.phase),
    }).addTo(map);
  }

  function siteStyle(feature) {
    const selected = feature.id === state.selectedId;
    const colour = zoneColour(feature.properties.zone);
    return selected
      ? { ...STYLE.selectedOutline, fillColor: colour, fillOpacity: 0.95 }
      : { color: '#ffffff', weight: 1.2, opacity: 1, fillColor: colour, fillOpacity: 0.72 };
  }

  function parcelStyle(feature) {
    return feature.id === state.selectedId
      ? { ...STYLE.selectedOutline, fillColor: '#8d96a0', fillOpacity: 0.3 }
      : STYLE.parcel;
  }

  /**
   * All parcels are drawn faintly; available sites go on top with a strong fill. Both are clickable,
   * so an investor can also read the conditions of a reserved or allocated neighbour. The layers start
   * empty: setParcels() fills them with the parcels of the view.
   */
  function drawParcelLayers() {
    // One shared canvas for everything clickable: Leaflet hit-tests per canvas, so a second canvas
    // on top would hide the parcels below it from the mouse. The density grid draws on it too.
    const renderer = L.canvas({ padding: 0.5, tolerance: 3 });
    layers.renderer = renderer;

    layers.parcels = L.geoJSON(null, {
      renderer,
      style: parcelStyle,
      onEachFeature: (feature, layer) => {
        parcelLayerById.set(feature.id, layer);
        layer.on('click', (e) => selectParcel(feature.id, { latlng: e.latlng, source: 'map' }));
      },
    }).addTo(map);

    // Filtering adds and removes site polygons from this group; siteLayerById keeps them all. The
    // factory makes them (with their style, tooltip and click) and is never on the map itself.
    layers.sites = L.featureGroup().addTo(map);
    layers.siteFactory = L.geoJSON(null, {
      renderer,
      style: siteStyle,
      onEachFeature: (feature, layer) => {
        siteLayerById.set(feature.id, layer);
        layer.bindTooltip(escapeHtml(feature.id), { sticky: true, direction: 'top', className: 'site-tooltip' });
        layer.on('click', (e) => selectParcel(feature.id, { latlng: e.latlng, source: 'map' }));
      },
    });

    layers.density = L.geoJSON(null, {
      renderer,
      style: densityStyle,
      onEachFeature: (feature, layer) => {
        layer.bindTooltip(() => densityTooltip(feature), { sticky: true, direction: 'top', className: 'density-tooltip' });
        // A click zooms in on the cell, far enough to see its parcels.
        layer.on('click', () => map.flyToBounds(layer.getBounds(), {
          maxZoom: Math.max(parcelMinZoom, map.getZoom() + 1), animate: ANIMATE, duration: 0.6,
        }));
      },
    });
  }

  function addParcel(feature) {
    parcelsGeneration += 1;
    layers.parcels.addData(feature);
    if (feature.properties.status === 'available') layers.siteFactory.addData(feature);
    data.parcels.set(feature.id, feature);
    parcelJson.set(feature.id, JSON.stringify(feature));
  }

  function removeParcel(id) {
    parcelsGeneration += 1;
    const parcel = parcelLayerById.get(id);
    if (parcel) layers.parcels.removeLayer(parcel);
    const site = siteLayerById.get(id);
    if (site) {
      layers.sites.removeLayer(site);
      layers.siteFactory.removeLayer(site);
    }
    parcelLayerById.delete(id);
    siteLayerById.delete(id);
    data.parcels.delete(id);
    parcelJson.delete(id);
  }

  /**
   * Makes the parcel layers hold exactly `features` (plus the selected parcel, wherever it is): parcels
   * already drawn and unchanged stay as they are, the others are removed or (re)drawn.
   */
  function setParcels(features) {
    const wanted = new Map(features.map((f) => [f.id, f]));
    [...data.parcels.keys()].forEach((id) => {
      if (id === state.selectedId && !wanted.has(id)) return;
      const next = wanted.get(id);
      if (!next || JSON.stringify(next) !== parcelJson.get(id)) removeParcel(id);
    });
    wanted.forEach((feature, id) => { if (!data.parcels.has(id)) addParcel(feature); });
    refreshSites();
  }

  function refreshSites() {
    data.sites = [...data.parcels.values()]
      .filter((f) => f.properties.status === 'available')
      .sort((a, b) => String(a.id).localeCompare(String(b.id), 'en', { numeric: true }));
    addLandUseOptions(data.sites);
    if (state.selectedId) restyle(state.selectedId);
  }

  function clearParcels() {
    [...data.parcels.keys()].forEach((id) => { if (id !== state.selectedId) removeParcel(id); });
    data.parcelView = null;
    refreshSites();
  }

  // ---------------------------------------------------------------------------------------------
  // Loading by view: parcels of the bbox at or above the zoom threshold, the density grid below it
  // ---------------------------------------------------------------------------------------------

  function modeForZoom(zoom) {
    return zoom >= parcelMinZoom ? 'parcels' : 'density';
  }

  /** Puts the layers of a mode on the map (and takes the other mode's off). */
  function setMode(next) {
    if (next === mode) return;
    mode = next;
    document.getElementById('map').dataset.mode = mode;
    if (mode === 'parcels') {
      map.removeLayer(layers.density);
      layers.density.clearLayers();
      data.density = null;
      if (layers.parcelsWanted !== false) layers.parcels.addTo(map);
      layers.sites.addTo(map);
    } else {
      layers.switching = true;
      map.removeLayer(layers.parcels);
      layers.switching = false;
      map.removeLayer(layers.sites);
      clearParcels();
      layers.density.addTo(map);
    }
    if (layers.densityLegend) layers.densityLegend.hidden = mode !== 'density';
  }

  /** Loads what the current view needs; resolves when it has been drawn (or was superseded). */
  function refreshView() {
    setMode(modeForZoom(map.getZoom()));
    if (viewLoad) viewLoad.controller.abort();
    const controller = new AbortController();
    const work = (mode === 'parcels' ? loadParcelsForView(controller.signal) : loadDensityForView(controller.signal))
      .catch((error) => {
        if (error && error.name === 'AbortError') return;
        console.warn('Loading the view failed:', error);
        showViewNote(bilingual('Could not load this view; move the map to try again.', '当前视野加载失败，请移动地图重试。'));
      })
      .finally(() => { if (viewLoad && viewLoad.controller === controller) viewLoad = null; });
    viewLoad = { controller, promise: work };
    return work;
  }

  /** After a move: the list follows at once, the data after a short quiet time. */
  function onMoveEnd() {
    writeHash();
    applyFilters();
    clearTimeout(moveTimer);
    if (!pendingRelease) idlePromise = new Promise((resolve) => { pendingRelease = resolve; });
    moveTimer = setTimeout(() => {
      const release = pendingRelease;
      pendingRelease = null;
      refreshView().then(release);
    }, MOVE_DEBOUNCE_MS);
  }

  /**
   * The parcels of the view plus a margin, following `next` pages up to MAX_PARCELS_PER_VIEW. Nothing is
   * requested when the view lies inside an area loaded completely before.
   */
  async function loadParcelsForView(signal) {
    const view = map.getBounds();
    const loaded = data.parcelView;
    if (loaded && loaded.complete && loaded.bounds.contains(view)) {
      applyFilters();
      return;
    }
    const wanted = view.pad(VIEW_MARGIN);
    const bbox = bboxParam(wanted);
    const features = [];
    let matched = null;
    let complete = true;
    for (let offset = 0; ; offset += PAGE_SIZE) {
      const page = await fetchJson(`/ogc/collections/parcels/items?bbox=${bbox}&limit=${PAGE_SIZE}&offset=${offset}`, signal);
      features.push(...(page.features || []));
      if (typeof page.numberMatched === 'number') matched = page.numberMatched;
      const hasNext = (page.links || []).some((link) => link.rel === 'next');
      const returned = page.numberReturned ?? (page.features || []).length;
      if (!hasNext || returned === 0) break;
      if (features.length >= MAX_PARCELS_PER_VIEW) {
        complete = false;
        break;
      }
    }
    if (signal.aborted) return;
    setParcels(features);
    data.parcelView = { bounds: wanted, complete, matched: matched ?? features.length, bbox };
    applyFilters();
  }

  async function loadDensityForView(signal) {
    const wanted = map.getBounds().pad(VIEW_MARGIN);
    const zoom = Math.max(0, Math.floor(map.getZoom()));
    const answer = await fetchJson(`/api/parcels/density?bbox=${bboxParam(wanted)}&zoom=${zoom}`, signal);
    if (signal.aborted || mode !== 'density') return;
    data.density = answer; // before drawing: the cells' style reads the cell size from it
    layers.density.clearLayers();
    layers.density.addData(answer.features || []);
    if (answer.register) data.register = answer.register;
    applyFilters();
  }

  function densityClass(feature) {
    const p = feature.properties;
    const size = data.density ? data.density.cellSizeMetres : 0;
    const share = size > 0 ? p.availableAreaM2 / (size * size) : 0;
    return DENSITY_CLASSES.find((c) => (p.available === 0 ? c.upTo === 0 : share <= c.upTo && c.upTo > 0))
      || DENSITY_CLASSES[DENSITY_CLASSES.length - 1];
  }

  function densityStyle(feature) {
    return { color: '#ffffff', weight: 0.6, opacity: 0.9, fillColor: densityClass(feature).colour, fillOpacity: 0.75 };
  }

  function densityTooltip(feature) {
    const p = feature.properties;
    const size = data.density ? data.density.cellSizeMetres : 0;
    const cell = size >= 1000 ? `${size / 1000} km` : `${size} m`;
    return `<b>${formatNumber(p.available, 0)}</b> ${bilingual('available sites', '块可供地')} ·
      ${formatArea('ha', p.availableAreaM2)} <span class="zh">公顷</span><br>
      ${formatNumber(p.unavailable, 0)} ${bilingual('reserved / allocated', '块已预留/已出让')}<br>
      <small>${bilingual(`cell ${cell} × ${cell}; click to zoom in`, '点击放大')}</small>`;
  }

  function showViewNote(html) {
    const note = document.getElementById('view-note');
    if (!note) return;
    note.hidden = !html;
    note.innerHTML = html || '';
  }

  function addLayerControl() {
    const swatch = (style) => {
      const border = style.color || '#666';
      const fill = style.fill === false ? 'transparent' : (style.fillColor || border);
      const dashed = style.dashArray ? 'dashed' : 'solid';
      return `<span class="swatch" style="border:2px ${dashed} ${border};background:${fill}"></span>`;
    };
    const overlays = {};
    if (layers.basemap) overlays[`Basemap ${bilingual('', '底图')}`] = layers.basemap;
    overlays[`${swatch({ color: '#2f6fb5', fillColor: '#c9d9ef' })}${bilingual('Zones', '功能分区')}`] = layers.zones;
    overlays[`${swatch(STYLE.roadReserve)}${bilingual('Road reserves', '道路红线')}`] = layers.roads;
    overlays[`${swatch({ color: '#56606b', fillColor: '#eceef0' })}${bilingual('All parcels', '全部地块')}`] = layers.parcels;
    CONSTRAINTS.forEach((c) => {
      overlays[`${swatch(c.style)}${bilingual(c.en, c.zh)}`] = layers.constraints[c.kind];
    });
    if (layers.constraints.other) {
      overlays[`${swatch(OTHER_CONSTRAINT_STYLE)}${bilingual('Other constraints', '其他管控要素')}`] = layers.constraints.other;
    }
    // Expanded on wide screens so the constraint toggles are discoverable; collapsed on phones.
    const collapsed = window.matchMedia('(max-width: 760px)').matches;
    layers.control = L.control.layers(null, overlays, { collapsed, position: 'topright' }).addTo(map);
    // The parcels layer leaves the map below the zoom threshold; remember only what the user chose.
    map.on('overlayadd', (e) => { if (e.layer === layers.parcels && !layers.switching) layers.parcelsWanted = true; });
    map.on('overlayremove', (e) => { if (e.layer === layers.parcels && !layers.switching) layers.parcelsWanted = false; });
  }

  /** Legend: zone colours (clicking one filters the list to that zone) and what the fills mean. */
  function addLegend() {
    const legend = L.control({ position: 'bottomright' });
    legend.onAdd = () => {
      const div = L.DomUtil.create('div', 'legend');
      const zoneItems = data.zoneOrder.map((id) => {
        const names = zoneNames(id);
        return `<li><button type="button" class="legend-zone" data-zone="${escapeHtml(id)}" title="Show sites in this zone 只看该片区地块">
            <span class="swatch" style="background:${zoneColour(id)}"></span><span>${bilingual(names.en, names.zh)}</span></button></li>`;
      }).join('');
      div.innerHTML = `
        <h3>${bilingual('Zones', '功能分区')}</h3>
        <ul>${zoneItems}</ul>
        <h3>${bilingual('Parcels', '地块')}</h3>
        <ul>
          <li><span class="swatch swatch-site"></span><span>${bilingual('Available site', '可供地块')}</span></li>
          <li><span class="swatch swatch-parcel"></span><span>${bilingual('Reserved / allocated', '已预留/已出让')}</span></li>
          <li><span class="swatch swatch-selected"></span><span>${bilingual('Selected', '当前选中')}</span></li>
          <li><span class="swatch swatch-boundary"></span><span>${bilingual('Valley boundary', '园区边界')}</span></li>
        </ul>
        <div class="legend-density" hidden>
          <h3>${bilingual('Available land per cell', '网格内可供地占比')}</h3>
          <ul>${DENSITY_CLASSES.map((c) => `<li><span class="swatch" style="background:${c.colour}"></span><span>${bilingual(c.en, c.zh)}</span></li>`).join('')}</ul>
          <p class="legend-note">${bilingual(`Zoom in to ${parcelMinZoom} to see parcels`, `放大至${parcelMinZoom}级查看地块`)}</p>
        </div>`;
      layers.densityLegend = div.querySelector('.legend-density');
      layers.densityLegend.hidden = mode !== 'density';
      L.DomEvent.disableClickPropagation(div);
      L.DomEvent.disableScrollPropagation(div);
      div.addEventListener('click', (event) => {
        const button = event.target.closest('.legend-zone');
        if (!button) return;
        // Clicking the active zone again clears the zone filter.
        dom.zone.value = dom.zone.value === button.dataset.zone ? '' : button.dataset.zone;
        onFiltersChanged();
        flyToZone(state.zone);
      });
      return div;
    };
    layers.legend = legend.addTo(map);
  }

  /**
   * Right-hand padding that keeps framed features clear of the layer control and legend, which sit
   * over the map's right edge on wide screens.
   */
  function controlsInset() {
    const width = map.getSize().x;
    const widest = Math.max(
      layers.control ? layers.control.getContainer().offsetWidth : 0,
      layers.legend ? layers.legend.getContainer().offsetWidth : 0);
    // Only worth it when the map stays usefully wide; on narrow maps the controls collapse or hide.
    return widest > 0 && width - widest > 480 ? widest + 24 : 24;
  }

  function fitValley(bounds) {
    map.fitBounds(bounds, { animate: false, paddingTopLeft: [24, 24], paddingBottomRight: [controlsInset(), 24] });
  }

  /**
   * Frames the zone the user just chose (or the whole valley when the zone filter is cleared), so
   * the remaining highlighted sites are in view. Only for choices made by the user: a view restored
   * from a shared link is left as it was shared.
   */
  function flyToZone(zoneId) {
    const zone = data.zones.get(zoneId);
    const bounds = zone ? L.geoJSON(zone).getBounds() : data.valleyBounds;
    if (!bounds || !bounds.isValid()) return;
    map.flyToBounds(bounds, {
      paddingTopLeft: [24, 24],
      paddingBottomRight: [controlsInset(), 24],
      duration: 0.6,
      animate: ANIMATE,
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Filters
  // ---------------------------------------------------------------------------------------------

  function populateFilterOptions() {
    data.zoneOrder.forEach((id) => {
      const names = zoneNames(id);
      dom.zone.add(new Option(`${names.en} · ${names.zh}`, id));
    });
    addLandUseOptions(data.sites);
  }

  /**
   * Only the land uses that occur among the available sites loaded so far (the national classification
   * has well over a hundred codes and a select full of impossible choices helps no one); options are
   * added as sites with new codes come into view, in code order, and never taken away.
   */
  function addLandUseOptions(sites) {
    const present = new Set([...dom.landUse.options].map((o) => o.value));
    const codes = [...new Set(sites.map((s) => s.properties.landUse))].filter((c) => c && !present.has(c)).sort();
    codes.forEach((code) => {
      const before = [...dom.landUse.options].find((o) => o.value && o.value > code);
      dom.landUse.add(new Option(landUseOptionLabel(code), code), before || null);
    });
  }

  function landUseOptionLabel(code) {
    const names = landUseNames(code);
    const label = [names.nameEn, names.nameZh].filter(Boolean).join(' ');
    return label ? `${code} · ${label}` : code;
  }

  /** Makes sure a select can show a value that came from a shared link, even if it is not an option yet. */
  function ensureOption(select, value, label) {
    if (value && ![...select.options].some((o) => o.value === value)) select.add(new Option(label, value));
  }

  function parseAreaInput(input, unit) {
    if (input.value.trim() === '') return null;
    const value = Number(input.value);
    return Number.isFinite(value) ? value * AREA_UNITS[unit].m2 : null;
  }

  /** The area inputs show values in the chosen unit; trailing zeros are dropped so "15" stays "15". */
  function showAreaInputs() {
    const show = (input, m2) => {
      input.value = m2 === null ? '' : String(Number(areaIn(state.unit, m2).toFixed(3)));
    };
    show(dom.areaMin, state.areaMinM2);
    show(dom.areaMax, state.areaMaxM2);
  }

  function readFiltersFromForm() {
    state.zone = dom.zone.value;
    state.landUse = dom.landUse.value;
    state.unit = isAreaUnit(dom.unit.value) ? dom.unit.value : 'ha';
    state.areaMinM2 = parseAreaInput(dom.areaMin, state.unit);
    state.areaMaxM2 = parseAreaInput(dom.areaMax, state.unit);
  }

  function writeFiltersToForm() {
    dom.zone.value = state.zone;
    dom.landUse.value = state.landUse;
    dom.unit.value = state.unit;
    showAreaInputs();
  }

  function matchesFilters(site) {
    const p = site.properties;
    if (state.zone && p.zone !== state.zone) return false;
    if (state.landUse && p.landUse !== state.landUse) return false;
    if (state.areaMinM2 !== null && p.areaM2 < state.areaMinM2) return false;
    if (state.areaMaxM2 !== null && p.areaM2 > state.areaMaxM2) return false;
    return true;
  }

  /** True when the feature's outline touches the bounds. */
  function inBounds(feature, bounds) {
    const layer = siteLayerById.get(feature.id) || parcelLayerById.get(feature.id);
    return Boolean(layer && bounds.intersects(layer.getBounds()));
  }

  /**
   * Re-applies the filters to the highlighted sites on the map and to the side list. The list holds
   * the matching available sites in view (and the selected one), at most MAX_LIST_ROWS rows; below the
   * zoom threshold it holds none and the count comes from the density grid.
   */
  function applyFilters() {
    if (mode === 'density') {
      showDensityCount();
      return;
    }
    const matching = data.sites.filter(matchesFilters);
    const matchingIds = new Set(matching.map((s) => s.id));
    siteLayerById.forEach((layer, id) => {
      if (matchingIds.has(id)) layers.sites.addLayer(layer);
      else layers.sites.removeLayer(layer);
    });
    const view = map.getBounds();
    const visible = matching.filter((s) => s.id === state.selectedId || inBounds(s, view));
    const inView = data.sites.filter((s) => s.id === state.selectedId || inBounds(s, view)).length;
    renderList(visible.slice(0, MAX_LIST_ROWS));
    const filtered = visible.length !== inView;
    const register = data.register ? data.register.available : null;
    // The number shown always comes first: it is what the filters produced (tests read it too).
    // With more sites in the register than in view (a city, or a zoomed-in park), say both.
    const partial = register !== null && register !== inView;
    const where = partial ? ' in view' : '';
    let text = filtered
      ? `${visible.length} of ${inView} sites${where} · ${visible.length}/${inView} 块`
      : `${inView} ${inView === 1 ? 'site' : 'sites'}${where} · ${partial ? '视野内' : ''}${inView} 块`;
    if (partial) text += ` (of ${formatNumber(register, 0)} · 共${formatNumber(register, 0)}块)`;
    dom.count.textContent = text;
    dom.count.dataset.count = String(visible.length);
    dom.count.dataset.inView = String(inView);
    dom.empty.hidden = visible.length > 0;
    const notes = [];
    if (visible.length > MAX_LIST_ROWS) {
      notes.push(bilingual(`The list shows the first ${MAX_LIST_ROWS}; zoom in or filter to see the others.`,
        `列表仅显示前${MAX_LIST_ROWS}块，请放大地图或筛选。`));
    }
    if (data.parcelView && !data.parcelView.complete) {
      notes.push(bilingual(`${formatNumber(data.parcelView.matched, 0)} parcels here; the map draws the first ${formatNumber(MAX_PARCELS_PER_VIEW, 0)}. Zoom in to see them all.`,
        `此范围共${formatNumber(data.parcelView.matched, 0)}块，仅绘制前${MAX_PARCELS_PER_VIEW}块，请放大地图。`));
    }
    showViewNote(notes.join('<br>'));
    dom.reset.disabled = !(state.zone || state.landUse || state.areaMinM2 !== null || state.areaMaxM2 !== null);
    document.querySelectorAll('.legend-zone').forEach((button) => {
      button.classList.toggle('active', button.dataset.zone === state.zone);
      button.setAttribute('aria-pressed', String(button.dataset.zone === state.zone));
    });
  }

  /** Below the zoom threshold: no rows, the number of available sites in the density cells in view. */
  function showDensityCount() {
    renderList([]);
    const totals = data.density ? data.density.totals : null;
    const register = data.register ? data.register.available : null;
    if (totals) {
      let text = `${totals.available} ${totals.available === 1 ? 'site' : 'sites'} in this area · 本区域${totals.available}块`;
      if (register !== null && register !== totals.available) text += ` (of ${formatNumber(register, 0)} · 共${formatNumber(register, 0)}块)`;
      dom.count.textContent = text;
      dom.count.dataset.count = String(totals.available);
    } else {
      dom.count.textContent = '…';
      delete dom.count.dataset.count;
    }
    dom.empty.hidden = true;
    showViewNote(bilingual(`Zoom in to level ${parcelMinZoom} or more to list and filter the sites.`,
      `放大至${parcelMinZoom}级以上可列出并筛选地块。`));
    dom.reset.disabled = !(state.zone || state.landUse || state.areaMinM2 !== null || state.areaMaxM2 !== null);
  }

  function onFiltersChanged() {
    readFiltersFromForm();
    applyFilters();
    writeHash();
  }

  function bindFilterEvents() {
    // Enter in an area input must not submit the form and reload the page.
    document.getElementById('filters').addEventListener('submit', (event) => event.preventDefault());
    dom.zone.addEventListener('change', () => {
      onFiltersChanged();
      flyToZone(state.zone);
    });
    dom.landUse.addEventListener('change', onFiltersChanged);
    dom.areaMin.addEventListener('input', onFiltersChanged);
    dom.areaMax.addEventListener('input', onFiltersChanged);
    // Switching unit converts the displayed numbers rather than reinterpreting them, and the filter
    // keeps its exact m² bounds (the inputs are not re-read), so the list does not change under the user.
    dom.unit.addEventListener('change', () => {
      state.unit = isAreaUnit(dom.unit.value) ? dom.unit.value : 'ha';
      showAreaInputs();
      applyFilters();
      writeHash();
    });
    dom.reset.addEventListener('click', () => {
      const hadZone = Boolean(state.zone);
      Object.assign(state, { zone: '', landUse: '', areaMinM2: null, areaMaxM2: null });
      writeFiltersToForm();
      applyFilters();
      writeHash();
      if (hadZone) flyToZone('');
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Side list
  // ---------------------------------------------------------------------------------------------

  function renderList(sites) {
    // Rebuild only when the rows would differ: a reload of the same view must not replace the row
    // under the user's pointer (nor its keyboard focus).
    const key = `${parcelsGeneration}:${sites.map((site) => site.id).join(',')}`;
    if (dom.list.dataset.key === key) {
      highlightRow(state.selectedId, false);
      return;
    }
    dom.list.dataset.key = key;
    const fragment = document.createDocumentFragment();
    sites.forEach((site) => fragment.appendChild(createRow(site)));
    dom.list.replaceChildren(fragment);
    highlightRow(state.selectedId, false);
  }

  function createRow(site) {
    const p = site.properties;
    const zone = zoneNames(p.zone);
    const use = landUseNames(p.landUse);
    const row = document.createElement('li');
    row.className = 'site-row';
    row.dataset.parcelId = site.id;
    row.tabIndex = 0;
    row.setAttribute('role', 'button');
    row.setAttribute('aria-pressed', 'false');
    row.innerHTML = `
      <span class="swatch" style="background:${zoneColour(p.zone)}" aria-hidden="true"></span>
      <span class="row-main">
        <span class="site-id">${escapeHtml(site.id)}</span>
        <span class="site-zone" title="${escapeHtml(`${zone.en} ${zone.zh}`)}">${bilingual(zone.en, zone.zh)}</span>
        <span class="site-use" title="${escapeHtml(`${p.landUse} ${use.nameEn} ${use.nameZh}`)}">${escapeHtml(p.landUse)} ${bilingual(use.nameEn, use.nameZh)}</span>
      </span>
      <span class="row-area">
        <span class="area-ha">${formatArea('ha', p.areaM2)}</span>
        <span class="area-mu">${formatNumber(areaIn('mu', p.areaM2), 1)} 亩</span>
      </span>`;
    const activate = () => selectParcel(site.id, { fly: true, source: 'list' });
    row.addEventListener('click', activate);
    row.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        activate();
      }
    });
    return row;
  }

  function highlightRow(id, scroll) {
    dom.list.querySelectorAll('.site-row.selected').forEach((row) => {
      row.classList.remove('selected');
      row.setAttribute('aria-pressed', 'false');
    });
    if (!id) return;
    const row = dom.list.querySelector(`.site-row[data-parcel-id="${CSS.escape(id)}"]`);
    if (!row) return;
    row.classList.add('selected');
    row.setAttribute('aria-pressed', 'true');
    if (scroll) row.scrollIntoView({ block: 'nearest', behavior: ANIMATE ? 'smooth' : 'auto' });
  }

  // ---------------------------------------------------------------------------------------------
  // Selection and popup
  // ---------------------------------------------------------------------------------------------

  function popupHtml(feature) {
    const p = feature.properties;
    const zone = zoneNames(p.zone);
    const use = landUseNames(p.landUse);
    const status = STATUS[p.status] || { en: p.status, zh: '' };
    const row = (en, zh, value) => `<tr><th scope="row">${bilingual(en, zh)}</th><td>${value}</td></tr>`;
    return `
      <div class="site-popup" data-parcel-id="${escapeHtml(feature.id)}">
        <header>
          <h3 class="popup-id">${escapeHtml(feature.id)}</h3>
          <span class="status status-${escapeHtml(p.status)}">${bilingual(status.en, status.zh)}</span>
        </header>
        <table class="conditions">
          ${row('Area', '面积', `<span class="area-m2">${formatNumber(p.areaM2, 0)} m²</span><br>
              <span class="area-ha">${formatArea('ha', p.areaM2)}</span> <span class="zh">公顷</span> ·
              <span class="area-mu">${formatArea('mu', p.areaM2)}</span> <span class="zh">亩</span>`)}
          ${row('Zone', '片区', bilingual(zone.en, zone.zh))}
          ${row('Land use', '用地性质', `<code>${escapeHtml(p.landUse)}</code> ${bilingual(use.nameEn, use.nameZh)}`)}
          ${row('Floor area ratio', '容积率', formatRange(p.farMin, p.farMax, formatFar))}
          ${row('Site coverage', '建筑密度', formatRange(p.coverageMin, p.coverageMax, formatPercent))}
          ${row('Green ratio', '绿地率', formatRange(p.greenRatioMin, p.greenRatioMax, formatPercent))}
          ${row('Height limit', '建筑限高', p.heightMaxMetres == null ? '—' : `≤ ${formatMetres(p.heightMaxMetres)}`)}
          ${row('Setback', '建筑退线', p.setbackMetres == null ? '—' : `≥ ${formatMetres(p.setbackMetres)}`)}
        </table>
      </div>`;
  }

  /** The polygon that represents a parcel on the map: the strong one if it is an available site. */
  function layerFor(id) {
    return siteLayerById.get(id) || parcelLayerById.get(id);
  }

  function restyle(id) {
    if (!id) return;
    const site = siteLayerById.get(id);
    const parcel = parcelLayerById.get(id);
    if (site) site.setStyle(siteStyle(site.feature));
    if (parcel) parcel.setStyle(parcelStyle(parcel.feature));
    const front = site && layers.sites.hasLayer(site) ? site : parcel;
    if (id === state.selectedId && front) front.bringToFront();
  }

  /**
   * Selects a parcel: outlines it, highlights its list row, opens its popup and, when asked, flies to it.
   * source is 'list', 'map' or 'hash'; it decides whether the row needs scrolling into view.
   */
  function selectParcel(id, { fly = false, latlng = null, source = 'map' } = {}) {
    const feature = data.parcels.get(id);
    const layer = layerFor(id);
    if (!feature || !layer) {
      // Not in the view's parcels: fetch it, then select it (a link, a finding, a related parcel).
      if (id) showParcel(id, { fly: true, latlng, source });
      return false;
    }

    const previous = state.selectedId;
    state.selectedId = id;
    restyle(previous);
    restyle(id);
    highlightRow(id, source !== 'list');

    // The previous popup closes while this one opens; currentPopup is cleared first so that its
    // close handler does not mistake the switch for the user dismissing the selection.
    currentPopup = null;
    const popup = L.popup({
      maxWidth: 360,
      minWidth: 280,
      // When flying, the flight frames the parcel with room for the popup; panning as well would
      // fight the flight. A restored view from a shared link must stay exactly as shared.
      autoPan: source === 'map',
      // Keep the popup clear of the layer control and legend on the right, not just of the map edge.
      autoPanPaddingTopLeft: [16, 16],
      autoPanPaddingBottomRight: [controlsInset(), 16],
      className: 'parcel-popup',
    }).setLatLng(latlng || (layer._map ? layer.getCenter() : layer.getBounds().getCenter())).setContent(popupHtml(feature));
    popup.openOn(map);
    currentPopup = popup;

    if (fly) {
      const size = map.getSize();
      map.flyToBounds(layer.getBounds(), {
        // Leave the upper part of the map free for the popup, which opens above the parcel.
        paddingTopLeft: [40, Math.min(320, size.y * 0.45)],
        paddingBottomRight: [controlsInset(), 40],
        maxZoom: 17, // close enough to read the parcel's shape, far enough to see its neighbours
        duration: 0.8,
        animate: ANIMATE,
      });
    }
    writeHash();
    document.dispatchEvent(new CustomEvent('investormap:select', { detail: { id, source } }));
    return true;
  }

  /**
   * Selects a parcel whether or not it is among the view's parcels: one that is not is fetched by id
   * (/ogc/collections/parcels/items/{id}) and kept while it is selected. Resolves true when selected.
   */
  async function showParcel(id, options = {}) {
    if (!data.parcels.has(id)) {
      let feature;
      try {
        feature = await fetchJson(`/ogc/collections/parcels/items/${encodeURIComponent(id)}`);
      } catch (error) {
        console.warn(`Parcel ${id} cannot be shown:`, error);
        return false;
      }
      if (!feature || !feature.geometry || data.parcels.has(id)) return selectParcel(id, options);
      addParcel(feature);
      refreshSites();
    }
    return selectParcel(id, options);
  }

  function clearSelection() {
    const previous = state.selectedId;
    if (!previous) return;
    state.selectedId = null;
    restyle(previous);
    highlightRow(null, false);
    writeHash();
  }

  function bindPopupEvents() {
    map.on('popupclose', (event) => {
      if (event.popup === currentPopup) {
        currentPopup = null;
        clearSelection();
      }
    });
  }

  // ---------------------------------------------------------------------------------------------
  // URL hash state: #map=zoom/lat/lon&zone=…&use=…&min=…&max=…&unit=…&parcel=…&panel=…
  // ---------------------------------------------------------------------------------------------

  function readHash() {
    const result = {};
    // A hand-edited or truncated link must not break the page: undecodable parts are ignored.
    const decode = (text) => {
      try {
        return decodeURIComponent(text.replace(/\+/g, ' '));
      } catch (error) {
        return null;
      }
    };
    window.location.hash.replace(/^#/, '').split('&').filter(Boolean).forEach((pair) => {
      const eq = pair.indexOf('=');
      const key = decode(eq < 0 ? pair : pair.slice(0, eq));
      const value = eq < 0 ? '' : decode(pair.slice(eq + 1));
      if (key !== null && value !== null) result[key] = value;
    });
    const view = (result.map || '').split('/').map(Number);
    result.view = view.length === 3 && view.every(Number.isFinite)
      ? { zoom: view[0], center: L.latLng(view[1], view[2]) }
      : null;
    return result;
  }

  function writeHash() {
    if (!hashWritesEnabled) return;
    const centre = map.getCenter();
    const zoom = map.getZoom();
    const parts = [`map=${Number(zoom.toFixed(2))}/${centre.lat.toFixed(5)}/${centre.lng.toFixed(5)}`];
    const add = (key, value) => parts.push(`${key}=${encodeURIComponent(value)}`);
    if (state.zone) add('zone', state.zone);
    if (state.landUse) add('use', state.landUse);
    const unitValue = (m2) => String(Number(areaIn(state.unit, m2).toFixed(3)));
    if (state.areaMinM2 !== null) add('min', unitValue(state.areaMinM2));
    if (state.areaMaxM2 !== null) add('max', unitValue(state.areaMaxM2));
    if (state.areaMinM2 !== null || state.areaMaxM2 !== null || state.unit !== 'ha') add('unit', state.unit);
    if (state.selectedId) add('parcel', state.selectedId);
    if (state.panel) add('panel', state.panel);
    // replaceState: panning should not fill the back button with hundreds of entries.
    window.history.replaceState(null, '', `#${parts.join('&')}`);
  }

  /**
   * Applies a hash (on load or when the user pastes a link into the same tab): filters, view, the view's
   * data, then the selected parcel (fetched if it is not in view). Resolves when all of it is drawn.
   */
  async function applyHashState(hash, initialBounds) {
    state.zone = hash.zone || '';
    state.landUse = hash.use || '';
    state.unit = isAreaUnit(hash.unit) ? hash.unit : 'ha';
    state.panel = hash.panel || '';
    const toM2 = (v) => (v === undefined || v === '' || !Number.isFinite(Number(v)) ? null : Number(v) * AREA_UNITS[state.unit].m2);
    state.areaMinM2 = toM2(hash.min);
    state.areaMaxM2 = toM2(hash.max);
    ensureOption(dom.zone, state.zone, state.zone);
    ensureOption(dom.landUse, state.landUse, landUseOptionLabel(state.landUse));
    writeFiltersToForm();
    applyFilters();

    if (hash.view) map.setView(hash.view.center, hash.view.zoom, { animate: false });
    else if (initialBounds) fitValley(initialBounds);
    clearTimeout(moveTimer);
    const release = pendingRelease;
    pendingRelease = null;
    await refreshView();
    if (release) release();

    if (hash.parcel) {
      // With a shared view the parcel is already framed; without one, frame it.
      await showParcel(hash.parcel, { fly: !hash.view, source: 'hash' });
    } else if (state.selectedId) {
      map.closePopup();
    }
  }

  /** Resolves once the loads started by the latest moves have been drawn (a test hook, and for panels). */
  async function idle() {
    let current;
    do {
      current = idlePromise;
      await current;
    } while (current !== idlePromise);
  }

  // ---------------------------------------------------------------------------------------------
  // Start-up
  // ---------------------------------------------------------------------------------------------

  function valleyBounds(loaded) {
    const boundary = loaded.valley.filter((f) => f.properties.kind === 'boundary');
    const source = boundary.length ? boundary : loaded.zones;
    return source.length ? L.geoJSON(source).getBounds() : null;
  }

  function showLoadError(error) {
    console.error(error);
    dom.status.hidden = false;
    dom.status.classList.add('error');
    dom.status.innerHTML = `Could not load the map data. ${bilingual('', '地图数据加载失败。')}
      <button type="button" class="reset">Retry 重试</button>`;
    dom.status.querySelector('button').addEventListener('click', () => window.location.reload());
    dom.count.textContent = '—';
    window.mapError = String(error && error.message ? error.message : error);
  }

  async function start() {
    createMap();
    const loaded = await loadAll();

    const bounds = valleyBounds(loaded);
    data.valleyBounds = bounds;
    const registerBounds = await loadRegisterSummary(bounds);
    // Open on the valley; the view must exist before the canvas renderer can draw.
    if (bounds) map.fitBounds(bounds, { animate: false, padding: [20, 20] });
    else if (registerBounds) map.fitBounds(registerBounds, { animate: false });
    else map.setView([36.75, 117.22], 14);

    addBasemap(loaded.config);
    drawContextLayers(loaded);
    drawParcelLayers();
    addLayerControl();
    addLegend();
    populateFilterOptions();
    bindFilterEvents();
    bindPopupEvents();

    if (bounds) {
      // Keep investors from losing the park (or the register, when it reaches beyond the park) in an
      // empty canvas when there is no basemap.
      const limits = L.latLngBounds(bounds.pad(1.5).getSouthWest(), bounds.pad(1.5).getNorthEast());
      let minZoom = map.getBoundsZoom(bounds) - 2;
      if (registerBounds && !bounds.pad(1.5).contains(registerBounds)) {
        limits.extend(registerBounds.pad(0.2));
        minZoom = Math.min(minZoom, map.getBoundsZoom(registerBounds) - 1);
      }
      map.setMaxBounds(limits);
      map.setMinZoom(Math.max(0, minZoom));
    }

    map.on('moveend', onMoveEnd);
    await applyHashState(readHash(), bounds);
    hashWritesEnabled = true;
    writeHash();
    window.addEventListener('hashchange', () => {
      applyHashState(readHash(), bounds).catch((error) => console.warn('Applying the link failed:', error));
    });

    dom.status.hidden = true;
    window.investorMap = {
      map, layers, state, data, selectParcel, showParcel, writeHash, controlsInset, zoneColour, zoneNames,
      landUseNames, idle, parcelMinZoom, mode: () => mode,
      animate: ANIMATE,
    };
    // Before mapReady, so that a test which sees mapReady also finds the panels built on the map.
    document.dispatchEvent(new CustomEvent('investormap:ready', { detail: window.investorMap }));
    document.documentElement.dataset.mapReady = 'true';
    window.mapReady = true;
  }

  window.mapReady = false;
  start().catch(showLoadError);
})();
