/*
 * The language choice of the map pages: both (English and 中文 side by side, the default), 中文 only or English only,
 * remembered in the browser (localStorage) and applied as <html data-lang="both|zh|en">, with CSS hiding the other
 * language (map.css).
 *
 * The pages write their text as "English <span class="zh">中文</span>" (static HTML and format.js bilingual()), so
 * the Chinese half is already an element. To hide the English half, every bare text just before a .zh element is
 * wrapped once in <span class="en">, at start and for every node added later (a MutationObserver: lists, popups,
 * messages). Texts that cannot hold elements (a select's options, an input's placeholder) written as
 * "English · 中文" or "English 中文" show only the chosen half; the original stays in data-bilingual.
 *
 * Events: 'valley:language' on document, detail {language}, after a change.
 */

const KEY = 'qov.language';
export const LANGUAGES = ['both', 'zh', 'en'];
const root = document.documentElement;
/** The first CJK ideograph or CJK punctuation of a text starts its Chinese half. */
const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

export function currentLanguage() {
  let stored = null;
  try {
    stored = window.localStorage.getItem(KEY);
  } catch (error) {
    stored = null; // storage disabled (private mode): the default
  }
  return LANGUAGES.includes(stored) ? stored : 'both';
}

/** Applies the remembered language and keeps a <select> (values both, zh, en) in step with it. */
export function initLanguage(select) {
  apply(currentLanguage());
  wrapEnglish(document.body);
  new MutationObserver((mutations) => {
    mutations.forEach((m) => m.addedNodes.forEach((node) => {
      if (node.nodeType === Node.ELEMENT_NODE) wrapEnglish(node);
      else if (node.nodeType === Node.TEXT_NODE && node.parentElement) wrapEnglish(node.parentElement);
    }));
  }).observe(document.body, { childList: true, subtree: true });
  if (!select) return;
  select.value = currentLanguage();
  select.addEventListener('change', () => {
    const language = LANGUAGES.includes(select.value) ? select.value : 'both';
    try {
      window.localStorage.setItem(KEY, language);
    } catch (error) {
      // not remembered, still applied
    }
    apply(language);
    document.dispatchEvent(new CustomEvent('valley:language', { detail: { language } }));
  });
}

function apply(language) {
  root.dataset.lang = language;
  root.lang = language === 'zh' ? 'zh-CN' : 'en';
  document.querySelectorAll('option, input[placeholder]').forEach(translate);
}

/** Wraps the bare English text before each .zh element under `node` in <span class="en"> (once). */
function wrapEnglish(node) {
  const zhs = node.matches && node.matches('.zh') ? [node] : [...node.querySelectorAll('.zh')];
  zhs.forEach((zh) => {
    let previous = zh.previousSibling;
    while (previous && previous.nodeType === Node.TEXT_NODE) {
      const before = previous.previousSibling;
      if (previous.textContent.trim()) {
        const span = document.createElement('span');
        span.className = 'en';
        previous.replaceWith(span);
        span.appendChild(previous);
      }
      previous = before;
    }
  });
  node.querySelectorAll && node.querySelectorAll('option, input[placeholder]').forEach(translate);
}

/** The area unit a page starts with: 亩 (mu) for Chinese, hectares otherwise. */
export function defaultAreaUnit() {
  return currentLanguage() === 'zh' ? 'mu' : 'ha';
}

/**
 * The half of an "English · 中文" text for the language; the whole text for both. A leading code ("100101 Class-1
 * industrial land 一类工业用地") stays with either half.
 */
export function halfOf(text, language) {
  const at = text.search(CJK);
  if (language === 'both' || at <= 0) return text;
  const code = (text.match(/^[0-9A-Z][0-9A-Z-]*\s+(?=\S)/) || [''])[0];
  const en = text.slice(0, at).replace(/[\s·:：/]+$/, '').trim();
  const zh = text.slice(at).trim();
  if (!en || en === code.trim()) return text;
  return language === 'zh' ? `${code}${zh}` : en;
}

function translate(element) {
  // The language choice itself names each language in its own words.
  if (element.closest('[data-fixed-language]')) return;
  const language = root.dataset.lang || 'both';
  const attribute = element.tagName === 'OPTION' ? null : 'placeholder';
  if (!element.dataset.bilingual) {
    element.dataset.bilingual = attribute ? element.getAttribute(attribute) || '' : element.textContent;
  }
  const text = halfOf(element.dataset.bilingual, language);
  if (attribute) element.setAttribute(attribute, text);
  else if (element.textContent !== text) element.textContent = text;
}
