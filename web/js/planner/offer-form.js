/*
 * The parcel form's price and readiness (F11): reserve price and bidding deposit in 万元, the derived price per mu
 * as stored, and the eight readiness items (七通一平), each a "ready" checkbox and an optional capacity text.
 * Readiness is written only when "Record readiness" is ticked: a save sends all eight items, or none (a PUT without
 * them removes what was stored, as a PUT without a price removes the price).
 */
import { bilingual, escapeHtml, formatNumber, InputError } from '../core/format.js';
import { MAX_CAPACITY_CHARACTERS, READINESS_ITEMS } from '../core/readiness.js';

const dom = {
  price: document.getElementById('edit-reserve-price'),
  deposit: document.getElementById('edit-deposit'),
  perMu: document.getElementById('edit-price-per-mu'),
  recorded: document.getElementById('edit-readiness-recorded'),
  rows: document.getElementById('edit-readiness-rows'),
};

const inputs = new Map();   // item key → { ready, capacity }

/** Builds the readiness rows (once, when the workspace starts). */
export function initOfferForm() {
  READINESS_ITEMS.forEach(([key, en, zh]) => {
    const row = document.createElement('tr');
    row.innerHTML = `<th scope="row">${bilingual(en, zh)}</th>
      <td><input type="checkbox" id="edit-ready-${key}" data-item="${key}" aria-label="${escapeHtml(`${en} ready ${zh}已具备`)}"></td>
      <td><input type="text" id="edit-capacity-${key}" data-item="${key}" maxlength="${MAX_CAPACITY_CHARACTERS}"
        aria-label="${escapeHtml(`${en} capacity ${zh}容量`)}" placeholder="capacity · 容量"></td>`;
    dom.rows.appendChild(row);
    inputs.set(key, { ready: row.querySelector('input[type=checkbox]'), capacity: row.querySelector('input[type=text]') });
  });
  dom.recorded.addEventListener('change', enableReadiness);
  enableReadiness();
}

function enableReadiness() {
  inputs.forEach(({ ready, capacity }) => {
    ready.disabled = !dom.recorded.checked;
    capacity.disabled = !dom.recorded.checked;
  });
}

/** Shows a parcel's price and readiness (its properties as the service sends them; {} for a new parcel). */
export function fillOffer(p) {
  const show = (input, value) => { input.value = typeof value === 'number' ? String(value) : ''; };
  show(dom.price, p.reservePriceWanYuan);
  show(dom.deposit, p.depositWanYuan);
  dom.perMu.innerHTML = typeof p.pricePerMuWanYuan === 'number'
    ? bilingual(`Stored price per mu: ${formatNumber(p.pricePerMuWanYuan, 2)} 万元/亩 (price ÷ area in mu)`,
      '亩均价（起始价÷亩数）')
    : bilingual('The price per mu is worked out from the price and the area when saved.', '亩均价保存时按面积计算。');
  const readiness = p.readiness && typeof p.readiness === 'object' ? p.readiness : null;
  dom.recorded.checked = Boolean(readiness);
  inputs.forEach(({ ready, capacity }, key) => {
    const item = readiness && readiness[key];
    ready.checked = Boolean(item && item.ready);
    capacity.value = item && item.capacity ? item.capacity : '';
  });
  enableReadiness();
}

function amount(input, min, exclusive, en, zh) {
  const text = input.value.trim();
  if (text === '') return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value < min || (exclusive && value === min)) {
    throw new InputError(`${en}: enter a number ${exclusive ? 'above' : 'of at least'} ${min} (万元).`, `${zh}：请输入有效金额。`, input);
  }
  return value;
}

/** The form's price and readiness as parcel properties (members left out are not set); InputError when invalid. */
export function readOffer() {
  const properties = {};
  const price = amount(dom.price, 0, true, 'Reserve price', '起始价');
  const deposit = amount(dom.deposit, 0, false, 'Deposit', '竞买保证金');
  if (price !== undefined) properties.reservePriceWanYuan = price;
  if (deposit !== undefined) properties.depositWanYuan = deposit;
  if (price !== undefined && deposit !== undefined && deposit > price) {
    throw new InputError('The deposit cannot exceed the reserve price.', '竞买保证金不能高于起始价。', dom.deposit);
  }
  if (dom.recorded.checked) {
    properties.readiness = {};
    inputs.forEach(({ ready, capacity }, key) => {
      const item = { ready: ready.checked };
      if (capacity.value.trim()) item.capacity = capacity.value.trim();
      properties.readiness[key] = item;
    });
  }
  return properties;
}
