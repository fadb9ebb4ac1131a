import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { serviceContext } from '../../platform/http/request-context.js';
import { Nullable, StringEnum } from '../../platform/http/schemas.js';
import { accountKinds } from '../customers/index.js';
import { OrderPermissions } from './order.permissions.js';
import { BusinessDate } from './order.schemas.js';
import { repeatPurchaseRate } from './order-kpi.service.js';

const tags = ['orders'];

const figures = {
  accounts: Type.Integer({ description: 'Accounts with at least one placed order (not draft, not cancelled) in the period' }),
  repeatAccounts: Type.Integer({ description: 'Of those, accounts with two or more' }),
  rate: Nullable(Type.Number({ description: 'repeatAccounts / accounts, 0–1, four decimals; null when nobody ordered' })),
};

const RepeatPurchase = Type.Object({
  from: BusinessDate,
  to: BusinessDate,
  ...figures,
  byKind: Type.Array(Type.Object({ kind: StringEnum(accountKinds), ...figures })),
});

/** CUS-10 order KPIs under /api/orders/kpi. */
export const orderKpiRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/kpi/repeat-purchase',
    {
      config: { access: OrderPermissions['orders.read'] },
      schema: {
        operationId: 'repeatPurchaseRate',
        tags,
        summary:
          'CUS-10 复购率: of the accounts in my scope that placed an order entered in the period, the share with two or more, overall and per account kind',
        description: 'Without from/to: the last 90 Shanghai days, today included. At most 366 days.',
        querystring: Type.Object({ from: Type.Optional(BusinessDate), to: Type.Optional(BusinessDate) }),
        response: { 200: RepeatPurchase },
      },
    },
    async (request) => repeatPurchaseRate(serviceContext(app, request), request.query),
  );
};
