import type { FastifyPluginAsync } from 'fastify';
import { catalogRoutes } from './catalog.routes.js';
import { priceListRoutes } from './price-list.routes.js';
import { proposalRoutes } from './proposal.routes.js';

export { priceListItems, priceLists } from './price-list.schema.js';
export type { PricedSku, ResolvedPrice, ResolvePricesInput } from './price-resolution.repository.js';
export { findPricedSkus, resolvePrices } from './price-resolution.repository.js';
export type { PriceListStatus, ProductStatus, ProposalStatus, SkuStatus } from './products.enums.js';
export { priceAccountKinds, priceListStatuses, productStatuses, proposalStatuses, skuStatuses } from './products.enums.js';
export { ProductPermissions } from './products.permissions.js';
export { discountBasisPoints, isBelowFloor } from './products.rules.js';
export { productCategories, products, skus } from './products.schema.js';
export { productProposals } from './proposal.schema.js';
export type { SkuSummary } from './sku-lookup.repository.js';
export { findSkus } from './sku-lookup.repository.js';

/** Catalog and price lists (PRD-1, PRD-2). */
export const productsModule: FastifyPluginAsync = async (app) => {
  // Full paths under /api, so static paths (/products/skus, /products/price-lists) read plainly beside /products/:id.
  await app.register(priceListRoutes, { prefix: '/api' });
  await app.register(catalogRoutes, { prefix: '/api' });
  await app.register(proposalRoutes, { prefix: '/api' });
};
