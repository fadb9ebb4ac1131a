import type { FastifyPluginAsync } from 'fastify';
import { stockRoutes } from './stock.routes.js';
import { stocktakeRoutes } from './stocktake.routes.js';
import { warehouseRoutes } from './warehouse.routes.js';

/** OSB-4 inventory API under /api/inventory: warehouses, stock, ledger, receipts, stocktakes and the ledger check. */
export const inventoryRoutes: FastifyPluginAsync = async (app) => {
  await app.register(warehouseRoutes, { prefix: '/api/inventory' });
  await app.register(stockRoutes, { prefix: '/api/inventory' });
  await app.register(stocktakeRoutes, { prefix: '/api/inventory' });
};
