import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { pageOf } from '../../platform/db/tree.js';
import { serviceContext } from '../../platform/http/request-context.js';
import { Id, IdParams, Page, PageQuery, StringEnum } from '../../platform/http/schemas.js';
import { createDeliveryRun, dispatchDeliveryRun, getDeliveryRun, searchDeliveryRuns } from './delivery-run.service.js';
import { shipmentKinds, shipmentStates } from './order.enums.js';
import { OrderPermissions } from './order.permissions.js';
import {
  BusinessDate,
  CancelShipmentInput,
  DeliveryNote,
  DeliveryRunDetail,
  DeliveryRunInput,
  DeliveryRunSummary,
  ShipmentDetail,
  ShipmentInput,
  ShipmentSummary,
  TrackInput,
} from './order.schemas.js';
import { cancelShipment, createShipment, deliveryNote, getShipment, searchShipments, trackShipment } from './shipment.service.js';

const tags = ['shipments'];

/** OSB-3/10 shipments, tracking, delivery notes and local delivery runs under /api/orders. */
export const shipmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx = (request: FastifyRequest) => serviceContext(app, request);

  app.get(
    '/shipments',
    {
      config: { access: OrderPermissions['shipments.read'] },
      schema: {
        operationId: 'listShipments',
        tags,
        summary: 'Shipments to accounts in my scope, newest first',
        querystring: Type.Object({
          ...PageQuery,
          state: Type.Optional(StringEnum(shipmentStates)),
          kind: Type.Optional(StringEnum(shipmentKinds)),
          accountId: Type.Optional(Id),
          warehouseId: Type.Optional(Id),
          deliveryRunId: Type.Optional(Id),
          orderId: Type.Optional(Id),
        }),
        response: { 200: Page(ShipmentSummary) },
      },
    },
    async (request) => {
      const { limit, offset, ...filter } = request.query;
      return searchShipments(ctx(request), filter, pageOf({ limit, offset }));
    },
  );

  app.post(
    '/shipments',
    {
      config: { access: OrderPermissions['shipments.manage'] },
      schema: {
        operationId: 'createShipment',
        tags,
        summary: 'OSB-3: ship confirmed orders of one account from one warehouse, whole or partial lines',
        body: ShipmentInput,
        response: { 201: ShipmentDetail },
      },
    },
    async (request, reply) => reply.status(201).send(await createShipment(ctx(request), request.body)),
  );

  app.get(
    '/shipments/:id',
    {
      config: { access: OrderPermissions['shipments.read'] },
      schema: {
        operationId: 'getShipment',
        tags,
        summary: 'One shipment with its lines and tracking history',
        params: IdParams,
        response: { 200: ShipmentDetail },
      },
    },
    async (request) => getShipment(ctx(request), request.params.id),
  );

  app.post(
    '/shipments/:id/track',
    {
      config: { access: OrderPermissions['shipments.manage'] },
      schema: {
        operationId: 'trackShipment',
        tags,
        summary:
          'OSB-10: move a shipment forward (prepared → picked → dispatched → delivered → signed); dispatch takes the goods out of stock',
        params: IdParams,
        body: TrackInput,
        response: { 200: ShipmentDetail },
      },
    },
    async (request) => trackShipment(ctx(request), request.params.id, request.body),
  );

  app.post(
    '/shipments/:id/cancel',
    {
      config: { access: OrderPermissions['shipments.manage'] },
      schema: {
        operationId: 'cancelShipment',
        tags,
        summary:
          'OSB-3: call off a prepared shipment with a reason; its quantities are open to ship again and its codes are freed (later states: 409)',
        params: IdParams,
        body: CancelShipmentInput,
        response: { 200: ShipmentDetail },
      },
    },
    async (request) => cancelShipment(ctx(request), request.params.id, request.body),
  );

  app.get(
    '/shipments/:id/delivery-note',
    {
      config: { access: OrderPermissions['shipments.read'] },
      schema: {
        operationId: 'getDeliveryNote',
        tags,
        summary: '发货清单: what the printable delivery note shows',
        params: IdParams,
        response: { 200: DeliveryNote },
      },
    },
    async (request) => deliveryNote(ctx(request), request.params.id),
  );

  app.get(
    '/delivery-runs',
    {
      config: { access: OrderPermissions['shipments.read'] },
      schema: {
        operationId: 'listDeliveryRuns',
        tags,
        summary: 'Local delivery runs, newest day first',
        querystring: Type.Object({ ...PageQuery, runDate: Type.Optional(BusinessDate), warehouseId: Type.Optional(Id) }),
        response: { 200: Page(DeliveryRunSummary) },
      },
    },
    async (request) => {
      const { limit, offset, ...filter } = request.query;
      return searchDeliveryRuns(ctx(request), filter, pageOf({ limit, offset }));
    },
  );

  app.post(
    '/delivery-runs',
    {
      config: { access: OrderPermissions['shipments.manage'] },
      schema: {
        operationId: 'createDeliveryRun',
        tags,
        summary: 'OSB-3: put several accounts’ delivery shipments on one truck, in stop order',
        body: DeliveryRunInput,
        response: { 201: DeliveryRunDetail },
      },
    },
    async (request, reply) => reply.status(201).send(await createDeliveryRun(ctx(request), request.body)),
  );

  app.get(
    '/delivery-runs/:id',
    {
      config: { access: OrderPermissions['shipments.read'] },
      schema: {
        operationId: 'getDeliveryRun',
        tags,
        summary: 'One delivery run with its stops (those in my scope)',
        params: IdParams,
        response: { 200: DeliveryRunDetail },
      },
    },
    async (request) => getDeliveryRun(ctx(request), request.params.id),
  );

  app.post(
    '/delivery-runs/:id/dispatch',
    {
      config: { access: OrderPermissions['shipments.manage'] },
      schema: {
        operationId: 'dispatchDeliveryRun',
        tags,
        summary: 'The truck leaves: every stop is dispatched',
        params: IdParams,
        response: { 200: DeliveryRunDetail },
      },
    },
    async (request) => dispatchDeliveryRun(ctx(request), request.params.id),
  );
};
