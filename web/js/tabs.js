/*
 * Sidebar tabs: the site list (地块), the site check (合规检查) and the audit (规划审计).
 *
 * Only one panel shows at a time; the choice is announced as a 'sidebar:panel' document event
 * ({panel, previous}) so each panel can put its own layers on the map and take them off again, and it
 * is kept in the URL hash (panel=check|audit) through the map's state, so a shared link opens the
 * same panel. The audit table needs a wider sidebar; the map is told when its size changes.
 */
(function () {
  'use strict';

  const PANELS = ['sites', 'check', 'audit'];
  const WIDE = new Set(['audit']);

  const tabs = [...document.querySelectorAll('.tabs [role="tab"]')];
  const app = document.querySelector('.app');
  let current = 'sites';
  let investor = null;

  function activate(panel, { focus = false, fromHash = false } = {}) {
    const next = PANELS.includes(panel) ? panel : 'sites';
    const previous = current;
    current = next;
    tabs.forEach((tab) => {
      const selected = tab.dataset.panel === next;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      document.getElementById(tab.getAttribute('aria-controls')).hidden = !selected;
      if (selected && focus) tab.focus();
    });

    app.dataset.panel = next;
    const wasWide = app.classList.contains('sidebar-wide');
    app.classList.toggle('sidebar-wide', WIDE.has(next));
    if (investor) {
      if (wasWide !== WIDE.has(next)) investor.map.invalidateSize({ animate: false });
      // 'sites' is the default and stays out of the hash; a change from the hash itself is not written back.
      investor.state.panel = next === 'sites' ? '' : next;
      if (!fromHash) investor.writeHash();
    }
    // Announced even when unchanged: the panels' handlers are idempotent, and the first announcement
    // after the map is ready is what puts the open panel's layers on the map.
    document.dispatchEvent(new CustomEvent('sidebar:panel', { detail: { panel: next, previous } }));
  }

  tabs.forEach((tab, index) => {
    tab.addEventListener('click', () => activate(tab.dataset.panel));
    // Arrow keys move between tabs, as the WAI-ARIA tabs pattern expects.
    tab.addEventListener('keydown', (event) => {
      const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
      if (!step) return;
      event.preventDefault();
      activate(tabs[(index + step + tabs.length) % tabs.length].dataset.panel, { focus: true });
    });
  });

  document.addEventListener('investormap:ready', (event) => {
    investor = event.detail;
    // A tab chosen while the map was still loading wins over an empty hash.
    if (investor.state.panel) activate(investor.state.panel, { fromHash: true });
    else activate(current, { fromHash: current === 'sites' });
    // map.js re-reads the hash first (its listener was registered earlier), so state.panel is current.
    window.addEventListener('hashchange', () => activate(investor.state.panel || 'sites', { fromHash: true }));
  });

  window.sidebarTabs = { activate, get current() { return current; } };
})();
