/*
 * Sidebar tabs (the WAI-ARIA tabs pattern): one panel shows at a time, arrow keys move between the tabs that are
 * shown, and the choice is announced as a document event ({panel, previous}) so each panel can load its data and
 * put its own layers on the map only while it is open. Some panels need a wider sidebar; the map is told when its
 * size changes.
 */
export class Tabs {
  /**
   * options: tablist (selector of the tab buttons), app (the element holding data-panel and the width class),
   * fallback (the panel shown when the one asked for is not available), wide (a Set of panels), event (the name
   * announced), map (a function giving the Leaflet map, or null while there is none), beforeAnnounce(next,
   * previous, options) for what a page does before the panels hear of the change.
   */
  constructor(options) {
    this.options = options;
    this.tabs = [...document.querySelectorAll(options.tablist)];
    this.app = options.app;
    this.current = options.fallback;
    this.tabs.forEach((tab) => {
      tab.addEventListener('click', () => this.activate(tab.dataset.panel));
      tab.addEventListener('keydown', (event) => {
        const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
        if (!step) return;
        event.preventDefault();
        const shown = this.tabs.filter((t) => !t.hidden);
        const at = shown.indexOf(tab);
        this.activate(shown[(at + step + shown.length) % shown.length].dataset.panel, { focus: true });
      });
    });
  }

  /** A panel is available when its tab exists and is not hidden. */
  available(panel) {
    const tab = this.tabs.find((t) => t.dataset.panel === panel);
    return Boolean(tab) && !tab.hidden;
  }

  /** Opens a panel (the fallback if it is not available) and announces it, even when it is already open. */
  activate(panel, options = {}) {
    const next = this.available(panel) ? panel : this.options.fallback;
    const previous = this.current;
    this.current = next;
    this.tabs.forEach((tab) => {
      const selected = tab.dataset.panel === next;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      document.getElementById(tab.getAttribute('aria-controls')).hidden = !selected;
      if (selected && options.focus) tab.focus();
    });
    this.app.dataset.panel = next;
    const wide = this.options.wide.has(next);
    const wasWide = this.app.classList.contains('sidebar-wide');
    this.app.classList.toggle('sidebar-wide', wide);
    const map = this.options.map();
    if (map && wasWide !== wide) map.invalidateSize({ animate: false });
    if (this.options.beforeAnnounce) this.options.beforeAnnounce(next, previous, options);
    // Announced even when unchanged: the panels' handlers are idempotent, and the first announcement after the
    // map is ready is what puts the open panel's layers on the map.
    document.dispatchEvent(new CustomEvent(this.options.event, { detail: { panel: next, previous } }));
    return next;
  }
}
