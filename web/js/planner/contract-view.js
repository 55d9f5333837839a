/*
 * What the contract section of an allocation card shows (contract.js puts it together with the forms): the contract,
 * a timeline of each deadline against the date it was reached ("12 days late 逾期12天"), the review at full
 * production with the percent of each pledge achieved and its findings, and the recovery of the land.
 */
import { describeMeasure } from '../core/findings.js';
import { bilingual, escapeHtml, formatFixed, formatNumber } from '../core/format.js';
import * as Planner from './shell.js';

/** The milestones in the order the service takes them, each with the contract's deadline for it. */
export const MILESTONES = [
  { kind: 'handed-over', deadline: 'handOverBy', en: 'Hand-over', zh: '交地', on: 'Handed over on', onZh: '交地日期' },
  { kind: 'started', deadline: 'startBy', en: 'Start of building', zh: '开工', on: 'Started on', onZh: '开工日期' },
  { kind: 'completed', deadline: 'completeBy', en: 'Completion', zh: '竣工', on: 'Completed on', onZh: '竣工日期' },
];
const SEVERITY = { error: { en: 'Error', zh: '错误' }, info: { en: 'Info', zh: '提示' } };
const DAY_MS = 86400000;

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

/** Days from yyyy-MM-dd `from` to `to` (negative when `to` is earlier). */
function daysBetween(from, to) {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** How a deadline stands: { late, en, zh } for a date reached (or not yet, as of `today`, when it is known). */
export function verdict(deadline, reached, today, open) {
  if (reached) {
    const late = daysBetween(deadline, reached);
    return late > 0 ? { late: true, en: `${plural(late, 'day')} late`, zh: `逾期${late}天` }
      : { late: false, en: 'on time', zh: '按期' };
  }
  if (!open) return { late: false, en: 'not reached', zh: '未达到' };
  if (!today) return { late: false, en: 'not yet', zh: '尚未' };
  const left = daysBetween(today, deadline);
  if (left < 0) return { late: true, en: `not yet, ${plural(-left, 'day')} overdue`, zh: `尚未完成，已逾期${-left}天` };
  return { late: false, en: left === 0 ? 'due today' : `due in ${plural(left, 'day')}`, zh: left === 0 ? '今日到期' : `距期限${left}天` };
}

// ---------------------------------------------------------------------------------------------
// The parts
// ---------------------------------------------------------------------------------------------

export function contractFacts(c) {
  return `
    <h4 class="contract-title">${bilingual('Transfer contract', '出让合同')} <code data-contract-number>${escapeHtml(c.number)}</code></h4>
    <dl class="alloc-facts contract-facts">
      <div><dt>${bilingual('Signed', '签订')}</dt><dd data-date="signedOn">${escapeHtml(c.signedOn)}</dd></div>
      <div><dt>${bilingual('Price', '出让价款')}</dt><dd>${formatNumber(c.priceWanYuan, 2)} 万元</dd></div>
      <div><dt>${bilingual('Recorded', '登记')}</dt><dd class="contract-by">${escapeHtml(c.by || '')}</dd></div>
    </dl>`;
}

export function timeline(a, today) {
  const c = a.contract;
  const reachedOn = new Map((a.milestones || []).map((m) => [m.kind, m.on]));
  const open = a.state === 'contracted';
  const item = (key, en, zh, deadline, reached, isOpen, pending) => {
    const v = pending || verdict(deadline, reached, today, isOpen);
    return `
      <li class="timeline-step${v.late ? ' late' : ''}${reached ? ' reached' : ''}" data-milestone="${key}" data-late="${v.late}">
        <span class="step-name">${bilingual(en, zh)}</span>
        <span class="step-deadline">${bilingual('by', '期限')} <time data-deadline>${escapeHtml(deadline)}</time></span>
        <span class="step-reached">${reached ? `${bilingual('reached', '实际')} <time data-reached>${escapeHtml(reached)}</time>` : ''}</span>
        <span class="step-verdict" data-verdict>${bilingual(v.en, v.zh)}</span>
      </li>`;
  };
  const steps = MILESTONES.map((m) => item(m.kind, m.en, m.zh, c[m.deadline], reachedOn.get(m.kind), open));
  // The review comes once the building is complete.
  const completed = reachedOn.has('completed');
  steps.push(item('review', 'Review at full production', '达产复核', c.reviewOn, a.review && a.review.on,
    open && completed, open && !completed ? { late: false, en: 'after completion', zh: '竣工后' } : null));
  return `<ol class="contract-timeline">${steps.join('')}</ol>`;
}

export const percentText = (value) => (value === undefined || value === null ? '—' : `${formatFixed(value, 1)}%`);

function findingItem(f) {
  const severity = f.severity === 'error' ? 'error' : 'info';
  const sev = SEVERITY[severity];
  const measure = describeMeasure(f);
  return `
    <li class="finding finding-${severity}" data-rule="${escapeHtml(f.rule)}" data-severity="${escapeHtml(f.severity)}">
      <span class="sev-icon" aria-hidden="true">${severity === 'error' ? '!' : 'i'}</span>
      <div class="finding-body">
        <div class="finding-head"><span class="sev-label">${bilingual(sev.en, sev.zh)}</span> <code class="rule">${escapeHtml(f.rule)}</code></div>
        <p class="msg">${escapeHtml(f.message)}</p>
        ${f.messageZh ? `<p class="msg zh" lang="zh-CN">${escapeHtml(f.messageZh)}</p>` : ''}
        ${measure ? `<p class="measure"><span class="measure-name">${bilingual(measure.name.en, measure.name.zh)}</span> <b>${escapeHtml(measure.text)}</b></p>` : ''}
        ${f.source ? `<p class="source">${bilingual('Source', '依据')}: ${escapeHtml(f.source)}</p>` : ''}
      </div>
    </li>`;
}

export function reviewResult(r) {
  return `
    <div class="review-result" data-review>
      <h4>${bilingual('Review at full production', '达产复核')} · ${escapeHtml(r.on)}${r.by ? ` · ${escapeHtml(r.by)}` : ''}</h4>
      <dl class="alloc-facts">
        <div><dt>${bilingual('Area', '面积')}</dt><dd>${formatNumber(r.areaMu, 2)} 亩</dd></div>
        <div><dt>${bilingual('Investment', '投资强度')}</dt><dd>${formatNumber(r.investmentWanYuanPerMu, 1)} 万元/亩
          <span class="review-percent" data-percent="investment">${percentText(r.investmentPercent)}</span></dd></div>
        <div><dt>${bilingual('Tax', '亩均税收')}</dt><dd>${formatNumber(r.taxWanYuanPerMu, 1)} 万元/亩
          <span class="review-percent" data-percent="tax">${percentText(r.taxPercent)}</span></dd></div>
      </dl>
      <p class="hint">${bilingual(`Reported: investment ${formatNumber(r.investmentWanYuan, 2)} 万元, tax ${formatNumber(r.taxWanYuanPerYear, 2)} 万元 a year; percent of each pledge achieved.`,
    '申报：累计投资、年纳税额；百分比为承诺完成率。')}</p>
      <ol class="findings review-findings">${(r.findings || []).map(findingItem).join('')}</ol>
    </div>`;
}

export function revokedFacts(v) {
  return `
    <div class="revoked-facts" data-revoked>
      <p><b>${bilingual('Land recovered', '已收回土地')}</b> · ${escapeHtml(Planner.formatDateTime(v.at))} · <span data-revoked-by>${escapeHtml(v.by || '')}</span></p>
      <p>${bilingual('Reason', '收回理由')}: <span data-revoked-reason>${escapeHtml(v.reason)}</span></p>
    </div>`;
}
