import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { serviceContext } from '../../platform/http/request-context.js';
import { Id, IdParams, Nullable, Ok, Page, PageQuery } from '../../platform/http/schemas.js';
import { createCategory, deleteCategory, getCategories, updateCategory } from './category.service.js';
import {
  createProduct,
  createSku,
  deleteProduct,
  deleteSku,
  getProduct,
  searchProducts,
  searchSkus,
  updateProduct,
  updateSku,
} from './product.service.js';
import { ProductPermissions } from './products.permissions.js';
import { CategorySchema, ProductSchema, ProductStatusSchema, SkuListItemSchema, SkuSchema, tags } from './products.schemas.js';

const Code = Type.String({
  minLength: 1,
  maxLength: 40,
  pattern: '^[A-Za-z0-9._-]+$',
  description: 'Letters, digits, . _ -; stored upper-case',
});
const Name = Type.String({ minLength: 1, maxLength: 120 });

const categoryFields = {
  code: Code,
  name: Name,
  parentId: Type.Optional(Nullable(Id)),
  sort: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
  active: Type.Optional(Type.Boolean()),
};

const productFields = {
  code: Code,
  name: Name,
  categoryId: Id,
  brand: Type.Optional(Nullable(Type.String({ maxLength: 60 }))),
  description: Type.Optional(Nullable(Type.String({ maxLength: 4000 }))),
  status: Type.Optional(ProductStatusSchema),
};

const skuFields = {
  code: Code,
  name: Type.String({ minLength: 1, maxLength: 120, description: '规格, e.g. 500ml×12' }),
  barcode: Type.Optional(Nullable(Type.String({ maxLength: 32, pattern: '^[0-9A-Za-z-]*$' }))),
  baseUnit: Type.String({ minLength: 1, maxLength: 10, description: 'Smallest unit sold and stocked: 瓶, 袋, 件' }),
  caseUnit: Type.Optional(Nullable(Type.String({ maxLength: 10, description: '箱' }))),
  unitsPerCase: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
  tracksCodes: Type.Optional(Type.Boolean({ description: 'Batch or unit codes are recorded at shipment' })),
  status: Type.Optional(ProductStatusSchema),
  minOrderQuantity: Type.Optional(
    Nullable(Type.Integer({ minimum: 1, maximum: 1_000_000, description: 'In base units; null = no minimum' })),
  ),
};

/** PRD-1: categories, products and SKUs. */
export const catalogRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx = (request: FastifyRequest) => serviceContext(app, request);
  const read = { access: ProductPermissions.read };
  const manage = { access: ProductPermissions['catalog.manage'] };

  app.get(
    '/products/categories',
    {
      config: read,
      schema: {
        operationId: 'listProductCategories',
        tags,
        summary: 'The category tree as a flat list',
        response: { 200: Type.Array(CategorySchema) },
      },
    },
    async (request) => getCategories(ctx(request)),
  );
  app.post(
    '/products/categories',
    {
      config: manage,
      schema: {
        operationId: 'createProductCategory',
        tags,
        body: Type.Object(categoryFields, { additionalProperties: false }),
        response: { 201: Type.Omit(CategorySchema, ['productCount']) },
      },
    },
    async (request, reply) => reply.status(201).send(await createCategory(ctx(request), request.body)),
  );
  app.patch(
    '/products/categories/:id',
    {
      config: manage,
      schema: {
        operationId: 'updateProductCategory',
        tags,
        params: IdParams,
        body: Type.Partial(Type.Object(categoryFields), { additionalProperties: false }),
        response: { 200: Type.Omit(CategorySchema, ['productCount']) },
      },
    },
    async (request) => updateCategory(ctx(request), request.params.id, request.body),
  );
  app.delete(
    '/products/categories/:id',
    { config: manage, schema: { operationId: 'deleteProductCategory', tags, params: IdParams, response: { 200: Ok } } },
    async (request) => deleteCategory(ctx(request), request.params.id),
  );

  app.get(
    '/products/skus',
    {
      config: read,
      schema: {
        operationId: 'listSkus',
        tags,
        summary: 'SKU search for pickers (code, spec, barcode, product name)',
        querystring: Type.Object({
          ...PageQuery,
          keyword: Type.Optional(Type.String({ maxLength: 60 })),
          productId: Type.Optional(Id),
          categoryId: Type.Optional(Id),
          status: Type.Optional(ProductStatusSchema),
        }),
        response: { 200: Page(SkuListItemSchema) },
      },
    },
    async (request) => {
      const { limit = 20, offset = 0, ...filter } = request.query;
      return searchSkus(ctx(request), filter, { limit, offset });
    },
  );
  app.patch(
    '/products/skus/:id',
    {
      config: manage,
      schema: {
        operationId: 'updateSku',
        tags,
        params: IdParams,
        body: Type.Partial(Type.Object(skuFields), { additionalProperties: false }),
        response: { 200: SkuSchema },
      },
    },
    async (request) => updateSku(ctx(request), request.params.id, request.body),
  );
  app.delete(
    '/products/skus/:id',
    { config: manage, schema: { operationId: 'deleteSku', tags, params: IdParams, response: { 200: Ok } } },
    async (request) => deleteSku(ctx(request), request.params.id),
  );

  app.get(
    '/products',
    {
      config: read,
      schema: {
        operationId: 'listProducts',
        tags,
        summary: 'Products with their SKUs; keyword matches product or SKU code, name, or barcode',
        querystring: Type.Object({
          ...PageQuery,
          keyword: Type.Optional(Type.String({ maxLength: 60 })),
          categoryId: Type.Optional(Id),
          status: Type.Optional(ProductStatusSchema),
        }),
        response: { 200: Page(ProductSchema) },
      },
    },
    async (request) => {
      const { limit = 20, offset = 0, ...filter } = request.query;
      return searchProducts(ctx(request), filter, { limit, offset });
    },
  );
  app.get(
    '/products/:id',
    { config: read, schema: { operationId: 'getProduct', tags, params: IdParams, response: { 200: ProductSchema } } },
    async (request) => getProduct(ctx(request), request.params.id),
  );
  app.post(
    '/products',
    {
      config: manage,
      schema: {
        operationId: 'createProduct',
        tags,
        body: Type.Object(productFields, { additionalProperties: false }),
        response: { 201: ProductSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createProduct(ctx(request), request.body)),
  );
  app.patch(
    '/products/:id',
    {
      config: manage,
      schema: {
        operationId: 'updateProduct',
        tags,
        params: IdParams,
        body: Type.Partial(Type.Object(productFields), { additionalProperties: false }),
        response: { 200: ProductSchema },
      },
    },
    async (request) => updateProduct(ctx(request), request.params.id, request.body),
  );
  app.delete(
    '/products/:id',
    { config: manage, schema: { operationId: 'deleteProduct', tags, params: IdParams, response: { 200: Ok } } },
    async (request) => deleteProduct(ctx(request), request.params.id),
  );
  app.post(
    '/products/:id/skus',
    {
      config: manage,
      schema: {
        operationId: 'createSku',
        tags,
        params: IdParams,
        body: Type.Object(skuFields, { additionalProperties: false }),
        response: { 201: SkuSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createSku(ctx(request), request.params.id, request.body)),
  );
};
