import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { serviceContext } from '../../platform/http/request-context.js';
import { customerSettingsOf, updateCustomerSettings } from './customer-settings.service.js';
import { CustomerPermissions } from './customers.permissions.js';

const tags = ['customers'];
const Days = (description: string) => Type.Integer({ minimum: 0, maximum: 3650, description });
const Visits = Type.Integer({ minimum: 0, maximum: 31 });

const SettingsSchema = Type.Object(
  {
    visitMinimums: Type.Object({ A: Visits, B: Visits, C: Visits, D: Visits }, { additionalProperties: false }),
    poolDays: Days('CUS-12: days without a follow-up before an account returns to the pool (0: off)'),
    dealDays: Days('CUS-12: days without a deal before an account returns to the pool (0: off)'),
    warnDays: Days('Days before the return that the owner is warned'),
    holdingLimit: Type.Integer({ minimum: 1, maximum: 100_000 }),
    lockedLimit: Type.Integer({ minimum: 0, maximum: 100_000 }),
  },
  { $id: 'CustomerSettings', additionalProperties: false },
);

/** CUS-3 visit minimums per grade and CUS-12 pool rules: one set for the company. */
export const customerSettingsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx = (request: FastifyRequest) => serviceContext(app, request);

  app.get(
    '/settings',
    {
      config: { access: CustomerPermissions['accounts.read'] },
      schema: { operationId: 'getCustomerSettings', tags, response: { 200: SettingsSchema } },
    },
    async () => customerSettingsOf(app.database.db),
  );

  app.put(
    '/settings',
    {
      config: { access: CustomerPermissions['settings.manage'] },
      schema: { operationId: 'updateCustomerSettings', tags, body: SettingsSchema, response: { 200: SettingsSchema } },
    },
    async (request) => updateCustomerSettings(ctx(request), request.body),
  );
};
