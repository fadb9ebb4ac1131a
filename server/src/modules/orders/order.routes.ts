import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { serviceContext } from '../../platform/http/request-context.js';
import { Id, IdParams, StringEnum } from '../../platform/http/schemas.js';
import { orderStatuses } from './order.enums.js';
import { OrderPermissions } from './order.permissions.js';
import { BusinessDate, OrderDetail, OrderInput, OrderPage, TimelineEntry } from './order.schemas.js';
import {
  cancelOrder,
  confirmOrder,
  createOrder,
  getOrder,
  getOrderTimeline,
  markOrderPaid,
  searchOrders,
  submitOrder,
  updateDraft,
} from './order.service.js';

const tags = ['orders'];

/**
 * OSB-1/2/10 orders under /api/orders. Create answers 201 for a new order and
 * 200 with the same order when the Idempotency-Key was used before.
 */
export const orderRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx = (request: FastifyRequest) => serviceContext(app, request);

  app.get(
    '',
    {
      config: { access: OrderPermissions['orders.read'] },
      schema: {
        operationId: 'listOrders',
        tags,
        summary: 'Orders in my scope, newest first, keyset-paged (pass nextCursor back as cursor)',
        querystring: Type.Object({
          status: Type.Optional(Type.Array(StringEnum(orderStatuses))),
          accountId: Type.Optional(Id),
          geographyId: Type.Optional(Type.Integer({ minimum: 1, description: 'A market or region includes its territories' })),
          ownerUserId: Type.Optional(Id),
          from: Type.Optional(BusinessDate),
          to: Type.Optional(BusinessDate),
          cursor: Type.Optional(Type.String({ maxLength: 200 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
        }),
        response: { 200: OrderPage },
      },
    },
    async (request) => searchOrders(ctx(request), request.query),
  );

  app.post(
    '',
    {
      config: { access: OrderPermissions['orders.enter'] },
      schema: {
        operationId: 'createOrder',
        tags,
        summary:
          'Enter an order (draft, or submitted at once with submit: true); retried with the same Idempotency-Key it answers the first order',
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 100 })) }),
        body: Type.Object(
          { ...OrderInput.properties, submit: Type.Optional(Type.Boolean({ default: false })) },
          { additionalProperties: false },
        ),
        response: { 201: OrderDetail, 200: OrderDetail },
      },
    },
    async (request, reply) => {
      const { order, replayed } = await createOrder(ctx(request), request.body, request.headers['idempotency-key']);
      return reply.status(replayed ? 200 : 201).send(order);
    },
  );

  app.get(
    '/:id',
    {
      config: { access: OrderPermissions['orders.read'] },
      schema: {
        operationId: 'getOrder',
        tags,
        summary: 'One order with its lines and checks',
        params: IdParams,
        response: { 200: OrderDetail },
      },
    },
    async (request) => getOrder(ctx(request), request.params.id),
  );

  app.put(
    '/:id',
    {
      config: { access: OrderPermissions['orders.enter'] },
      schema: {
        operationId: 'updateOrderDraft',
        tags,
        summary: 'Change a draft order (lines are replaced and priced again)',
        params: IdParams,
        body: OrderInput,
        response: { 200: OrderDetail },
      },
    },
    async (request) => updateDraft(ctx(request), request.params.id, request.body),
  );

  app.get(
    '/:id/timeline',
    {
      config: { access: OrderPermissions['orders.read'] },
      schema: {
        operationId: 'getOrderTimeline',
        tags,
        summary: 'OSB-10: every state change, check, approval action, reservation, shipment and tracking step, oldest first',
        params: IdParams,
        response: { 200: Type.Array(TimelineEntry) },
      },
    },
    async (request) => getOrderTimeline(ctx(request), request.params.id),
  );

  app.post(
    '/:id/submit',
    {
      config: { access: OrderPermissions['orders.enter'] },
      schema: {
        operationId: 'submitOrder',
        tags,
        summary: 'OSB-2: run the price, credit and stock checks; failing ones open approvals',
        params: IdParams,
        response: { 200: OrderDetail },
      },
    },
    async (request) => submitOrder(ctx(request), request.params.id),
  );

  app.post(
    '/:id/cancel',
    {
      config: { access: OrderPermissions['orders.enter'] },
      schema: {
        operationId: 'cancelOrder',
        tags,
        summary: 'Cancel before anything ships; a reservation is released',
        params: IdParams,
        body: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false }),
        response: { 200: OrderDetail },
      },
    },
    async (request) => cancelOrder(ctx(request), request.params.id, request.body),
  );

  app.post(
    '/:id/confirm',
    {
      config: { access: OrderPermissions['orders.finance'] },
      schema: {
        operationId: 'confirmOrder',
        tags,
        summary: 'Finance confirms payment or credit; the stock is reserved now',
        params: IdParams,
        response: { 200: OrderDetail },
      },
    },
    async (request) => confirmOrder(ctx(request), request.params.id),
  );

  app.post(
    '/:id/mark-paid',
    {
      config: { access: OrderPermissions['orders.finance'] },
      schema: {
        operationId: 'markOrderPaid',
        tags,
        summary: 'Finance records payment; the order stops counting against the credit limit',
        params: IdParams,
        response: { 200: OrderDetail },
      },
    },
    async (request) => markOrderPaid(ctx(request), request.params.id),
  );
};
