import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { serviceContext } from '../../platform/http/request-context.js';
import { Id, IdParams, Nullable, Page, PageQuery, StringEnum } from '../../platform/http/schemas.js';
import { stocktakeStatuses } from './inventory.enums.js';
import { InventoryPermissions } from './inventory.permissions.js';
import { StocktakeDetailSchema, StocktakeSchema } from './inventory.schemas.js';
import { cancelStocktake, enterCounts, getStocktake, openStocktake, searchStocktakes, submitStocktake } from './stocktake.service.js';

const tags = ['inventory'];
const detail = { 200: StocktakeDetailSchema };

export const stocktakeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx = (request: FastifyRequest) => serviceContext(app, request);

  app.get(
    '/stocktakes',
    {
      config: { access: InventoryPermissions['inventory.read'] },
      schema: {
        operationId: 'listStocktakes',
        tags,
        querystring: Type.Object({ ...PageQuery, warehouseId: Type.Optional(Id), status: Type.Optional(StringEnum(stocktakeStatuses)) }),
        response: { 200: Page(StocktakeSchema) },
      },
    },
    async (request) => {
      const { limit = 20, offset = 0, ...filter } = request.query;
      return searchStocktakes(ctx(request), filter, { limit, offset });
    },
  );

  app.get(
    '/stocktakes/:id',
    {
      config: { access: InventoryPermissions['inventory.read'] },
      schema: {
        operationId: 'getStocktake',
        tags,
        summary: 'A count sheet with its lines and variances',
        params: IdParams,
        response: detail,
      },
    },
    async (request) => getStocktake(ctx(request), request.params.id),
  );

  app.post(
    '/stocktakes',
    {
      config: { access: InventoryPermissions['inventory.stocktake'] },
      schema: {
        operationId: 'openStocktake',
        tags,
        summary: 'Opens a count sheet: the books’ on-hand quantity of every SKU in the warehouse, now',
        body: Type.Object(
          { warehouseId: Id, note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))) },
          { additionalProperties: false },
        ),
        response: { 201: StocktakeDetailSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await openStocktake(ctx(request), request.body)),
  );

  app.put(
    '/stocktakes/:id/counts',
    {
      config: { access: InventoryPermissions['inventory.stocktake'] },
      schema: {
        operationId: 'enterStocktakeCounts',
        tags,
        summary: 'Enters counted quantities in bulk (lines not listed keep their count)',
        params: IdParams,
        body: Type.Object(
          {
            counts: Type.Array(
              Type.Object({ skuId: Id, counted: Type.Integer({ minimum: 0, maximum: 100_000_000 }) }, { additionalProperties: false }),
              { minItems: 1, maxItems: 2000 },
            ),
          },
          { additionalProperties: false },
        ),
        response: detail,
      },
    },
    async (request) => enterCounts(ctx(request), request.params.id, request.body.counts),
  );

  app.post(
    '/stocktakes/:id/submit',
    {
      config: { access: InventoryPermissions['inventory.stocktake'] },
      schema: {
        operationId: 'submitStocktake',
        tags,
        summary: 'Sends the variances to approval; adjustments are posted once approved',
        params: IdParams,
        response: detail,
      },
    },
    async (request) => submitStocktake(ctx(request), request.params.id),
  );

  app.post(
    '/stocktakes/:id/cancel',
    {
      config: { access: InventoryPermissions['inventory.stocktake'] },
      schema: { operationId: 'cancelStocktake', tags, params: IdParams, response: detail },
    },
    async (request) => cancelStocktake(ctx(request), request.params.id),
  );
};
