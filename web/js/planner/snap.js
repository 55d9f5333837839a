/*
 * Geometry for drawing parcels: snapping drawn vertices onto nearby corners of parcels, road reserves and zones
 * (so a new parcel meets its neighbours exactly instead of leaving slivers or overlapping them by a pixel), and
 * the zone under a point. The corners are those of what the map holds: the view's parcels and the whole plan's
 * zones, roads and valley.
 */
import L from '../core/leaflet.js';
import { data, view } from './context.js';

/** A drawn vertex this close to an existing corner (screen pixels) is moved onto it. */
const SNAP_PIXELS = 12;

let snapPoints = [];      // {latlng, owner}: corners that drawn vertices may snap to

export const snapPointCount = () => snapPoints.length;

/** Every corner a drawn vertex may snap to, with the parcel it belongs to (null for zones and roads). */
export function rebuildSnapPoints() {
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
export function snapLatLng(latlng, ownId = null) {
  const here = view.map.latLngToContainerPoint(latlng);
  let best = null;
  let bestDistance = SNAP_PIXELS;
  for (const point of snapPoints) {
    if (ownId && point.owner === ownId) continue;
    const distance = here.distanceTo(view.map.latLngToContainerPoint(point.latlng));
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
export function zoneAt(latlng) {
  for (const id of data.zoneOrder) {
    const g = data.zones.get(id).geometry;
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    if (polygons.some((rings) => pointInPolygon(latlng.lng, latlng.lat, rings))) return id;
  }
  return null;
}
