import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { serviceContext } from '../../platform/http/request-context.js';
import { Id, Nullable } from '../../platform/http/schemas.js';
import { OrderPermissions } from './order.permissions.js';
import { Fen } from './order.schemas.js';
import { orderEntryFacts } from './order-entry.service.js';

const EntryFacts = Type.Object({
  accountId: Type.Integer(),
  date: Type.String({ description: 'The Shanghai business day prices were resolved for' }),
  warehouseId: Nullable(Type.Integer({ description: 'The warehouse asked for, else the account’s default' })),
  defaultWarehouseId: Nullable(Type.Integer({ description: 'The warehouse serving the account’s territory; null when none does' })),
  credit: Type.Object({
    limitFen: Nullable(Fen),
    rating: Nullable(Type.String()),
    openReceivablesFen: Fen,
    availableFen: Nullable(Type.Integer({ description: 'Limit minus open receivables; null: cash only' })),
  }),
  skus: Type.Array(
    Type.Object({
      skuId: Type.Integer(),
      priceListId: Nullable(Type.Integer()),
      listPriceFen: Nullable(Fen),
      floorPriceFen: Nullable(Fen),
      availableStock: Nullable(Type.Integer({ description: 'Base units free in the warehouse now' })),
    }),
  ),
});

/** OSB-1 order entry helper under /api/orders: credit, prices and stock while an order is typed. */
export const orderEntryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/entry-facts',
    {
      config: { access: OrderPermissions['orders.enter'] },
      schema: {
        operationId: 'getOrderEntryFacts',
        tags: ['orders'],
        summary: 'OSB-1/2: the account’s available credit, and per SKU the resolved price and free stock, as the submit checks see them',
        querystring: Type.Object({
          accountId: Id,
          warehouseId: Type.Optional(Id),
          skuIds: Type.Optional(
            Type.String({ pattern: '^[1-9][0-9]{0,15}(,[1-9][0-9]{0,15}){0,199}$', description: 'Comma-separated SKU ids (up to 200)' }),
          ),
        }),
        response: { 200: EntryFacts },
      },
    },
    async (request) => {
      const { skuIds, ...rest } = request.query;
      const ids = skuIds ? [...new Set(skuIds.split(',').map(Number))] : [];
      return orderEntryFacts(serviceContext(app, request), { ...rest, skuIds: ids });
    },
  );
};
