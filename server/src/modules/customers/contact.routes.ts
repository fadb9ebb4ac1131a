import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { serviceContext } from '../../platform/http/request-context.js';
import { Ok } from '../../platform/http/schemas.js';
import {
  AccountIdParams,
  AddressParams,
  AddressSchema,
  ContactParams,
  ContactSchema,
  CreateAddressBody,
  CreateContactBody,
  UpdateAddressBody,
  UpdateContactBody,
} from './account.schemas.js';
import { addAddress, getAddresses, removeAddress, updateAddress, verifyAddress } from './address.service.js';
import { addContact, getContacts, removeContact, updateContact } from './contact.service.js';
import { CustomerPermissions } from './customers.permissions.js';

const tags = ['customers'];
const read = CustomerPermissions['accounts.read'];
const write = CustomerPermissions['accounts.write'];

/** CUS-1 contacts and CUS-9 logistics addresses of an account. */
export const contactRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx = (request: FastifyRequest) => serviceContext(app, request);

  app.get(
    '/accounts/:id/contacts',
    {
      config: { access: read },
      schema: {
        operationId: 'listAccountContacts',
        tags,
        params: AccountIdParams,
        response: { 200: Type.Object({ items: Type.Array(ContactSchema) }) },
      },
    },
    async (request) => ({ items: await getContacts(ctx(request), request.params.id) }),
  );

  app.post(
    '/accounts/:id/contacts',
    {
      config: { access: write },
      schema: {
        operationId: 'createAccountContact',
        tags,
        params: AccountIdParams,
        body: CreateContactBody,
        response: { 201: ContactSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await addContact(ctx(request), request.params.id, request.body)),
  );

  app.patch(
    '/accounts/:id/contacts/:contactId',
    {
      config: { access: write },
      schema: {
        operationId: 'updateAccountContact',
        tags,
        params: ContactParams,
        body: UpdateContactBody,
        response: { 200: ContactSchema },
      },
    },
    async (request) => updateContact(ctx(request), request.params.id, request.params.contactId, request.body),
  );

  app.delete(
    '/accounts/:id/contacts/:contactId',
    {
      config: { access: write },
      schema: { operationId: 'deleteAccountContact', tags, params: ContactParams, response: { 200: Ok } },
    },
    async (request) => {
      await removeContact(ctx(request), request.params.id, request.params.contactId);
      return { ok: true };
    },
  );

  app.get(
    '/accounts/:id/addresses',
    {
      config: { access: read },
      schema: {
        operationId: 'listAccountAddresses',
        tags,
        summary: 'CUS-9 logistics profile; verificationDue marks addresses not verified within 35 days',
        params: AccountIdParams,
        response: { 200: Type.Object({ items: Type.Array(AddressSchema) }) },
      },
    },
    async (request) => ({ items: await getAddresses(ctx(request), request.params.id) }),
  );

  app.post(
    '/accounts/:id/addresses',
    {
      config: { access: write },
      schema: {
        operationId: 'createAccountAddress',
        tags,
        params: AccountIdParams,
        body: CreateAddressBody,
        response: { 201: AddressSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await addAddress(ctx(request), request.params.id, request.body)),
  );

  app.patch(
    '/accounts/:id/addresses/:addressId',
    {
      config: { access: write },
      schema: {
        operationId: 'updateAccountAddress',
        tags,
        params: AddressParams,
        body: UpdateAddressBody,
        response: { 200: AddressSchema },
      },
    },
    async (request) => updateAddress(ctx(request), request.params.id, request.params.addressId, request.body),
  );

  app.post(
    '/accounts/:id/addresses/:addressId/verify',
    {
      config: { access: write },
      schema: {
        operationId: 'verifyAccountAddress',
        tags,
        summary: 'CUS-9 monthly maintenance: confirm the address, receiver and carrier are still right',
        params: AddressParams,
        response: { 200: AddressSchema },
      },
    },
    async (request) => verifyAddress(ctx(request), request.params.id, request.params.addressId),
  );

  app.delete(
    '/accounts/:id/addresses/:addressId',
    {
      config: { access: write },
      schema: { operationId: 'deleteAccountAddress', tags, params: AddressParams, response: { 200: Ok } },
    },
    async (request) => {
      await removeAddress(ctx(request), request.params.id, request.params.addressId);
      return { ok: true };
    },
  );
};
