/*
 * "Express interest 意向咨询": an investor's inquiry about an available site, sent to POST /api/inquiries.
 *
 * The popup of an available site gets a button that opens a small form (company, contact, message) in a
 * modal dialog. The form checks what the API checks (lengths after trimming, no control characters, line
 * breaks only in the message) before sending, and then shows the receipt, the rate-limit answer (429, with
 * when to try again) or the problem detail of any other refusal.
 *
 * Anyone may send; a signed-in visitor's browser session needs its CSRF token, sent as the X-XSRF-TOKEN
 * header from the XSRF-TOKEN cookie. The contact details go to the park's planners only: the answer
 * carries none of them, and nothing typed is ever written into the page as HTML.
 *
 * Test hooks: inquiry = { lastResult, open(parcelId) } in the page's testHooks; the dialog is #inquiry-dialog and
 * the outcome #inquiry-result (class success or error).
 */
import L from '../core/leaflet.js';
import { api } from '../core/http.js';
import { data, view } from './context.js';
/** The API's limits (InquiryParser), counted as the browser's maxlength counts: UTF-16 code units. */
const LIMITS = { company: 200, contact: 200, message: 2000 };
/** Control characters (C0, DEL, C1); the message may have line breaks. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL_EXCEPT_LINE_BREAKS = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** Test hooks (see the top of this file). */
export const inquiry = { lastResult: null, open };
const hooks = inquiry;

let dialog = null;
let parcelId = null;
let sending = false;

function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  Object.entries(attributes).forEach(([name, value]) => {
    if (name === 'text') element.textContent = value;
    else element.setAttribute(name, value);
  });
  children.forEach((child) => element.append(child));
  return element;
}

/** "English 中文" as text nodes, the Chinese part styled like the rest of the page. */
function bilingual(en, zh) {
  const fragment = document.createDocumentFragment();
  fragment.append(`${en} `, el('span', { class: 'zh', text: zh }));
  return fragment;
}

// ---------------------------------------------------------------------------------------------
// The dialog
// ---------------------------------------------------------------------------------------------

function field(name, en, zh, control, hint) {
  const label = el('label', { class: 'field', for: `inquiry-${name}` },
    el('span', { class: 'label' }, bilingual(en, zh)), control);
  if (hint) label.append(el('span', { class: 'inquiry-hint' }, hint));
  return label;
}

function buildDialog() {
  const company = el('input', { id: 'inquiry-company', name: 'company', type: 'text', required: '',
    maxlength: String(LIMITS.company), autocomplete: 'organization' });
  const contact = el('input', { id: 'inquiry-contact', name: 'contact', type: 'text', required: '',
    maxlength: String(LIMITS.contact), autocomplete: 'email',
    placeholder: 'Name, phone or e-mail · 姓名、电话或邮箱' });
  const message = el('textarea', { id: 'inquiry-message', name: 'message', rows: '5',
    maxlength: String(LIMITS.message),
    placeholder: 'Project, land needed, timing… · 项目、用地需求、时间…' });
  const counter = el('span', { id: 'inquiry-count', class: 'inquiry-count', 'aria-live': 'off' });
  message.addEventListener('input', () => {
    counter.textContent = `${message.value.length} / ${LIMITS.message}`;
  });

  const send = el('button', { type: 'submit', id: 'inquiry-send', class: 'primary' }, bilingual('Send', '提交'));
  const cancel = el('button', { type: 'button', id: 'inquiry-cancel', class: 'reset' }, bilingual('Cancel', '取消'));
  cancel.addEventListener('click', () => dialog.close());

  const form = el('form', { id: 'inquiry-form', method: 'dialog', novalidate: '' },
    el('header', { class: 'inquiry-head' },
      el('h2', { id: 'inquiry-title' }, bilingual('Express interest', '意向咨询')),
      el('p', { class: 'inquiry-site' }, bilingual('Site', '地块'), ' ', el('strong', { id: 'inquiry-parcel' }))),
    field('company', 'Company', '企业名称', company),
    field('contact', 'Contact', '联系方式', contact),
    field('message', 'Message', '留言', message, counter),
    el('p', { class: 'hint' }, bilingual('Your contact details are seen only by the park\'s planners.',
      '联系方式仅园区规划人员可见。')),
    el('p', { id: 'inquiry-result', class: 'message', role: 'status', hidden: '' }),
    el('div', { class: 'inquiry-actions' }, send, cancel));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit(form);
  });

  dialog = el('dialog', { id: 'inquiry-dialog', class: 'inquiry-dialog', 'aria-labelledby': 'inquiry-title' }, form);
  document.body.append(dialog);
}

/** Opens the form for an available site. */
function open(id) {
  if (!dialog) buildDialog();
  parcelId = id;
  const form = dialog.querySelector('form');
  form.reset();
  form.hidden = false;
  form.querySelectorAll('input, textarea, button').forEach((control) => { control.disabled = false; });
  dialog.querySelector('#inquiry-parcel').textContent = id;
  dialog.querySelector('#inquiry-count').textContent = `0 / ${LIMITS.message}`;
  dialog.querySelector('#inquiry-send').hidden = false;
  dialog.querySelector('#inquiry-cancel').replaceChildren(bilingual('Cancel', '取消'));
  showResult(null);
  if (!dialog.open) dialog.showModal();
  dialog.querySelector('#inquiry-company').focus();
}

function showResult(kind, ...content) {
  const result = dialog.querySelector('#inquiry-result');
  result.className = 'message';
  if (!kind) {
    result.hidden = true;
    result.replaceChildren();
    return;
  }
  result.classList.add(kind, kind === 'success' ? 'message-info' : 'message-error');
  result.replaceChildren(...content);
  result.hidden = false;
}

// ---------------------------------------------------------------------------------------------
// Checking and sending
// ---------------------------------------------------------------------------------------------

/** The first problem with the form, as [element, en, zh], or null when it can be sent. */
function problem(values, form) {
  const checks = [
    ['company', 1, CONTROL, 'Company', '企业名称'],
    ['contact', 1, CONTROL, 'Contact', '联系方式'],
    ['message', 0, CONTROL_EXCEPT_LINE_BREAKS, 'Message', '留言'],
  ];
  for (const [name, min, forbidden, en, zh] of checks) {
    const value = values[name];
    const control = form.elements[name];
    if (value.length < min) return [control, `${en} is required.`, `请填写${zh}。`];
    if (value.length > LIMITS[name]) {
      return [control, `${en}: at most ${LIMITS[name]} characters.`, `${zh}最多${LIMITS[name]}个字符。`];
    }
    if (forbidden.test(value)) {
      return [control, `${en} contains characters that cannot be sent.`, `${zh}含有无法提交的字符。`];
    }
  }
  return null;
}

async function submit(form) {
  if (sending) return;
  const values = {
    company: form.elements.company.value.trim(),
    contact: form.elements.contact.value.trim(),
    message: form.elements.message.value.trim(),
  };
  const wrong = problem(values, form);
  if (wrong) {
    showResult('error', bilingual(wrong[1], wrong[2]));
    wrong[0].focus();
    return;
  }
  sending = true;
  const send = form.querySelector('#inquiry-send');
  send.disabled = true;
  showResult('pending', bilingual('Sending…', '正在提交…'));
  try {
    // A signed-in visitor's session needs the CSRF header, which api() adds.
    const response = await api('/api/inquiries', {
      method: 'POST',
      json: { parcelId, company: values.company, contact: values.contact, message: values.message },
    });
    const body = response.data || {};
    hooks.lastResult = { status: response.status, body };
    if (response.status === 201) {
      succeeded(form, body);
    } else if (response.status === 429) {
      const seconds = Number(response.headers.get('Retry-After'));
      const minutes = Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds / 60) : null;
      showResult('error', bilingual(
        `Too many inquiries from you for now${minutes ? `; please try again in about ${minutes} min` : ''}.`,
        `提交过于频繁${minutes ? `，请约${minutes}分钟后再试` : '，请稍后再试'}。`),
      el('br'), el('small', { text: body.detail || '' }));
    } else {
      showResult('error', bilingual(
        response.status === 409 ? 'This site is no longer available.' : 'The inquiry was not accepted.',
        response.status === 409 ? '该地块已不可供。' : '咨询未被受理。'),
      el('br'), el('small', { text: body.detail || `HTTP ${response.status}` }));
    }
  } catch (error) {
    hooks.lastResult = { status: 0, error: String(error) };
    showResult('error', bilingual('Could not reach the service; please try again.', '无法连接服务，请重试。'));
  } finally {
    sending = false;
    send.disabled = false;
  }
}

function succeeded(form, receipt) {
  form.querySelectorAll('input, textarea').forEach((control) => { control.disabled = true; });
  form.querySelector('#inquiry-send').hidden = true;
  const cancel = form.querySelector('#inquiry-cancel');
  cancel.replaceChildren(bilingual('Close', '关闭'));
  showResult('success',
    bilingual('Thank you. Your inquiry has been sent; the park\'s planners will contact you.',
      '感谢您的咨询，园区规划人员将与您联系。'),
    el('br'), el('small', { class: 'inquiry-receipt', text: `${receipt.id || ''} · ${receipt.parcelId || parcelId}` }));
  cancel.focus();
}

// ---------------------------------------------------------------------------------------------
// The popup button
// ---------------------------------------------------------------------------------------------

function isAvailable(id) {
  const feature = data.parcels.get(id);
  return Boolean(feature && feature.properties && feature.properties.status === 'available');
}

function addButton(event) {
  const root = event.popup.getElement();
  const popup = root && root.querySelector('.site-popup');
  if (!popup || popup.querySelector('.inquiry-open')) return;
  const id = popup.dataset.parcelId;
  if (!id || !isAvailable(id)) return;
  const button = el('button', { type: 'button', class: 'inquiry-open', 'data-parcel-id': id },
    bilingual('Express interest', '意向咨询'));
  button.addEventListener('click', () => open(id));
  popup.append(el('footer', { class: 'inquiry-footer' }, button));
  // The popup grew: hand Leaflet the grown node as the content so it re-measures and stays anchored.
  // (update() alone would re-render the original HTML string and drop the button.)
  event.popup.setContent(popup);
}

/** Adds the button to every available site's popup, including one opened from the URL hash before this ran. */
export function initInquiry() {
  view.map.on('popupopen', addButton);
  view.map.eachLayer((layer) => {
    if (layer instanceof L.Popup && view.map.hasLayer(layer)) addButton({ popup: layer });
  });
}
