/*
 * The planner's map (规划地图): zones, roads, statutory constraints and every live parcel coloured by
 * its status, as planners see them (GET /ogc/collections/{id}/items with the session: all fields).
 *
 * Owns the selection (one parcel at a time; announced as 'planner:select' {id}), reloading the
 * parcels after a write ('planner:parcels'), the leaflet-draw toolbar, snapping of drawn vertices to
 * nearby corners, and the zone under a point. The panels (planner-edit.js, planner-allocations.js…)
 * start on the 'plannermap:ready' event with window.plannerMap.
 *
 * Test hooks: window.plannerReady becomes true once the map, the data and every panel are ready
 * (window.plannerError holds the reason if loading failed); window.plannerMap exposes the map, its
 * layers, the data and selectParcel(id).
 */
(function () {
  'use strict';

  const { escapeHtml, bilingual, formatNumber } = window.ValleyFindings;
  const Planner = window.Planner;

  const ANIMATE = new URLSearchParams(window.location.search).get('animate') !== '0';
  /** The service caps a page at 1000 features; bigger collections are read page by page. */
  const PAGE_SIZE = 1000;
  /** From this zoom on, every parcel shows its ID on the map (below it they would overlap). */
  const LABEL_MIN_ZOOM = 17;
  /** A drawn vertex this close to an existing corner (screen pixels) is moved onto it. */
  const SNAP_PIXELS = 12;

  const ZONE_COLOURS = {
    'laser-industry': '#d1495b',
    'research-institute': '#2f6fb5',
    incubator: '#2a9d73',
    'exchange-center': '#8e5cc4',
    exhibition: '#e09a2b',
    infrastructure: '#6b7785',
  };
  const SPARE_COLOURS = ['#00a3a3', '#b5651d', '#c2549d', '#4c9a2a', '#7a6fd0', '#a0522d'];

  /**
   * Status colours: green for land that can be offered, amber for land held by a proposal, slate for
   * land given out. They differ in lightness too, so they stay apart in greyscale print-outs.
   */
  const STATUS = {
    available: { en: 'Available', zh: '可供地', colour: '#2f9e6b' },
    reserved: { en: 'Reserved', zh: '已预留', colour: '#e8a33d' },
    allocated: { en: 'Allocated', zh: '已出让', colour: '#4f6379' },
    withdrawn: { en: 'Withdrawn', zh: '已撤销', colour: '#9aa1a9' },
  };

  const CONSTRAINTS = {
    'ecological-red-line': { en: 'Ecological red line', zh: '生态保护红线', style: { color: '#c0392b', weight: 2, fillColor: '#c0392b', fillOpacity: 0.12 } },
    'permanent-basic-farmland': { en: 'Permanent basic farmland', zh: '永久基本农田', style: { color: '#b8970b', weight: 1.5, fillColor: '#e8c547', fillOpacity: 0.18 } },
    'urban-development-boundary': { en: 'Urban development boundary', zh: '城镇开发边界', off: true, style: { color: '#7b2cbf', weight: 2, dashArray: '8 5', fill: false } },
    'river-blue-line': { en: 'River blue line', zh: '河道蓝线', style: { color: '#1c6fd1', weight: 1.5, fillColor: '#4aa3ff', fillOpacity: 0.25 } },
    'high-voltage-corridor': { en: 'High-voltage corridor', zh: '高压走廊', style: { color: '#e8590c', weight: 1.5, dashArray: '6 4', fillColor: '#e8590c', fillOpacity: 0.1 } },
  };
  const OTHER_CONSTRAINT = { en: 'Other constraint', zh: '其他管控要素', style: { color: '#555', weight: 1.5, dashArray: '3 3', fillColor: '#555', fillOpacity: 0.08 } };

  const STYLE = {
    boundary: { color: '#1f2a36', weight: 3, fill: false, interactive: false },
    phase: { color: '#1f2a36', weight: 1.2, dashArray: '2 6', fill: false, interactive: false },
    roadReserve: { color: '#9aa1a9', weight: 0.5, fillColor: '#c9cdd2', fillOpacity: 0.9, interactive: false },
    roadCentre: { color: '#ffffff', weight: 1, dashArray: '6 6', opacity: 0.9, interactive: false },
    selected: { color: '#111820', weight: 3.5, opacity: 1 },
  };

  const data = {
    zones: new Map(),       // id → feature
    zoneOrder: [],
    landUses: new Map(),    // code → {nameEn, nameZh}
    parcels: new Map(),     // id → feature (live parcels, planner view)
    roads: [],
    constraints: [],
    valley: [],
    valleyBounds: null,
  };
  const state = { selectedId: null };
  const layers = {};
  const parcelLayerById = new Map();
  let map;
  let snapPoints = [];      // L.LatLng corners that drawn vertices may snap to

  // ---------------------------------------------------------------------------------------------
  // Data
  // ---------------------------------------------------------------------------------------------

  async function fetchJson(url) {
    const result = await Planner.call(url);
    if (!result.ok || !result.data) throw new Error(`${url} answered HTTP ${result.status}`);
    return result.data;
  }

  /** Every feature of a collection, paged by offset; the `next` link only says whether to go on. */
  async function fetchCollection(id) {
    const features = [];
    for (let offset = 0; ; offset += PAGE_SIZE) {
      const page = await fetchJson(`/ogc/collections/${encodeURIComponent(id)}/items?limit=${PAGE_SIZE}&offset=${offset}`);
      features.push(...(page.features || []));
      const hasNext = (page.links || []).some((link) => link.rel === 'next');
      if (!hasNext || !(page.features || []).length) break;
    }
    return features;
  }

  async function loadAll() {
    const [valley, zones, parcels, constraints, roads, landUses] = await Promise.all([
      fetchCollection('valley'),
      fetchCollection('zones'),
      fetchCollection('parcels'),
      fetchCollection('constraints'),
      fetchCollection('roads'),
      fetchJson('/api/land-use-codes').catch(() => []),
    ]);
    data.valley = valley;
    data.roads = roads;
    data.constraints = constraints;
    zones.forEach((zone) => {
      data.zones.set(zone.id, zone);
      data.zoneOrder.push(zone.id);
    });
    landUses.forEach((lu) => data.landUses.set(lu.code, { nameEn: lu.nameEn, nameZh: lu.nameZh }));
    setParcels(parcels);
  }

  function setParcels(features) {
    data.parcels.clear();
    features.forEach((f) => data.parcels.set(f.id, f));
    const list = document.getElementById('parcel-ids');
    const ids = [...data.parcels.keys()].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    list.replaceChildren(...ids.map((id) => new Option(id)));
  }

  // ---------------------------------------------------------------------------------------------
  // Names and colours
  // ---------------------------------------------------------------------------------------------

  function zoneColour(zoneId) {
    if (ZONE_COLOURS[zoneId]) return ZONE_COLOURS[zoneId];
    return SPARE_COLOURS[Math.max(0, data.zoneOrder.indexOf(zoneId)) % SPARE_COLOURS.length];
  }

  function zoneNames(zoneId) {
    const zone = data.zones.get(zoneId);
    return zone ? { en: zone.properties.nameEn, zh: zone.properties.nameZh } : { en: zoneId || '—', zh: '' };
  }

  function landUseNames(code) {
    return data.landUses.get(code) || { nameEn: '', nameZh: '' };
  }

  function statusInfo(status) {
    return STATUS[status] || { en: status || '—', zh: '', colour: '#9aa1a9' };
  }

  function statusChip(status) {
    const s = statusInfo(status);
    return `<span class="status status-${escapeHtml(status)}">${bilingual(s.en, s.zh)}</span>`;
  }

  // ---------------------------------------------------------------------------------------------
  // Map and layers
  // ---------------------------------------------------------------------------------------------

  function createMap() {
    map = L.map('map', {
      preferCanvas: true, // some 200 parcels redraw much faster on one canvas than as SVG nodes
      zoomAnimation: ANIMATE,
      fadeAnimation: ANIMATE,
      markerZoomAnimation: ANIMATE,
      zoomSnap: 0.25,
      maxZoom: 21,
    });
    map.attributionControl.addAttribution('Planning data: Qilu Optics Valley 齐鲁光谷');
    // Context panes let clicks through to the parcels' canvas below the outline.
    [['zonesPane', 350], ['constraintsPane', 380], ['outlinePane', 450]].forEach(([name, zIndex]) => {
      const pane = map.createPane(name);
      pane.style.zIndex = String(zIndex);
      pane.style.pointerEvents = 'none';
    });
    L.control.scale({ metric: true, imperial: false, maxWidth: 160 }).addTo(map);
  }

  function drawContext() {
    layers.zones = L.geoJSON([...data.zones.values()], {
      pane: 'zonesPane',
      interactive: false,
      style: (f) => ({ color: zoneColour(f.id), weight: 1.5, opacity: 0.9, fillColor: zoneColour(f.id), fillOpacity: 0.1 }),
    }).addTo(map);
    layers.roads = L.geoJSON(data.roads, {
      pane: 'zonesPane',
      interactive: false,
      style: (f) => (f.properties.kind === 'centreline' ? STYLE.roadCentre : STYLE.roadReserve),
    }).addTo(map);
    layers.constraints = {};
    const byKind = new Map();
    data.constraints.forEach((f) => {
      const kind = CONSTRAINTS[f.properties.kind] ? f.properties.kind : 'other';
      if (!byKind.has(kind)) byKind.set(kind, []);
      byKind.get(kind).push(f);
    });
    byKind.forEach((features, kind) => {
      const c = CONSTRAINTS[kind] || OTHER_CONSTRAINT;
      const layer = L.geoJSON(features, { pane: 'constraintsPane', interactive: false, style: () => c.style });
      if (!c.off) layer.addTo(map);
      layers.constraints[kind] = layer;
    });
    layers.valley = L.geoJSON(data.valley, {
      pane: 'outlinePane',
      interactive: false,
      style: (f) => (f.properties.kind === 'boundary' ? STYLE.boundary : STYLE.phase),
    }).addTo(map);
  }

  function parcelStyle(feature) {
    const colour = statusInfo(feature.properties.status).colour;
    if (feature.id === state.selectedId) {
      return { ...STYLE.selected, fillColor: colour, fillOpacity: 0.75 };
    }
    return { color: '#ffffff', weight: 1, opacity: 1, fillColor: colour, fillOpacity: 0.55 };
  }

  const parcelRenderer = () => {
    if (!layers.parcelRenderer) layers.parcelRenderer = L.canvas({ padding: 0.5, tolerance: 3 });
    return layers.parcelRenderer;
  };

  /** (Re)draws every live parcel on one canvas; clicking one selects it. */
  function drawParcels() {
    const visible = layers.parcels ? map.hasLayer(layers.parcels) : true;
    if (layers.parcels) {
      layers.parcels.remove();
      if (layers.control) layers.control.removeLayer(layers.parcels);
    }
    parcelLayerById.clear();
    layers.parcels = L.geoJSON([...data.parcels.values()], {
      renderer: parcelRenderer(),
      style: parcelStyle,
      onEachFeature: (feature, layer) => {
        parcelLayerById.set(feature.id, layer);
        layer.bindTooltip(escapeHtml(feature.id), { sticky: true, direction: 'top', className: 'site-tooltip' });
        layer.on('click', () => {
          if (window.plannerEdit && window.plannerEdit.isDrawing()) return;
          selectParcel(feature.id, { source: 'map' });
        });
      },
    });
    if (visible) layers.parcels.addTo(map);
    if (layers.control) layers.control.addOverlay(layers.parcels, `${bilingual('Parcels', '地块')}`);
    drawLabels();
    const selected = parcelLayerById.get(state.selectedId);
    if (selected) selected.bringToFront();
    rebuildSnapPoints();
    updateLegendCounts();
  }

  /** Parcel IDs at their centres; not interactive, so clicks (and drawing) go through to the map. */
  function drawLabels() {
    if (!layers.labels) layers.labels = L.layerGroup();
    layers.labels.clearLayers();
    parcelLayerById.forEach((layer, id) => {
      layers.labels.addLayer(L.tooltip({ permanent: true, direction: 'center', className: 'parcel-label', interactive: false })
        .setLatLng(layer.getCenter()).setContent(escapeHtml(id)));
    });
    showLabelsForZoom();
  }

  function showLabelsForZoom() {
    const show = map.getZoom() >= LABEL_MIN_ZOOM && map.hasLayer(layers.parcels);
    if (show && !map.hasLayer(layers.labels)) layers.labels.addTo(map);
    if (!show && map.hasLayer(layers.labels)) layers.labels.remove();
  }

  function addLayerControl() {
    const swatch = (style) => {
      const fill = style.fill === false ? 'transparent' : (style.fillColor || style.color);
      return `<span class="swatch" style="border:2px ${style.dashArray ? 'dashed' : 'solid'} ${style.color};background:${fill}"></span>`;
    };
    const overlays = {};
    overlays[`${swatch({ color: '#2f6fb5', fillColor: '#c9d9ef' })}${bilingual('Zones', '功能分区')}`] = layers.zones;
    overlays[`${swatch(STYLE.roadReserve)}${bilingual('Road reserves', '道路红线')}`] = layers.roads;
    Object.entries(layers.constraints).forEach(([kind, layer]) => {
      const c = CONSTRAINTS[kind] || OTHER_CONSTRAINT;
      overlays[`${swatch(c.style)}${bilingual(c.en, c.zh)}`] = layer;
    });
    layers.control = L.control.layers(null, overlays, { collapsed: true, position: 'topright' }).addTo(map);
  }

  function addLegend() {
    const legend = L.control({ position: 'bottomright' });
    legend.onAdd = () => {
      const div = L.DomUtil.create('div', 'legend planner-legend');
      const items = ['available', 'reserved', 'allocated'].map((status) => {
        const s = STATUS[status];
        return `<li><span class="swatch" style="background:${s.colour}"></span><span>${bilingual(s.en, s.zh)}</span>
          <span class="legend-count" data-status="${status}"></span></li>`;
      }).join('');
      div.innerHTML = `<h3>${bilingual('Parcel status', '地块状态')}</h3><ul>${items}
        <li><span class="swatch swatch-selected"></span><span>${bilingual('Selected', '当前选中')}</span></li>
        <li><span class="swatch swatch-draft"></span><span>${bilingual('Draft outline', '编辑中的边界')}</span></li></ul>`;
      L.DomEvent.disableClickPropagation(div);
      return div;
    };
    layers.legend = legend.addTo(map);
  }

  function updateLegendCounts() {
    if (!layers.legend) return;
    const counts = {};
    data.parcels.forEach((f) => { counts[f.properties.status] = (counts[f.properties.status] || 0) + 1; });
    layers.legend.getContainer().querySelectorAll('.legend-count').forEach((el) => {
      el.textContent = String(counts[el.dataset.status] || 0);
    });
  }

  /** Right-hand padding that keeps framed features clear of the legend and layer control. */
  function controlsInset() {
    const width = map.getSize().x;
    const widest = layers.legend ? layers.legend.getContainer().offsetWidth : 0;
    return widest > 0 && width - widest > 480 ? widest + 24 : 24;
  }

  // ---------------------------------------------------------------------------------------------
  // Selection
  // ---------------------------------------------------------------------------------------------

  const selectionDom = {
    root: document.getElementById('selection'),
    empty: document.getElementById('selection-empty'),
    card: document.getElementById('selection-card'),
    swatch: document.getElementById('selection-swatch'),
    id: document.getElementById('selection-id'),
    status: document.getElementById('selection-status'),
    facts: document.getElementById('selection-facts'),
  };

  /**
   * Selects a parcel: outlines it, shows its summary and tells the panels. Returns false for an
   * unknown id. A panel with unsaved work may veto the change (plannerEdit.confirmLeave).
   */
  function selectParcel(id, { fly = false, force = false } = {}) {
    if (!data.parcels.has(id)) return false;
    if (!force && id !== state.selectedId && window.plannerEdit && !window.plannerEdit.confirmLeave()) return false;
    const previous = state.selectedId;
    state.selectedId = id;
    restyle(previous);
    restyle(id);
    renderSelection();
    if (fly) {
      const layer = parcelLayerById.get(id);
      if (layer) {
        map.flyToBounds(layer.getBounds(), {
          paddingTopLeft: [60, 60],
          paddingBottomRight: [controlsInset(), 60],
          maxZoom: 18,
          duration: 0.6,
          animate: ANIMATE,
        });
      }
    }
    document.dispatchEvent(new CustomEvent('planner:select', { detail: { id, previous } }));
    return true;
  }

  function clearSelection({ force = false } = {}) {
    if (!state.selectedId) return true;
    if (!force && window.plannerEdit && !window.plannerEdit.confirmLeave()) return false;
    const previous = state.selectedId;
    state.selectedId = null;
    restyle(previous);
    renderSelection();
    document.dispatchEvent(new CustomEvent('planner:select', { detail: { id: null, previous } }));
    return true;
  }

  function restyle(id) {
    const layer = id && parcelLayerById.get(id);
    if (!layer) return;
    layer.setStyle(parcelStyle(layer.feature));
    if (id === state.selectedId) layer.bringToFront();
  }

  function renderSelection() {
    const feature = state.selectedId && data.parcels.get(state.selectedId);
    const drafting = !feature && window.plannerEdit && window.plannerEdit.draft && window.plannerEdit.draft.mode === 'new';
    selectionDom.root.dataset.state = feature ? 'parcel' : drafting ? 'draft' : 'none';
    selectionDom.empty.hidden = Boolean(feature);
    selectionDom.card.hidden = !feature;
    if (!feature) {
      selectionDom.empty.innerHTML = drafting
        ? bilingual('A new parcel is being drawn: set its zone, land use and conditions, check it, then save it.',
          '正在新建地块：请设置片区、用地性质和规划条件，检查后保存。')
        : bilingual('No parcel selected. Click a parcel on the map, enter its ID above, or draw a new one.',
          '未选择地块：请在地图上点击地块、输入编号或新建地块。');
      return;
    }
    const p = feature.properties;
    const zone = zoneNames(p.zone);
    const use = landUseNames(p.landUse);
    selectionDom.swatch.style.background = zoneColour(p.zone);
    selectionDom.id.textContent = feature.id;
    selectionDom.status.outerHTML = `<span id="selection-status" class="status status-${escapeHtml(p.status)}"
      data-status="${escapeHtml(p.status)}">${bilingual(statusInfo(p.status).en, statusInfo(p.status).zh)}</span>`;
    selectionDom.status = document.getElementById('selection-status');
    const allottee = p.allottee ? ` · ${bilingual('Allottee', '用地单位')} <b>${escapeHtml(p.allottee)}</b>` : '';
    selectionDom.facts.innerHTML = `${formatNumber(p.areaM2 / 10000, 2, 2)} ha · ${formatNumber(p.areaM2 / (10000 / 15), 1, 1)} 亩 ·
      ${bilingual(zone.en, zone.zh)} · <code>${escapeHtml(p.landUse)}</code> ${bilingual(use.nameEn, use.nameZh)}${allottee}`;
  }

  document.getElementById('selection-clear').addEventListener('click', () => clearSelection());

  // ---------------------------------------------------------------------------------------------
  // Reloading after writes
  // ---------------------------------------------------------------------------------------------

  /** Re-reads every live parcel (another planner may have changed any of them) and redraws them. */
  async function reloadParcels() {
    setParcels(await fetchCollection('parcels'));
    drawParcels();
    if (state.selectedId && !data.parcels.has(state.selectedId)) {
      clearSelection({ force: true });
    } else {
      renderSelection();
    }
    document.dispatchEvent(new CustomEvent('planner:parcels'));
  }

  /** One parcel as planners see it, with its ETag: {ok, status, feature, etag}. */
  async function fetchParcel(id) {
    const result = await Planner.call(`/ogc/collections/parcels/items/${encodeURIComponent(id)}`);
    if (result.ok && result.data) {
      data.parcels.set(id, result.data);
      const layer = parcelLayerById.get(id);
      if (layer) {
        layer.feature = result.data;
        restyle(id);
      }
      if (id === state.selectedId) renderSelection();
    }
    return { ok: result.ok, status: result.status, feature: result.data, etag: result.etag, result };
  }

  // ---------------------------------------------------------------------------------------------
  // Geometry helpers for drawing
  // ---------------------------------------------------------------------------------------------

  /** Every corner a drawn vertex may snap to, with the parcel it belongs to (null for zones and roads). */
  function rebuildSnapPoints() {
    const points = [];
    const add = (geometry, owner) => {
      if (!geometry) return;
      const rings = geometry.type === 'Polygon' ? geometry.coordinates
        : geometry.type === 'MultiPolygon' ? geometry.coordinates.flat()
          : geometry.type === 'LineString' ? [geometry.coordinates] : [];
      rings.forEach((ring) => ring.forEach(([lng, lat]) => points.push({ latlng: L.latLng(lat, lng), owner })));
    };
    data.parcels.forEach((f) => add(f.geometry, f.id));
    data.zones.forEach((f) => add(f.geometry, null));
    data.roads.filter((f) => f.properties.kind !== 'centreline').forEach((f) => add(f.geometry, null));
    data.valley.forEach((f) => add(f.geometry, null));
    snapPoints = points;
  }

  /**
   * The corner nearest to latlng within SNAP_PIXELS on screen, or latlng itself. Corners of the parcel
   * being edited (ownId) do not count, or a vertex could never be moved a little way from where it was.
   */
  function snapLatLng(latlng, ownId = null) {
    const here = map.latLngToContainerPoint(latlng);
    let best = null;
    let bestDistance = SNAP_PIXELS;
    for (const point of snapPoints) {
      if (ownId && point.owner === ownId) continue;
      const distance = here.distanceTo(map.latLngToContainerPoint(point.latlng));
      if (distance <= bestDistance) {
        best = point.latlng;
        bestDistance = distance;
      }
    }
    return best ? L.latLng(best.lat, best.lng) : latlng;
  }

  function pointInRing(lng, lat, ring) {
    let inside = false;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if ((yi > lat) !== (yj > lat) && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  }

  function pointInPolygon(lng, lat, rings) {
    return pointInRing(lng, lat, rings[0]) && !rings.slice(1).some((hole) => pointInRing(lng, lat, hole));
  }

  /** The id of the zone containing latlng, or null. */
  function zoneAt(latlng) {
    for (const id of data.zoneOrder) {
      const g = data.zones.get(id).geometry;
      const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
      if (polygons.some((rings) => pointInPolygon(latlng.lng, latlng.lat, rings))) return id;
    }
    return null;
  }

  // ---------------------------------------------------------------------------------------------
  // Start-up
  // ---------------------------------------------------------------------------------------------

  function bindFind() {
    const form = document.getElementById('find-parcel');
    const input = document.getElementById('find-parcel-id');
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const id = input.value.trim().toUpperCase();
      if (!id) return;
      if (selectParcel(id, { fly: true })) {
        input.value = '';
        Planner.hideMessage();
      } else if (!data.parcels.has(id)) {
        Planner.showMessage('error', `No live parcel ${id}.`, `未找到地块 ${id}。`);
      }
    });
    document.getElementById('refresh-data').addEventListener('click', () =>
      Planner.track('reload', async () => {
        await reloadParcels();
        if (state.selectedId) document.dispatchEvent(new CustomEvent('planner:select', { detail: { id: state.selectedId, previous: state.selectedId } }));
        return { ok: true };
      }));
  }

  async function start() {
    createMap();
    const [who] = await Promise.all([Planner.me, loadAll()]);
    if (!who.signedIn) return;
    const boundary = data.valley.filter((f) => f.properties.kind === 'boundary');
    const bounds = L.geoJSON(boundary.length ? boundary : [...data.zones.values()]).getBounds();
    data.valleyBounds = bounds;
    map.fitBounds(bounds, { animate: false, padding: [20, 20] });
    drawContext();
    addLayerControl();
    addLegend();
    drawParcels();
    map.on('zoomend overlayadd overlayremove', showLabelsForZoom);
    bindFind();

    window.plannerMap = {
      map, layers, data, state, animate: ANIMATE,
      selectParcel, clearSelection, reloadParcels, fetchParcel, renderSelection,
      zoneColour, zoneNames, landUseNames, statusInfo, statusChip, controlsInset,
      snapLatLng, zoneAt,
      get snapPointCount() { return snapPoints.length; },
      parcelLayer: (id) => parcelLayerById.get(id),
    };
    document.dispatchEvent(new CustomEvent('plannermap:ready', { detail: window.plannerMap }));
    Planner.activate('parcel');
    document.documentElement.dataset.plannerReady = 'true';
    window.plannerReady = true;
  }

  window.plannerReady = false;
  start().catch((error) => {
    console.error(error);
    window.plannerError = String(error && error.message ? error.message : error);
    Planner.showMessage('error', `The plan could not be loaded: ${window.plannerError}`, '规划数据加载失败，请刷新页面。');
  });
})();
