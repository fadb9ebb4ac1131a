import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { serviceContext } from '../../platform/http/request-context.js';
import { Id, IdParams, Nullable, Ok, Page, PageQuery } from '../../platform/http/schemas.js';
import {
  createPriceList,
  deletePriceList,
  getPriceList,
  getPriceListItems,
  removePriceListItem,
  resolvePriceQuote,
  searchPriceLists,
  updatePriceList,
  upsertPriceListItems,
} from './price-list.service.js';
import { ProductPermissions } from './products.permissions.js';
import {
  AccountKindSchema,
  Day,
  Fen,
  PriceListItemSchema,
  PriceListSchema,
  PriceListStatusSchema,
  ResolvedPriceSchema,
  tags,
} from './products.schemas.js';

const listFields = {
  code: Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9._-]+$' }),
  name: Type.String({ minLength: 1, maxLength: 120 }),
  accountKind: Type.Optional(Nullable(AccountKindSchema)),
  geographyId: Type.Optional(Nullable(Id)),
  validFrom: Day,
  validTo: Type.Optional(Nullable(Day)),
  priority: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
  status: Type.Optional(PriceListStatusSchema),
  note: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
};

/** PRD-2: price lists, their items and the price an order line gets. */
export const priceListRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx = (request: FastifyRequest) => serviceContext(app, request);
  const read = { access: ProductPermissions.read };
  const manage = { access: ProductPermissions['prices.manage'] };

  app.get(
    '/products/prices/resolve',
    {
      config: read,
      schema: {
        operationId: 'resolvePrices',
        tags,
        summary: 'The price each SKU gets for an account kind, place and day (most specific active list)',
        querystring: Type.Object({
          accountKind: AccountKindSchema,
          geographyId: Type.Optional(Id),
          date: Type.Optional(Day),
          skuIds: Type.String({
            pattern: '^[1-9][0-9]{0,15}(,[1-9][0-9]{0,15}){0,199}$',
            description: 'Comma-separated SKU ids (up to 200)',
          }),
        }),
        response: { 200: Type.Object({ date: Day, items: Type.Array(ResolvedPriceSchema) }) },
      },
    },
    async (request) => {
      const { skuIds, ...rest } = request.query;
      return resolvePriceQuote(ctx(request), { ...rest, skuIds: [...new Set(skuIds.split(',').map(Number))] });
    },
  );

  app.get(
    '/products/price-lists',
    {
      config: read,
      schema: {
        operationId: 'listPriceLists',
        tags,
        querystring: Type.Object({
          ...PageQuery,
          keyword: Type.Optional(Type.String({ maxLength: 60 })),
          status: Type.Optional(PriceListStatusSchema),
          accountKind: Type.Optional(AccountKindSchema),
          geographyId: Type.Optional(Id),
          validOn: Type.Optional(Day),
        }),
        response: { 200: Page(PriceListSchema) },
      },
    },
    async (request) => {
      const { limit = 20, offset = 0, ...filter } = request.query;
      return searchPriceLists(ctx(request), filter, { limit, offset });
    },
  );
  app.get(
    '/products/price-lists/:id',
    { config: read, schema: { operationId: 'getPriceList', tags, params: IdParams, response: { 200: PriceListSchema } } },
    async (request) => getPriceList(ctx(request), request.params.id),
  );
  app.post(
    '/products/price-lists',
    {
      config: manage,
      schema: {
        operationId: 'createPriceList',
        tags,
        body: Type.Object(listFields, { additionalProperties: false }),
        response: { 201: PriceListSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createPriceList(ctx(request), request.body)),
  );
  app.patch(
    '/products/price-lists/:id',
    {
      config: manage,
      schema: {
        operationId: 'updatePriceList',
        tags,
        params: IdParams,
        body: Type.Partial(Type.Object(listFields), { additionalProperties: false }),
        response: { 200: PriceListSchema },
      },
    },
    async (request) => updatePriceList(ctx(request), request.params.id, request.body),
  );
  app.delete(
    '/products/price-lists/:id',
    { config: manage, schema: { operationId: 'deletePriceList', tags, params: IdParams, response: { 200: Ok } } },
    async (request) => deletePriceList(ctx(request), request.params.id),
  );

  app.get(
    '/products/price-lists/:id/items',
    {
      config: read,
      schema: {
        operationId: 'listPriceListItems',
        tags,
        params: IdParams,
        querystring: Type.Object({ ...PageQuery, keyword: Type.Optional(Type.String({ maxLength: 60 })) }),
        response: { 200: Page(PriceListItemSchema) },
      },
    },
    async (request) => {
      const { limit = 20, offset = 0, keyword } = request.query;
      return getPriceListItems(ctx(request), request.params.id, { keyword }, { limit, offset });
    },
  );
  app.put(
    '/products/price-lists/:id/items',
    {
      config: manage,
      schema: {
        operationId: 'upsertPriceListItems',
        tags,
        summary: 'Sets the prices of many SKUs on the list at once (added or replaced)',
        params: IdParams,
        body: Type.Object(
          {
            items: Type.Array(Type.Object({ skuId: Id, unitPriceFen: Fen, floorPriceFen: Fen }, { additionalProperties: false }), {
              minItems: 1,
              maxItems: 2000,
            }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ upserted: Type.Integer() }) },
      },
    },
    async (request) => upsertPriceListItems(ctx(request), request.params.id, request.body.items),
  );
  app.delete(
    '/products/price-lists/:id/items/:skuId',
    {
      config: manage,
      schema: { operationId: 'removePriceListItem', tags, params: Type.Object({ id: Id, skuId: Id }), response: { 200: Ok } },
    },
    async (request) => removePriceListItem(ctx(request), request.params.id, request.params.skuId),
  );
};
