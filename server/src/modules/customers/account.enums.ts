/** CUS-1 and CH-1: every kind of party the company deals with is one account. */
export const accountKinds = [
  'retail_store',
  'key_account',
  'end_user',
  'project',
  'distributor',
  'enterprise_agent',
  'sales_agent',
  'consignee',
  'broker',
  'retailer',
  'direct_store',
  'oem_partner',
  'strategic_account',
] as const;
export type AccountKind = (typeof accountKinds)[number];

/** The kinds that are channel partners (CH-1); the channels module adds partner data to them. */
export const partnerKinds: readonly AccountKind[] = [
  'distributor',
  'enterprise_agent',
  'sales_agent',
  'consignee',
  'broker',
  'retailer',
  'direct_store',
  'oem_partner',
  'strategic_account',
];

export const partyTypes = ['company', 'person'] as const;
export type PartyType = (typeof partyTypes)[number];

export const accountGrades = ['A', 'B', 'C', 'D'] as const;
export type AccountGrade = (typeof accountGrades)[number];

export const accountStatuses = ['active', 'dormant', 'closed'] as const;
export type AccountStatus = (typeof accountStatuses)[number];

export const accountSources = ['field', 'campaign', 'call_team', 'exhibition', 'partner_referral', 'walk_in', 'import', 'other'] as const;
export type AccountSource = (typeof accountSources)[number];

/** CUS-8 信用等级 set by finance; null: not rated. */
export const creditRatings = ['A', 'B', 'C', 'D'] as const;
export type CreditRating = (typeof creditRatings)[number];
