/** PRD-1: a product's life: drafted, sold, then discontinued (kept for history). */
export const productStatuses = ['draft', 'active', 'discontinued'] as const;
export type ProductStatus = (typeof productStatuses)[number];

/** A SKU follows the same life as its product but can be withdrawn on its own. */
export const skuStatuses = productStatuses;
export type SkuStatus = ProductStatus;

/** PRD-2: a price list is prepared as a draft, applies while active, and is archived instead of deleted once used. */
export const priceListStatuses = ['draft', 'active', 'archived'] as const;
export type PriceListStatus = (typeof priceListStatuses)[number];

/** PRD-1 新产品开发建议书: written by the field, reviewed by product or marketing managers. */
export const proposalStatuses = ['draft', 'submitted', 'accepted', 'rejected'] as const;
export type ProposalStatus = (typeof proposalStatuses)[number];

/**
 * The account kinds of the customers module (CUS-1, CH-1). Products sits
 * below customers and may not import it, so the list is kept here in sync;
 * a test in customers' direction would be a cycle, so products.test.ts
 * compares the two lists instead.
 */
export const priceAccountKinds = [
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
export type PriceAccountKind = (typeof priceAccountKinds)[number];
