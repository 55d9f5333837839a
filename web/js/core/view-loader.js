/*
 * Loading a register of any size by view, for both maps.
 *
 * From the zoom threshold up (map-config parcelMinZoom, 14 by default), or at any zoom when the register is small
 * enough (parcelsAtAnyZoom), the parcels of the visible bbox plus a
 * margin are read page by page (GET /ogc/collections/parcels/items?bbox=...&limit=1000&offset=...), up to
 * MAX_PARCELS_PER_VIEW; below it the page draws an overview instead (the investor map: a density grid) and no
 * parcel is requested at all. Loads wait for MOVE_DEBOUNCE_MS of quiet after a move, a new one aborts the one in
 * flight, and a move that stays inside an area loaded completely requests nothing.
 *
 * The same request serves both audiences: an anonymous visitor gets the public fields of the live parcels, a
 * signed-in planner (the session cookie goes along) every field of them.
 */
import { api, getJson, hasNextPage, PAGE_SIZE } from './http.js';
import { bboxParam } from './map.js';

/** At most this many parcels are loaded for one view (5 pages); beyond it the page asks to zoom in. */
export const MAX_PARCELS_PER_VIEW = 5000;
/** Margin loaded around the view, as a fraction of its size on each side, so small pans load nothing. */
const VIEW_MARGIN = 0.25;
/** Quiet time after the last move before loading, ms: a drag or a wheel burst makes one request. */
const MOVE_DEBOUNCE_MS = 150;

export class ViewLoader {
  /**
   * options:
   *   minZoom: parcels from this zoom up, the overview below it;
   *   parcelsAtAnyZoom(): true when the parcels are few enough to draw at every zoom (the investor map asks the
   *     register's count: a park of a few hundred parcels never needs the overview), checked at each load;
   *   onMode(mode): the mode changed to 'parcels' or 'overview' (before anything of it is loaded);
   *   onMove(): after every move, at once (before the debounced load);
   *   onParcels(features, view): the parcels of the view arrived; view is { bounds, complete, matched, bbox };
   *   loadOverview(bounds, zoom, signal): loads and draws the overview (optional);
   *   onError(error): a load failed (an aborted one does not count);
   *   call: the api() to read with (the workspace's notices an ended session).
   */
  constructor(map, options) {
    this.map = map;
    this.options = options;
    this.minZoom = options.minZoom ?? 0;
    this.mode = null;
    /** What the parcels loaded cover: { bounds (with the margin), complete, matched, bbox }, or null. */
    this.view = null;
    this.inFlight = null;
    this.timer = null;
    this.pendingRelease = null;
    this.idlePromise = Promise.resolve();
  }

  /** Follows the map from now on. */
  start() {
    this.map.on('moveend', () => this.onMoveEnd());
    return this;
  }

  modeFor(zoom) {
    const few = this.options.parcelsAtAnyZoom ? this.options.parcelsAtAnyZoom() : false;
    return zoom >= this.minZoom || few ? 'parcels' : 'overview';
  }

  setMode(next) {
    if (next === this.mode) return;
    this.mode = next;
    if (next !== 'parcels') this.view = null;
    if (this.options.onMode) this.options.onMode(next);
  }

  /** The next refresh reloads even a view inside what is loaded (after a write, say). */
  forget() {
    this.view = null;
  }

  /**
   * Loads what the current view needs now, aborting a load in flight and taking over a debounced one; resolves
   * when it has been drawn (or was superseded, or failed: see onError).
   */
  refresh() {
    clearTimeout(this.timer);
    const release = this.pendingRelease;
    this.pendingRelease = null;
    this.setMode(this.modeFor(this.map.getZoom()));
    if (this.inFlight) this.inFlight.abort();
    const controller = new AbortController();
    this.inFlight = controller;
    const work = (this.mode === 'parcels' ? this.loadParcels(controller.signal) : this.loadOverview(controller.signal))
      .catch((error) => {
        if (error && error.name === 'AbortError') return;
        if (this.options.onError) this.options.onError(error);
        else console.warn('Loading the view failed:', error);
      })
      .finally(() => { if (this.inFlight === controller) this.inFlight = null; });
    this.idlePromise = release ? work.then(release) : work;
    return work;
  }

  /** After a move: the page follows at once (onMove), the data after a short quiet time. */
  onMoveEnd() {
    if (this.options.onMove) this.options.onMove();
    clearTimeout(this.timer);
    if (!this.pendingRelease) this.idlePromise = new Promise((resolve) => { this.pendingRelease = resolve; });
    this.timer = setTimeout(() => this.refresh(), MOVE_DEBOUNCE_MS);
  }

  /** Resolves once the loads started by the latest moves have been drawn (a test hook, and for panels). */
  async idle() {
    let current;
    do {
      current = this.idlePromise;
      await current;
    } while (current !== this.idlePromise);
  }

  /** The parcels of the view plus a margin, following pages up to MAX_PARCELS_PER_VIEW. */
  async loadParcels(signal) {
    const view = this.map.getBounds();
    if (this.view && this.view.complete && this.view.bounds.contains(view)) return;
    const wanted = view.pad(VIEW_MARGIN);
    const bbox = bboxParam(wanted);
    const features = [];
    let matched = null;
    let complete = true;
    for (let offset = 0; ; offset += PAGE_SIZE) {
      const page = await getJson(`/ogc/collections/parcels/items?bbox=${bbox}&limit=${PAGE_SIZE}&offset=${offset}`,
        { signal, call: this.options.call || api });
      features.push(...(page.features || []));
      if (typeof page.numberMatched === 'number') matched = page.numberMatched;
      if (!hasNextPage(page)) break;
      if (features.length >= MAX_PARCELS_PER_VIEW) {
        complete = false;
        break;
      }
    }
    if (signal.aborted) return;
    this.view = { bounds: wanted, complete, matched: matched ?? features.length, bbox };
    this.options.onParcels(features, this.view);
  }

  async loadOverview(signal) {
    if (!this.options.loadOverview) return;
    const wanted = this.map.getBounds().pad(VIEW_MARGIN);
    await this.options.loadOverview(wanted, Math.max(0, Math.floor(this.map.getZoom())), signal);
  }
}

/**
 * The parcels a map holds, by id, kept in step with its Leaflet layers through onAdd(feature) and onRemove(id).
 * A reload replaces only what changed: parcels already drawn and unchanged stay as they are.
 */
export class ParcelSet {
  constructor({ onAdd, onRemove }) {
    /** id → feature; the pages expose this Map as their data.parcels. */
    this.features = new Map();
    this.json = new Map();
    this.onAdd = onAdd;
    this.onRemove = onRemove;
    /** Rises whenever a parcel is added or removed (a cache key for what is derived from the set). */
    this.generation = 0;
  }

  add(feature) {
    if (this.features.has(feature.id)) this.remove(feature.id);
    this.generation += 1;
    this.features.set(feature.id, feature);
    this.json.set(feature.id, JSON.stringify(feature));
    this.onAdd(feature);
  }

  /** Adds a parcel, or replaces it if it changed (a parcel read again by id). */
  put(feature) {
    if (this.json.get(feature.id) !== JSON.stringify(feature)) this.add(feature);
  }

  remove(id) {
    if (!this.features.has(id)) return;
    this.generation += 1;
    this.features.delete(id);
    this.json.delete(id);
    this.onRemove(id);
  }

  /** Makes the set hold exactly `features`, plus the parcel `keep` (the selected one) wherever it is. */
  replace(features, keep = null) {
    const wanted = new Map(features.map((f) => [f.id, f]));
    [...this.features.keys()].forEach((id) => {
      if (id === keep && !wanted.has(id)) return;
      const next = wanted.get(id);
      if (!next || JSON.stringify(next) !== this.json.get(id)) this.remove(id);
    });
    wanted.forEach((feature, id) => { if (!this.features.has(id)) this.add(feature); });
  }

  /** Removes every parcel but `keep`. */
  clear(keep = null) {
    [...this.features.keys()].forEach((id) => { if (id !== keep) this.remove(id); });
  }
}
