/*
 * Leaflet and Leaflet.draw stay classic scripts from their webjars (they publish no ES modules we could serve
 * offline), loaded by each page before its module code, which always runs after classic scripts. This module
 * only reads the global they define, so the rest of the code imports L like any other dependency.
 */
const { L } = window;

if (!L || !L.Draw) {
  throw new Error('Leaflet and Leaflet.draw must be loaded (as classic scripts) before the page modules');
}

export default L;
