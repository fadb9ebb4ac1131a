import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { serviceContext } from '../../platform/http/request-context.js';
import { Id, Page, PageQuery, StringEnum } from '../../platform/http/schemas.js';
import { InventoryPermissions } from './inventory.permissions.js';
import { Keyword, LevelSchema, MovementSchema, StockLines, StockRowSchema } from './inventory.schemas.js';
import { stockSortColumns } from './stock.repository.js';
import { checkLedger, receiveGoods, searchStock, setMinimumStock, stockLedger } from './stock.service.js';

const tags = ['inventory'];
const stockSorts = Object.keys(stockSortColumns) as (keyof typeof stockSortColumns)[];

const StockQuery = Type.Object({
  ...PageQuery,
  warehouseId: Type.Optional(Id),
  skuId: Type.Optional(Id),
  keyword: Type.Optional(Keyword),
  belowMinimum: Type.Optional(Type.Boolean()),
  sort: Type.Optional(StringEnum(stockSorts)),
  order: Type.Optional(StringEnum(['asc', 'desc'])),
});

export const stockRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx = (request: FastifyRequest) => serviceContext(app, request);

  app.get(
    '/stock',
    {
      config: { access: InventoryPermissions['inventory.read'] },
      schema: {
        operationId: 'listStock',
        tags,
        summary: 'Stock per warehouse and SKU (on hand, reserved, available, minimum)',
        querystring: StockQuery,
        response: { 200: Page(StockRowSchema) },
      },
    },
    async (request) => {
      const { limit = 20, offset = 0, sort = 'sku', order = 'asc', ...filter } = request.query;
      return searchStock(ctx(request), filter, { limit, offset, sort, order });
    },
  );

  app.get(
    '/stock/below-minimum',
    {
      config: { access: InventoryPermissions['inventory.read'] },
      schema: {
        operationId: 'listStockBelowMinimum',
        tags,
        summary: 'SKUs whose available stock is below their minimum, shortest first',
        querystring: Type.Object({ ...PageQuery, warehouseId: Type.Optional(Id) }),
        response: { 200: Page(StockRowSchema) },
      },
    },
    async (request) => {
      const { limit = 20, offset = 0, warehouseId } = request.query;
      return searchStock(ctx(request), { warehouseId, belowMinimum: true }, { limit, offset, sort: 'available', order: 'asc' });
    },
  );

  app.put(
    '/stock/min-stock',
    {
      config: { access: InventoryPermissions['warehouses.manage'] },
      schema: {
        operationId: 'setMinimumStock',
        tags,
        summary: 'Sets the minimum stock of one SKU in one warehouse (0 = none)',
        body: Type.Object(
          { warehouseId: Id, skuId: Id, minStock: Type.Integer({ minimum: 0, maximum: 100_000_000 }) },
          { additionalProperties: false },
        ),
        response: { 200: LevelSchema },
      },
    },
    async (request) => setMinimumStock(ctx(request), request.body),
  );

  app.get(
    '/ledger',
    {
      config: { access: InventoryPermissions['inventory.read'] },
      schema: {
        operationId: 'listStockMovements',
        tags,
        summary: 'The stock ledger of one SKU in one warehouse, newest first; pass nextCursor as before for the next page',
        querystring: Type.Object({
          warehouseId: Id,
          skuId: Id,
          before: Type.Optional(Id),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
        }),
        response: { 200: Type.Object({ items: Type.Array(MovementSchema), nextCursor: Type.Union([Type.Integer(), Type.Null()]) }) },
      },
    },
    async (request) => stockLedger(ctx(request), { ...request.query, limit: request.query.limit ?? 50 }),
  );

  app.post(
    '/receipts',
    {
      config: { access: InventoryPermissions['inventory.receive'] },
      schema: {
        operationId: 'receiveStock',
        tags,
        summary: 'Goods in (入库): adds on-hand stock, one ledger entry per line',
        body: Type.Object(
          { warehouseId: Id, reference: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }), lines: StockLines },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ warehouseId: Type.Integer(), reference: Type.String(), levels: Type.Array(LevelSchema) }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await receiveGoods(ctx(request), { ...request.body, reference: request.body.reference.trim() })),
  );

  app.get(
    '/ledger-check',
    {
      config: { access: InventoryPermissions['inventory.check'] },
      schema: {
        operationId: 'checkStockLedger',
        tags,
        summary: 'Recomputes every stock level from the ledger and lists any difference',
        response: {
          200: Type.Object({
            ok: Type.Boolean(),
            mismatches: Type.Array(
              Type.Object({
                warehouseId: Type.Integer(),
                skuId: Type.Integer(),
                onHand: Type.Integer(),
                reserved: Type.Integer(),
                ledgerOnHand: Type.Integer(),
                ledgerReserved: Type.Integer(),
              }),
            ),
            overdrawnOrders: Type.Array(
              Type.Object({ orderId: Type.Integer(), warehouseId: Type.Integer(), skuId: Type.Integer(), held: Type.Integer() }),
            ),
          }),
        },
      },
    },
    async () => checkLedger(app.database.db),
  );
};
