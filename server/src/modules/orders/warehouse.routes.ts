import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { pageOf } from '../../platform/db/tree.js';
import { serviceContext } from '../../platform/http/request-context.js';
import { Id, IdParams, Nullable, Page, PageQuery, StringEnum } from '../../platform/http/schemas.js';
import { warehouseKinds } from './inventory.enums.js';
import { InventoryPermissions } from './inventory.permissions.js';
import { Keyword, WarehouseOptionSchema, WarehouseSchema } from './inventory.schemas.js';
import { changeWarehouse, createWarehouse, getWarehouse, searchWarehouses, warehouseOptions } from './warehouse.service.js';

const tags = ['inventory'];
const Kind = StringEnum(warehouseKinds);
const Code = Type.String({ minLength: 1, maxLength: 30, pattern: '^[A-Za-z0-9_-]+$' });
const Name = Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' });

export const warehouseRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx = (request: FastifyRequest) => serviceContext(app, request);

  app.get(
    '/warehouses',
    {
      config: { access: InventoryPermissions['inventory.read'] },
      schema: {
        operationId: 'listWarehouses',
        tags,
        summary: 'Warehouses within my data scope (the central one is visible to every reader)',
        querystring: Type.Object({
          ...PageQuery,
          keyword: Type.Optional(Keyword),
          kind: Type.Optional(Kind),
          active: Type.Optional(Type.Boolean()),
        }),
        response: { 200: Page(WarehouseSchema) },
      },
    },
    async (request) => {
      const { limit = 20, offset = 0, ...filter } = request.query;
      return searchWarehouses(ctx(request), filter, { limit, offset });
    },
  );

  app.get(
    '/warehouse-options',
    {
      config: { access: InventoryPermissions['inventory.availability'] },
      schema: {
        operationId: 'listWarehouseOptions',
        tags,
        summary: 'Active warehouses by code, names only: what order entry and shipping pick from',
        querystring: Type.Object(PageQuery),
        response: { 200: Page(WarehouseOptionSchema) },
      },
    },
    async (request) => warehouseOptions(ctx(request), pageOf(request.query)),
  );

  app.get(
    '/warehouses/:id',
    {
      config: { access: InventoryPermissions['inventory.read'] },
      schema: { operationId: 'getWarehouse', tags, params: IdParams, response: { 200: WarehouseSchema } },
    },
    async (request) => getWarehouse(ctx(request), request.params.id),
  );

  app.post(
    '/warehouses',
    {
      config: { access: InventoryPermissions['warehouses.manage'] },
      schema: {
        operationId: 'createWarehouse',
        tags,
        body: Type.Object(
          {
            code: Code,
            name: Name,
            kind: Kind,
            geographyId: Type.Optional(Nullable(Id)),
            address: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
            managerUserId: Type.Optional(Nullable(Id)),
            active: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: { 201: WarehouseSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createWarehouse(ctx(request), request.body)),
  );

  app.patch(
    '/warehouses/:id',
    {
      config: { access: InventoryPermissions['warehouses.manage'] },
      schema: {
        operationId: 'updateWarehouse',
        tags,
        params: IdParams,
        body: Type.Object(
          {
            code: Type.Optional(Code),
            name: Type.Optional(Name),
            kind: Type.Optional(Kind),
            geographyId: Type.Optional(Nullable(Id)),
            address: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
            managerUserId: Type.Optional(Nullable(Id)),
            active: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: { 200: WarehouseSchema },
      },
    },
    async (request) => changeWarehouse(ctx(request), request.params.id, request.body),
  );
};
