/*
 * Qilu Optics Valley investor map (齐鲁光谷投资地图).
 *
 * Plain browser JavaScript on top of Leaflet 1.9 (served from its webjar): no build step and no
 * requests to anything but this service, so the page works on an offline exhibition kiosk.
 *
 * Data comes from the service's OGC API Features endpoints (/ogc/collections/{id}/items, GeoJSON in
 * CRS84) plus two small JSON endpoints (/api/land-use-codes, /api/map-config).
 *
 * Structure: constants → formatting helpers → data loading → map and layer styling → filters →
 * side list → selection and popup → URL hash state → start-up.
 *
 * Test hooks (used by InvestorMapIT): window.mapReady becomes true once every layer, the list and the
 * state from the URL hash are in place; window.investorMap exposes the map, its layers and the state.
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
    parcels: new Map(),    // parcel id → feature (every status)
    sites: [],             // available-sites features, sorted by id
    valleyBounds: null,    // L.LatLngBounds of the valley boundary
  };

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

  async function fetchJson(url) {
    const response = await fetch(url, { headers: { Accept: 'application/geo+json, application/json;q=0.9' } });
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

  async function loadAll() {
    const [valley, zones, parcels, sites, constraints, roads, landUses, config] = await Promise.all([
      fetchCollection('valley'),
      fetchCollection('zones'),
      fetchCollection('parcels'),
      fetchCollection('available-sites'),
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
    parcels.forEach((parcel) => data.parcels.set(parcel.id, parcel));
    // available-sites is the authority on what can be offered; make sure look-ups by id find them.
    sites.forEach((site) => { if (!data.parcels.has(site.id)) data.parcels.set(site.id, site); });
    data.sites = sites.slice().sort((a, b) => String(a.id).localeCompare(String(b.id), 'en', { numeric: true }));

    return { valley, zones, parcels, sites, constraints, roads, config: config || {} };
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
   * so an investor can also read the conditions of a reserved or allocated neighbour.
   */
  function drawParcelLayers(loaded) {
    // One shared canvas for everything clickable: Leaflet hit-tests per canvas, so a second canvas
    // on top would hide the parcels below it from the mouse.
    const renderer = L.canvas({ padding: 0.5, tolerance: 3 });

    layers.parcels = L.geoJSON(loaded.parcels, {
      renderer,
      style: parcelStyle,
      onEachFeature: (feature, layer) => {
        parcelLayerById.set(feature.id, layer);
        layer.on('click', (e) => selectParcel(feature.id, { latlng: e.latlng, source: 'map' }));
      },
    }).addTo(map);

    // Filtering adds and removes site polygons from this group; siteLayerById keeps them all.
    layers.sites = L.featureGroup().addTo(map);
    L.geoJSON(loaded.sites, {
      renderer,
      style: siteStyle,
      onEachFeature: (feature, layer) => {
        siteLayerById.set(feature.id, layer);
        layer.bindTooltip(escapeHtml(feature.id), { sticky: true, direction: 'top', className: 'site-tooltip' });
        layer.on('click', (e) => selectParcel(feature.id, { latlng: e.latlng, source: 'map' }));
      },
    });
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
        </ul>`;
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
    const sitesPerZone = new Map();
    data.sites.forEach((s) => sitesPerZone.set(s.properties.zone, (sitesPerZone.get(s.properties.zone) || 0) + 1));
    data.zoneOrder.forEach((id) => {
      const names = zoneNames(id);
      dom.zone.add(new Option(`${names.en} · ${names.zh} (${sitesPerZone.get(id) || 0})`, id));
    });

    // Only the land uses that occur among the available sites: the national classification has
    // well over a hundred codes and a select full of impossible choices helps no one.
    const codes = [...new Set(data.sites.map((s) => s.properties.landUse))].sort();
    codes.forEach((code) => dom.landUse.add(new Option(landUseOptionLabel(code), code)));
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

  /** Re-applies the filters to the highlighted sites on the map and to the side list. */
  function applyFilters() {
    const visible = data.sites.filter(matchesFilters);
    const visibleIds = new Set(visible.map((s) => s.id));
    siteLayerById.forEach((layer, id) => {
      if (visibleIds.has(id)) layers.sites.addLayer(layer);
      else layers.sites.removeLayer(layer);
    });
    renderList(visible);
    const filtered = visible.length !== data.sites.length;
    const total = data.sites.length;
    // The number shown always comes first: it is what the filters produced (tests read it too).
    dom.count.textContent = filtered
      ? `${visible.length} of ${total} sites · ${visible.length}/${total} 块`
      : `${total} ${total === 1 ? 'site' : 'sites'} · ${total} 块`;
    dom.count.dataset.count = String(visible.length);
    dom.empty.hidden = visible.length > 0;
    dom.reset.disabled = !(state.zone || state.landUse || state.areaMinM2 !== null || state.areaMaxM2 !== null);
    document.querySelectorAll('.legend-zone').forEach((button) => {
      button.classList.toggle('active', button.dataset.zone === state.zone);
      button.setAttribute('aria-pressed', String(button.dataset.zone === state.zone));
    });
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
    if (!feature || !layer) return false;

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
    }).setLatLng(latlng || layer.getCenter()).setContent(popupHtml(feature));
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

  /** Applies a hash (on load or when the user pastes a link into the same tab). */
  function applyHashState(hash, initialBounds) {
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

    if (hash.parcel && data.parcels.has(hash.parcel)) {
      // With a shared view the parcel is already framed; without one, frame it.
      selectParcel(hash.parcel, { fly: !hash.view, source: 'hash' });
    } else if (state.selectedId) {
      map.closePopup();
    }
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
    // Open on the valley; the view must exist before the canvas renderer can draw.
    if (bounds) map.fitBounds(bounds, { animate: false, padding: [20, 20] });
    else map.setView([36.75, 117.22], 14);

    addBasemap(loaded.config);
    drawContextLayers(loaded);
    drawParcelLayers(loaded);
    addLayerControl();
    addLegend();
    populateFilterOptions();
    bindFilterEvents();
    bindPopupEvents();

    if (bounds) {
      // Keep investors from losing the park in an empty canvas when there is no basemap.
      map.setMaxBounds(bounds.pad(1.5));
      map.setMinZoom(Math.max(0, map.getBoundsZoom(bounds) - 2));
    }

    applyHashState(readHash(), bounds);
    hashWritesEnabled = true;
    writeHash();
    map.on('moveend', writeHash);
    window.addEventListener('hashchange', () => applyHashState(readHash(), bounds));

    dom.status.hidden = true;
    window.investorMap = {
      map, layers, state, data, selectParcel, writeHash, controlsInset, zoneColour, zoneNames, landUseNames,
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
