import type { FastifyPluginAsync } from 'fastify';
import { accountRoutes } from './account.routes.js';
import { contactRoutes } from './contact.routes.js';
import { customerSettingsRoutes } from './customer-settings.routes.js';
import './customers.hooks.js';
import { disputeRoutes } from './dispute.routes.js';
import { poolRoutes } from './pool.routes.js';
import { satisfactionRoutes } from './satisfaction.routes.js';

export * from './account.enums.js';
export type { AccountInput, AddressInput, ContactInput } from './account.input.js';
export type { AccountFilter, AccountView } from './account.repository.js';
export { accountScopeColumns, nextAccountCode, touchFollowUp } from './account.repository.js';
export { creditCodeCheckChar, isValidCreditCode, maskAddress, maskMobile, normalizeAccountName } from './account.rules.js';
export { accounts } from './account.schema.js';
export type { DuplicateMatch } from './account.service.js';
export { createAccount, findDuplicates, findVisibleAccount } from './account.service.js';
export type { CreditTerms } from './account-credit.service.js';
export { accountCreditLimit } from './account-credit.service.js';
export { deliveryPointColumns } from './address.repository.js';
export type { CustomerSettings } from './customer-settings.service.js';
export { visitMinimums } from './customer-settings.service.js';
export { CustomerErrors } from './customers.errors.js';
export { CustomerPermissions } from './customers.permissions.js';
export { accountAddresses, accountContacts, accountGradeReviews, accountPoolEvents } from './customers.schema.js';
export * from './lead.enums.js';
export { LeadPermissions } from './lead.permissions.js';
export { leadsModule } from './lead.routes.js';
export { callPlans, leadFollowUps, leads, leadTeams } from './lead.schema.js';
export { accountSurveys, surveyChannels } from './satisfaction.schema.js';

/** The customers API under /api/customers: accounts, contacts, addresses, grades, pool, disputes, settings. */
export const customersModule: FastifyPluginAsync = async (app) => {
  const prefix = '/api/customers';
  await app.register(accountRoutes, { prefix });
  await app.register(contactRoutes, { prefix });
  await app.register(satisfactionRoutes, { prefix });
  await app.register(poolRoutes, { prefix });
  await app.register(disputeRoutes, { prefix });
  await app.register(customerSettingsRoutes, { prefix });
};
