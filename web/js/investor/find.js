/*
 * "Find a site 按编号查找": a parcel id typed on the public map (any case, spaces around it ignored) flies to the
 * parcel and opens its popup, whether or not it is in view: available sites with their conditions, reserved or
 * allocated parcels as not available. An id the public map does not know (a typo, a withdrawn or retired parcel:
 * the public API answers 404 for all of them alike) is said so in both languages under the box.
 *
 * Test hooks: none; the browser test types into #find-site-id and reads #find-site-message.
 */
import { showMessage, hideMessage } from '../core/messages.js';
import { showParcel } from './popup.js';

/** Longest id accepted: register ids are short (QOV-LI-021); anything longer is not one. */
const MAX_ID_LENGTH = 64;

export function initFind() {
  const form = document.getElementById('find-site');
  const input = document.getElementById('find-site-id');
  const message = document.getElementById('find-site-message');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const id = input.value.trim().toUpperCase();
    if (!id) return;
    hideMessage(message);
    const shown = id.length <= MAX_ID_LENGTH && await showParcel(id, { fly: true, source: 'search' });
    if (shown) {
      input.blur();
    } else {
      showMessage(message, 'error', `No parcel ${id} on the map. Check the ID, e.g. QOV-LI-021.`,
        `未找到地块 ${id}，请核对编号（如 QOV-LI-021）。`);
    }
  });
}
