/*
 * EPSG:4548 (CGCS2000 / 3-degree Gauss-Kruger CM 117E) in the browser: the transverse Mercator projection the
 * service computes every planner's number in, so that a length or an area measured on the map is the one the
 * service would give for the same points (map.css, measure.js).
 *
 * Forward projection by Krüger's series in the third flattening n, to n^4 (Karney, "Transverse Mercator with an
 * accuracy of a few nanometres", J. Geodesy 85, 2011, eqs. 9-11, 35-36): far below a millimetre within a 3-degree
 * zone. CGCS2000 ellipsoid: a = 6,378,137 m, 1/f = 298.257222101; central meridian 117°E, scale 1, false easting
 * 500,000 m, no false northing. Lengths in metres and areas in m² are then planar, on the projected coordinates.
 */

const A = 6378137;
const F = 1 / 298.257222101;
const LON0 = 117 * Math.PI / 180;
const FALSE_EASTING = 500000;

const N = F / (2 - F);
const N2 = N * N;
const N3 = N2 * N;
const N4 = N3 * N;
/** Rectifying radius (the meridian's length over 2π), metres. */
const RECTIFYING = (A / (1 + N)) * (1 + N2 / 4 + N4 / 64);
const ALPHA = [
  N / 2 - (2 / 3) * N2 + (5 / 16) * N3 + (41 / 180) * N4,
  (13 / 48) * N2 - (3 / 5) * N3 + (557 / 1440) * N4,
  (61 / 240) * N3 - (103 / 140) * N4,
  (49561 / 161280) * N4,
];
const E = Math.sqrt(F * (2 - F));

/** [easting, northing] in metres of a CRS84 point (longitude, latitude in degrees). */
export function toEpsg4548(lon, lat) {
  const phi = lat * Math.PI / 180;
  const lambda = lon * Math.PI / 180 - LON0;
  // Conformal latitude, through its tangent (Karney eq. 7-9).
  const tau = Math.tan(phi);
  const sigma = Math.sinh(E * Math.atanh((E * tau) / Math.sqrt(1 + tau * tau)));
  const tauPrime = tau * Math.sqrt(1 + sigma * sigma) - sigma * Math.sqrt(1 + tau * tau);
  const xiPrime = Math.atan2(tauPrime, Math.cos(lambda));
  const etaPrime = Math.asinh(Math.sin(lambda) / Math.sqrt(tauPrime * tauPrime + Math.cos(lambda) ** 2));
  let xi = xiPrime;
  let eta = etaPrime;
  ALPHA.forEach((alpha, index) => {
    const j = 2 * (index + 1);
    xi += alpha * Math.sin(j * xiPrime) * Math.cosh(j * etaPrime);
    eta += alpha * Math.cos(j * xiPrime) * Math.sinh(j * etaPrime);
  });
  return [FALSE_EASTING + RECTIFYING * eta, RECTIFYING * xi];
}

/** The length of a line through these points (Leaflet LatLngs), metres in EPSG:4548. */
export function lengthMetres(latlngs) {
  let total = 0;
  for (let i = 1; i < latlngs.length; i += 1) {
    const [x0, y0] = toEpsg4548(latlngs[i - 1].lng, latlngs[i - 1].lat);
    const [x1, y1] = toEpsg4548(latlngs[i].lng, latlngs[i].lat);
    total += Math.hypot(x1 - x0, y1 - y0);
  }
  return total;
}

/** The area of the ring through these points (closed or not), m² in EPSG:4548 (the shoelace formula). */
export function areaSquareMetres(latlngs) {
  const points = latlngs.map((p) => toEpsg4548(p.lng, p.lat));
  let twice = 0;
  for (let i = 0; i < points.length; i += 1) {
    const [x0, y0] = points[i];
    const [x1, y1] = points[(i + 1) % points.length];
    twice += x0 * y1 - x1 * y0;
  }
  return Math.abs(twice) / 2;
}
