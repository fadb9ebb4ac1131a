import type { FastifyPluginAsync } from 'fastify';

/** Catalog and price lists (PRD-1, PRD-2). */
export const productsModule: FastifyPluginAsync = async (_app) => {};
