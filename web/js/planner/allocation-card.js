/*
 * One allocation as a card of the "Allocations 供地" list (allocations.js): its state, allottee, use, term, pledges
 * and proposed indicators, who took each step and when, the decisions open in its state (approve / reject / release,
 * with the four-eyes rule), and from approval on the contract and what followed it (contract.js).
 *
 * Wording of the states, here and in the history: released 已释放 (an approval given back before any contract: the
 * parcel is released), revoked 已收回 (the land recovered under a signed contract, 收回土地), as the OGC HTML pages
 * name them.
 */
import { bilingual, escapeHtml, formatNumber } from '../core/format.js';
import { contractSection } from './contract.js';
import * as Planner from './shell.js';

export const STATES = {
  proposed: { en: 'Proposed', zh: '已提出' },
  approved: { en: 'Approved', zh: '已批准' },
  rejected: { en: 'Rejected', zh: '已驳回' },
  released: { en: 'Released', zh: '已释放' },
  contracted: { en: 'Contracted', zh: '已签订出让合同' },
  reviewed: { en: 'Reviewed at full production', zh: '已达产复核' },
  revoked: { en: 'Revoked (land recovered)', zh: '已收回' },
};
/**
 * What a planner may do next from each state with one click (the service's state machine; it refuses anything else
 * with 409). The steps after approval (contract, milestones, review, revoke) have their forms in contract.js.
 */
const ACTIONS = {
  proposed: [
    { action: 'approve', en: 'Approve', zh: '批准', className: 'primary-small' },
    { action: 'reject', en: 'Reject', zh: '驳回', className: 'danger-small' },
  ],
  approved: [{ action: 'release', en: 'Release', zh: '释放', className: 'danger-small' }],
};
const TYPES = { enterprise: { en: 'Enterprise', zh: '企业' }, facility: { en: 'Public facility', zh: '公共设施' } };

const percent = (fraction) => `${formatNumber(fraction * 100, 1)}%`;

function indicatorText(ind) {
  return [
    ind.far !== undefined ? `FAR ${formatNumber(ind.far, 2)}` : null,
    ind.coverage !== undefined ? `coverage ${percent(ind.coverage)}` : null,
    ind.greenRatio !== undefined ? `green ${percent(ind.greenRatio)}` : null,
    ind.heightMetres !== undefined ? `height ${formatNumber(ind.heightMetres, 1)} m` : null,
    ind.adminShare !== undefined ? `admin share ${percent(ind.adminShare)}` : null,
    ind.buildingCoefficient !== undefined ? `building coefficient ${percent(ind.buildingCoefficient)}` : null,
  ].filter(Boolean).join(' · ');
}

/**
 * The card of allocation `a`. who: { username, fourEyesOn } of the signed-in planner (four eyes: nobody approves their
 * own proposal); today: the service's date (yyyy-MM-dd), for the contract's deadlines.
 */
export function card(a, { username, fourEyesOn, today }) {
  const li = document.createElement('li');
  li.className = `alloc-card alloc-${a.state}`;
  li.dataset.allocationId = a.id;
  li.dataset.state = a.state;
  const s = STATES[a.state] || { en: a.state, zh: '' };
  const type = TYPES[a.allottee && a.allottee.type] || { en: a.allottee && a.allottee.type, zh: '' };
  const pledges = a.pledges || {};
  const indicators = indicatorText(a.indicators || {});
  const step = (en, zh, s2) => (s2 && s2.at
    ? `<li><span class="step-name">${bilingual(en, zh)}</span> ${escapeHtml(Planner.formatDateTime(s2.at))} · ${escapeHtml(s2.by || '')}</li>` : '');
  // Four eyes: nobody approves their own proposal (the service says 403 too).
  const ownProposal = fourEyesOn && Boolean(username) && a.proposed && a.proposed.by === username;
  const actions = (ACTIONS[a.state] || []).map((x) => {
    const blocked = x.action === 'approve' && ownProposal;
    return `
    <button type="button" class="${x.className}" data-allocation="${escapeHtml(a.id)}" data-action="${x.action}"${blocked
      ? ' disabled data-four-eyes="true" title="Another planner must approve your proposal 须由另一位规划人员批准"' : ''}>
      ${bilingual(x.en, x.zh)}</button>`;
  }).join('');
  const fourEyes = a.state === 'proposed' && ownProposal
    ? `<p class="alloc-four-eyes" data-four-eyes-note>${bilingual('You proposed this allocation: another planner must approve it (four eyes).',
      '此方案由您提出，须由另一位规划人员批准（双人审核）。')}</p>` : '';
  const confirm = a.state === 'proposed' ? `
    <div class="alloc-confirm" hidden>
      <span class="danger-text">${bilingual(`Approve ${a.parcelId} for ${a.allottee && a.allottee.name}? The parcel becomes allocated.`,
    '确认批准该供地方案？地块将变为已供地。')}</span>
      <button type="button" class="primary-small" data-confirm-approve="${escapeHtml(a.id)}">${bilingual('Yes, approve', '确认批准')}</button>
      <button type="button" class="reset" data-cancel-approve>${bilingual('Cancel', '取消')}</button>
    </div>` : '';
  li.innerHTML = `
    <div class="alloc-head">
      <span class="alloc-state state-${escapeHtml(a.state)}" data-state="${escapeHtml(a.state)}">${bilingual(s.en, s.zh)}</span>
      <b class="alloc-allottee">${escapeHtml(a.allottee && a.allottee.name)}</b>
      <span class="chip">${bilingual(type.en, type.zh)}</span>
    </div>
    <p class="alloc-use">${escapeHtml(a.intendedUse)}${a.landUse ? ` · <code>${escapeHtml(a.landUse)}</code>` : ''}</p>
    <dl class="alloc-facts">
      <div><dt>${bilingual('Term', '年限')}</dt><dd>${escapeHtml(a.termYears)} ${bilingual('years', '年')}</dd></div>
      <div><dt>${bilingual('Investment', '投资强度')}</dt><dd>${pledges.investmentWanYuanPerMu === undefined ? '—' : `${formatNumber(pledges.investmentWanYuanPerMu, 1)} 万元/亩`}</dd></div>
      <div><dt>${bilingual('Tax', '亩均税收')}</dt><dd>${pledges.taxWanYuanPerMu === undefined ? '—' : `${formatNumber(pledges.taxWanYuanPerMu, 1)} 万元/亩`}</dd></div>
    </dl>
    ${indicators ? `<p class="alloc-indicators">${bilingual('Proposed', '拟建')}: ${escapeHtml(indicators)}</p>` : ''}
    <ol class="alloc-steps">
      ${step('Proposed', '提出', a.proposed)}${step('Approved', '批准', a.approved)}${step('Rejected', '驳回', a.rejected)}${step('Released', '释放', a.released)}
    </ol>
    ${a.inquiryId ? `<p class="alloc-inquiry">${bilingual('From inquiry', '来自投资意向')} <code>${escapeHtml(a.inquiryId)}</code></p>` : ''}
    ${contractSection(a, today)}
    <div class="alloc-actions">${actions}
      <code class="alloc-id" title="Allocation ID 供地编号">${escapeHtml(a.id)}</code></div>${confirm}${fourEyes}`;
  return li;
}
