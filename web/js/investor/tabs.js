/*
 * The investor map's sidebar tabs: the site list (地块), the site check (合规检查) and the audit (规划审计), on the
 * shared core/tabs.js. The choice is announced as the 'sidebar:panel' document event, and kept in the URL hash
 * (panel=check|audit) through the map's state, so a shared link opens the same panel. The audit table needs a
 * wider sidebar.
 *
 * A hidden tab is not available (the audit is for signed-in planners; account.js shows its tab): a link asking
 * for it opens the site list, and the panel opens once the account turns out to allow it.
 */
import { Tabs } from '../core/tabs.js';
import { state, view } from './context.js';
import { writeHash } from './hash.js';

const PANELS = ['sites', 'check', 'audit'];

/** A panel a link asked for that is not available (yet): opened if the account turns out to allow it. */
let wanted = null;
let ready = false;

const tabs = new Tabs({
  tablist: '.tabs [role="tab"]',
  app: document.querySelector('.app'),
  fallback: 'sites',
  wide: new Set(['audit']),
  event: 'sidebar:panel',
  map: () => (ready ? view.map : null),
  beforeAnnounce(next, previous, { fromHash = false, asked = next }) {
    wanted = next !== asked && PANELS.includes(asked) ? asked : null;
    if (!ready) return;
    // 'sites' is the default and stays out of the hash; a change from the hash itself is not written back.
    state.panel = next === 'sites' ? '' : next;
    if (!fromHash) writeHash();
  },
});

function activate(panel, options = {}) {
  return tabs.activate(panel, { ...options, asked: panel });
}

/** Test hooks: the panel open now. */
export const sidebarTabs = { activate, get current() { return tabs.current; } };

// The account may make a panel available after the map is ready: open it if the link asked for it.
document.addEventListener('account:known', () => {
  if (!ready) return; // initTabs reads the tabs as they are by then
  if (wanted && tabs.available(wanted)) activate(wanted, { fromHash: true });
  else if (!tabs.available(tabs.current)) activate('sites');
});

/** Once the map is ready: opens the panel the link asked for, which puts that panel's layers on the map. */
export function initTabs() {
  ready = true;
  // A tab chosen while the map was still loading wins over an empty hash.
  if (state.panel) activate(state.panel, { fromHash: true });
  else activate(tabs.current, { fromHash: tabs.current === 'sites' });
  // hash.js re-reads the hash first (its listener was registered earlier), so state.panel is current.
  window.addEventListener('hashchange', () => activate(state.panel || 'sites', { fromHash: true }));
}
