import type { FastifyPluginAsync } from 'fastify';
import './inventory.hooks.js';
import './order.hooks.js';
import { inventoryRoutes } from './inventory.routes.js';
import { orderRoutes } from './order.routes.js';
import { orderEntryRoutes } from './order-entry.routes.js';
import { orderKpiRoutes } from './order-kpi.routes.js';
import { shipmentRoutes } from './shipment.routes.js';

export { InventoryPermissions } from './inventory.permissions.js';
export { availableStock, defaultWarehouseFor } from './inventory.service.js';
export * from './order.enums.js';
export { OrderPermissions } from './order.permissions.js';
export { orderChecks, orderEvents, orderLines, orders } from './order.schema.js';
export { createOrder } from './order.service.js';
export { deliveryRuns, shipmentEvents, shipmentLines, shipments } from './shipment.schema.js';
export { stockLevels, stockMovements } from './stock.schema.js';
export { stocktakeLines, stocktakes } from './stocktake.schema.js';
export { warehouses } from './warehouse.schema.js';

/** Inventory, orders and shipments (OSB-1 … OSB-4, OSB-10). */
export const ordersModule: FastifyPluginAsync = async (app) => {
  await app.register(orderRoutes, { prefix: '/api/orders' });
  await app.register(orderEntryRoutes, { prefix: '/api/orders' });
  await app.register(orderKpiRoutes, { prefix: '/api/orders' });
  await app.register(shipmentRoutes, { prefix: '/api/orders' });
  await app.register(inventoryRoutes);
};
