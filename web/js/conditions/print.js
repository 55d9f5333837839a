/**
 * The planning-conditions letter's "Print" button (/api/parcels/{id}/conditions?f=html). The page's
 * Content-Security-Policy forbids inline handlers, so the button is wired here.
 */
const button = document.getElementById('print-letter');
if (button) {
  button.addEventListener('click', () => window.print());
}
