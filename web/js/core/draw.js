/*
 * Drawing outlines with Leaflet.draw, the same way on both pages: a site to check on the investor map, a parcel's
 * outline in the workspace.
 *
 * A drawn outline is an area: polygon and rectangle only. Self-intersections are refused while drawing, because
 * the service would only refuse them afterwards. Drawn shapes get their own SVG pane whose empty area lets clicks
 * through: a renderer in the shared overlay pane would put a second surface over the parcels' canvas and swallow
 * their clicks.
 */
import L from './leaflet.js';
import { overlayPane } from './map.js';
import { DRAWN_STYLE } from './palette.js';

export class DrawTools {
  /**
   * options: pane (its name), edit (leaflet-draw's edit options, false for none). The toolbar is not on the map
   * until addTo(); the page decides when it shows.
   */
  constructor(map, { pane, edit = false }) {
    this.map = map;
    this.renderer = L.svg({ pane: overlayPane(map, pane, 455), padding: 0.5 });
    const shapeOptions = { ...DRAWN_STYLE, renderer: this.renderer };
    this.control = new L.Control.Draw({
      position: 'topleft',
      draw: {
        polygon: { allowIntersection: false, showArea: true, metric: ['ha', 'm'], shapeOptions },
        rectangle: { showArea: true, metric: ['ha', 'm'], shapeOptions },
        polyline: false,
        circle: false,
        circlemarker: false,
        marker: false,
      },
      edit,
    });
  }

  /** A polygon drawn like the shapes of the toolbar (style, renderer), for outlines made in code. */
  polygon(latlngs, options = {}) {
    return L.polygon(latlngs, { ...DRAWN_STYLE, renderer: this.renderer, ...options });
  }

  /** Adds a GeoJSON Polygon exactly as if it had been drawn, by firing leaflet-draw's own "created" event. */
  fireCreated(geometry) {
    if (!geometry || geometry.type !== 'Polygon') throw new Error('setDrawnPolygon needs a GeoJSON Polygon');
    const layer = this.polygon(L.GeoJSON.coordsToLatLngs(geometry.coordinates, 1));
    this.map.fire(L.Draw.Event.CREATED, { layer, layerType: 'polygon' });
    return layer;
  }

  /** Starts the polygon tool, as its toolbar button does. */
  startPolygon() {
    const button = this.map.getContainer().querySelector('.leaflet-draw-draw-polygon');
    if (button) button.click();
  }

  /** The geodesic area of a drawn ring, m² (leaflet-draw's, as it shows while drawing). */
  static area(latlngs) {
    return L.GeometryUtil.geodesicArea(latlngs);
  }
}
