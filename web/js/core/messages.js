/*
 * The bilingual status line of a panel (class message message-{info|success|error}, data-kind = the kind).
 */
import { bilingual } from './format.js';

/** Shows en/zh in `element`; with scroll, brings it into view (it often sits below a form on a short screen). */
export function showMessage(element, kind, en, zh, { scroll = false, html = '' } = {}) {
  element.hidden = false;
  element.dataset.kind = kind;
  element.className = `message message-${kind}`;
  element.innerHTML = bilingual(en, zh) + html;
  if (scroll) element.scrollIntoView({ block: 'nearest' });
}

export function hideMessage(element) {
  element.hidden = true;
  element.dataset.kind = '';
  element.textContent = '';
}
