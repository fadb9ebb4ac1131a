import type { FastifyPluginAsync } from 'fastify';

/** Inventory, orders and shipments (OSB-1 … OSB-4, OSB-10). */
export const ordersModule: FastifyPluginAsync = async (_app) => {};
