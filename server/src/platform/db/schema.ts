// Every table of every module, for drizzle-kit and for the typed query API.

export * from '../../modules/approvals/approvals.schema.js';
export * from '../../modules/customers/account.schema.js';
export * from '../../modules/customers/customers.schema.js';
export * from '../../modules/customers/lead.schema.js';
export * from '../../modules/customers/satisfaction.schema.js';
export * from '../../modules/field/field.schema.js';
export * from '../../modules/orders/order.schema.js';
export * from '../../modules/orders/shipment.schema.js';
export * from '../../modules/orders/stock.schema.js';
export * from '../../modules/orders/stocktake.schema.js';
export * from '../../modules/orders/warehouse.schema.js';
export * from '../../modules/org/org.schema.js';
export * from '../../modules/org/policy.schema.js';
export * from '../../modules/products/price-list.schema.js';
export * from '../../modules/products/products.schema.js';
export * from '../../modules/products/proposal.schema.js';
export * from '../../modules/targets/expense-claim.schema.js';
export * from '../audit/audit.schema.js';
export * from '../auth/auth.schema.js';
export * from '../events/events.schema.js';
export * from '../files/attachment.schema.js';
export * from '../jobs/jobs.schema.js';
export * from '../notifications/notifications.schema.js';
