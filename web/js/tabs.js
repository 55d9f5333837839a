/*
 * Sidebar tabs: the site list (地块), the site check (合规检查) and the audit (规划审计).
 *
 * Only one panel shows at a time; the choice is announced as a 'sidebar:panel' document event
 * ({panel, previous}) so each panel can put its own layers on the map and take them off again, and it
 * is kept in the URL hash (panel=check|audit) through the map's state, so a shared link opens the
 * same panel. The audit table needs a wider sidebar; the map is told when its size changes.
 *
 * A hidden tab is not available (the audit is for signed-in planners; account.js shows its tab): a
 * link asking for it opens the site list, and the panel opens once the account turns out to allow it.
 */
(function () {
  'use strict';

  const PANELS = ['sites', 'check', 'audit'];
  const WIDE = new Set(['audit']);

  const tabs = [...document.querySelectorAll('.tabs [role="tab"]')];
  const app = document.querySelector('.app');
  let current = 'sites';
  let investor = null;
  /** A panel a link asked for that is not available (yet): opened if the account turns out to allow it. */
  let wanted = null;

  function available(panel) {
    const tab = tabs.find((t) => t.dataset.panel === panel);
    return PANELS.includes(panel) && Boolean(tab) && !tab.hidden;
  }

  function activate(panel, { focus = false, fromHash = false } = {}) {
    const next = available(panel) ? panel : 'sites';
    wanted = next !== panel && PANELS.includes(panel) ? panel : null;
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

  tabs.forEach((tab) => {
    tab.addEventListener('click', () => activate(tab.dataset.panel));
    // Arrow keys move between tabs, as the WAI-ARIA tabs pattern expects.
    tab.addEventListener('keydown', (event) => {
      const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
      if (!step) return;
      event.preventDefault();
      const shown = tabs.filter((t) => !t.hidden);
      const at = shown.indexOf(tab);
      activate(shown[(at + step + shown.length) % shown.length].dataset.panel, { focus: true });
    });
  });

  // The account may make a panel available after the map is ready: open it if the link asked for it.
  document.addEventListener('account:known', () => {
    if (!investor) return; // the map's ready handler below reads the tabs as they are by then
    if (wanted && available(wanted)) activate(wanted, { fromHash: true });
    else if (!available(current)) activate('sites');
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
