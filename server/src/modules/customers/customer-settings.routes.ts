import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { serviceContext } from '../../platform/http/request-context.js';
import { StringEnum } from '../../platform/http/schemas.js';
import { ladderLevels } from '../org/index.js';
import { customerSettingsOf, updateCustomerSettings } from './customer-settings.service.js';
import { CustomerPermissions } from './customers.permissions.js';
import { poolScopes } from './customers.schema.js';

const tags = ['customers'];
const Days = (description: string) => Type.Integer({ minimum: 0, maximum: 3650, description });
const Visits = Type.Integer({ minimum: 0, maximum: 31 });

const Holding = Type.Integer({ minimum: 1, maximum: 100_000 });
const HoldingLimits = Type.Partial(
  Type.Object(Object.fromEntries(ladderLevels.map((level) => [level, Holding])) as Record<(typeof ladderLevels)[number], typeof Holding>),
  {
    additionalProperties: false,
    description: 'CUS-3: accounts a person of each position ladder level may hold; a level left out uses holdingLimit',
  },
);
const PoolScope = StringEnum(poolScopes, {
  description: 'CUS-12: pool accounts are claimable within the claimant’s market, or nationally',
});

const settingsFields = {
  visitMinimums: Type.Object({ A: Visits, B: Visits, C: Visits, D: Visits }, { additionalProperties: false }),
  poolDays: Days('CUS-12: days without a follow-up before an account returns to the pool (0: off)'),
  dealDays: Days('CUS-12: days without a deal before an account returns to the pool (0: off)'),
  warnDays: Days('Days before the return that the owner is warned'),
  holdingLimit: Type.Integer({ minimum: 1, maximum: 100_000, description: 'The company default holding limit' }),
  lockedLimit: Type.Integer({ minimum: 0, maximum: 100_000 }),
};

const SettingsSchema = Type.Object(
  { ...settingsFields, holdingLimits: HoldingLimits, poolScope: PoolScope },
  { $id: 'CustomerSettings', additionalProperties: false },
);

/** The new rules are optional so that a form sending only the older fields keeps them as they are. */
const SettingsBody = Type.Object(
  { ...settingsFields, holdingLimits: Type.Optional(HoldingLimits), poolScope: Type.Optional(PoolScope) },
  { additionalProperties: false },
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
      schema: { operationId: 'updateCustomerSettings', tags, body: SettingsBody, response: { 200: SettingsSchema } },
    },
    async (request) => updateCustomerSettings(ctx(request), request.body),
  );
};
