import type { LadderLevel } from './org.enums.js';

/** How one ladder level may take a decision (ORG-5). */
export const authorityModes = ['allowed', 'limit', 'approval', 'denied'] as const;
export type AuthorityMode = (typeof authorityModes)[number];

/** What an action's amount counts: money in fen, a rate in basis points (500 = 5 %), or nothing. */
export const authorityUnits = ['fen', 'basisPoints', 'none'] as const;
export type AuthorityUnit = (typeof authorityUnits)[number];

export interface AuthorityCell {
  mode: AuthorityMode;
  /** Only in limit mode: the largest amount decided without approval, in the action's unit. */
  limitAmount: number | null;
}

export interface AuthorityAction {
  key: string;
  'zh-CN': string;
  en: string;
  unit: AuthorityUnit;
  defaults: Record<LadderLevel, AuthorityCell>;
}

const allowed: AuthorityCell = { mode: 'allowed', limitAmount: null };
const approval: AuthorityCell = { mode: 'approval', limitAmount: null };
const denied: AuthorityCell = { mode: 'denied', limitAmount: null };
const limit = (limitAmount: number): AuthorityCell => ({ mode: 'limit', limitAmount });

/** CNY 50,000 and CNY 5,000 in fen: the manuals' contract and expense thresholds. */
const contractLimit = 5_000_000;
const expenseLimit = 500_000;

/**
 * The decisions of the sales ladder, with the defaults of the manuals (SPEC
 * ORG-5): the director decides everything; the manager assigns reps,
 * recommends rewards and approves team expenses up to a limit; reps sign
 * contracts up to CNY 50,000 and give discounts up to 5 %. Whatever lies
 * beyond one's authority becomes an approval request rather than a refusal.
 */
export const authorityActions: readonly AuthorityAction[] = [
  {
    key: 'org.staffing',
    'zh-CN': '决定组织与编制',
    en: 'Decide organisation and staffing',
    unit: 'none',
    defaults: { director: allowed, manager: approval, supervisor: denied, representative: denied },
  },
  {
    key: 'sales.policy',
    'zh-CN': '销售政策与激励',
    en: 'Set sales policy and incentives',
    unit: 'none',
    defaults: { director: allowed, manager: approval, supervisor: denied, representative: denied },
  },
  {
    key: 'contract.approve',
    'zh-CN': '审批销售合同',
    en: 'Approve sales contracts',
    unit: 'fen',
    defaults: { director: allowed, manager: limit(contractLimit), supervisor: approval, representative: denied },
  },
  {
    key: 'contract.sign',
    'zh-CN': '签订销售合同',
    en: 'Sign sales contracts',
    unit: 'fen',
    defaults: {
      director: allowed,
      manager: limit(contractLimit),
      supervisor: limit(contractLimit),
      representative: limit(contractLimit),
    },
  },
  {
    key: 'discount.grant',
    'zh-CN': '给予折扣',
    en: 'Grant discounts',
    unit: 'basisPoints',
    defaults: { director: allowed, manager: limit(1000), supervisor: limit(500), representative: limit(500) },
  },
  {
    key: 'expense.approve',
    'zh-CN': '审批团队销售费用',
    en: "Approve the team's sales expenses",
    unit: 'fen',
    defaults: { director: allowed, manager: limit(expenseLimit), supervisor: approval, representative: denied },
  },
  {
    key: 'rep.assign',
    'zh-CN': '调整销售代表分工',
    en: 'Adjust sales rep assignments',
    unit: 'none',
    defaults: { director: allowed, manager: allowed, supervisor: approval, representative: denied },
  },
  {
    key: 'reward.recommend',
    'zh-CN': '推荐奖励与晋升',
    en: 'Recommend rewards and promotions',
    unit: 'none',
    defaults: { director: allowed, manager: allowed, supervisor: approval, representative: denied },
  },
  {
    key: 'project.approve',
    'zh-CN': '审批重大客户项目',
    en: 'Approve major customer projects',
    unit: 'none',
    defaults: { director: allowed, manager: approval, supervisor: denied, representative: denied },
  },
  {
    key: 'resource.allocate',
    'zh-CN': '分配资源',
    en: 'Allocate resources',
    unit: 'none',
    defaults: { director: allowed, manager: approval, supervisor: approval, representative: approval },
  },
];

const byKey = new Map(authorityActions.map((action) => [action.key, action]));

export function findAuthorityAction(key: string): AuthorityAction | undefined {
  return byKey.get(key);
}
