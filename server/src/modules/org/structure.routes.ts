import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { serviceContext } from '../../platform/http/request-context.js';
import { Id, IdParams, Nullable, Ok, StringEnum } from '../../platform/http/schemas.js';
import { createDepartment, deleteDepartment, getDepartments, updateDepartment } from './department.service.js';
import { createGeography, deleteGeography, getGeographies, updateGeography } from './geography.service.js';
import { dataScopeKinds, geographyKinds, ladderLevels } from './org.enums.js';
import { OrgPermissions } from './org.permissions.js';
import { createPosition, deletePosition, getPositions, setPositionPermissions, updatePosition } from './position.service.js';

const tags = ['org'];
const manage = OrgPermissions['structure.manage'];
const strict = { additionalProperties: false } as const;

const Name = Type.String({ minLength: 1, maxLength: 60 });
const Sort = Type.Integer({ minimum: 0, maximum: 9999 });
const IdList = Type.Array(Id, { maxItems: 200, uniqueItems: true });

export const DepartmentSchema = Type.Object(
  {
    id: Type.Integer(),
    name: Type.String(),
    parentId: Nullable(Type.Integer()),
    headUserId: Nullable(Type.Integer()),
    headName: Nullable(Type.String()),
    sort: Type.Integer(),
    positionCount: Type.Integer(),
    userCount: Type.Integer({ description: 'Active holders of the positions of this department (not its sub-departments)' }),
  },
  { $id: 'Department' },
);

const DepartmentBody = Type.Object(
  { name: Name, parentId: Type.Optional(Nullable(Id)), headUserId: Type.Optional(Nullable(Id)), sort: Type.Optional(Sort) },
  strict,
);

const Holder = Type.Object({ id: Type.Integer(), username: Type.String(), displayName: Type.String() });

export const PositionSchema = Type.Object(
  {
    id: Type.Integer(),
    name: Type.String(),
    departmentId: Type.Integer(),
    departmentName: Type.String(),
    superiorId: Nullable(Type.Integer()),
    superiorName: Nullable(Type.String()),
    ladder: StringEnum(ladderLevels),
    headcount: Type.Integer(),
    filled: Type.Integer({ description: 'Active holders' }),
    duties: Type.String(),
    dataScope: StringEnum(dataScopeKinds),
    scopeDepartmentIds: Type.Array(Type.Integer()),
    scopeGeographyIds: Type.Array(Type.Integer()),
    permissions: Type.Array(Type.String()),
    holders: Type.Array(Holder),
  },
  { $id: 'Position' },
);

const PositionBody = Type.Object(
  {
    name: Name,
    departmentId: Id,
    superiorId: Type.Optional(Nullable(Id)),
    ladder: StringEnum(ladderLevels),
    headcount: Type.Integer({ minimum: 0, maximum: 999 }),
    duties: Type.Optional(Type.String({ maxLength: 4000 })),
    dataScope: Type.Optional(StringEnum(dataScopeKinds, { description: 'Defaults from the ladder level (ORG-4)' })),
    scopeDepartmentIds: Type.Optional(IdList),
    scopeGeographyIds: Type.Optional(IdList),
  },
  strict,
);

export const GeographySchema = Type.Object(
  {
    id: Type.Integer(),
    code: Type.String(),
    name: Type.String(),
    kind: StringEnum(geographyKinds),
    parentId: Nullable(Type.Integer()),
    ownerUserId: Nullable(Type.Integer()),
    ownerName: Nullable(Type.String()),
    provinces: Type.Array(Type.String()),
    sort: Type.Integer(),
    userCount: Type.Integer({ description: 'Active people assigned to this node itself' }),
  },
  { $id: 'Geography' },
);

const GeographyBody = Type.Object(
  {
    code: Type.String({ minLength: 2, maxLength: 40, pattern: '^[a-z0-9-]+$' }),
    name: Name,
    kind: StringEnum(geographyKinds, { description: 'market (no parent) → region (under a market) → territory (under a region)' }),
    parentId: Type.Optional(Nullable(Id)),
    ownerUserId: Type.Optional(Nullable(Id)),
    provinces: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 20 }), { maxItems: 40, uniqueItems: true })),
    sort: Type.Optional(Sort),
  },
  strict,
);

/**
 * ORG-1/2/3: the org chart. Every signed-in employee may read it; changes
 * need structure.manage, and each one drops cached principals because
 * positions, grants, department subtrees and geography owners all feed the
 * data scope.
 */
export const structureRoutes: FastifyPluginAsyncTypebox<{ onChange: () => void }> = async (app, options) => {
  const ctx = (request: FastifyRequest) => serviceContext(app, request);
  const changed = <T>(result: T): T => {
    options.onChange();
    return result;
  };

  app.get(
    '/departments',
    {
      config: { access: 'authenticated' },
      schema: {
        operationId: 'listDepartments',
        tags,
        summary: 'All departments, flat (ORG-1)',
        response: { 200: Type.Array(DepartmentSchema) },
      },
    },
    async (request) => getDepartments(ctx(request)),
  );

  app.post(
    '/departments',
    {
      config: { access: manage },
      schema: { operationId: 'createDepartment', tags, body: DepartmentBody, response: { 201: DepartmentSchema } },
    },
    async (request, reply) => reply.status(201).send(changed(await createDepartment(ctx(request), request.body))),
  );

  app.patch(
    '/departments/:id',
    {
      config: { access: manage },
      schema: {
        operationId: 'updateDepartment',
        tags,
        params: IdParams,
        body: Type.Partial(DepartmentBody, strict),
        response: { 200: DepartmentSchema },
      },
    },
    async (request) => changed(await updateDepartment(ctx(request), request.params.id, request.body)),
  );

  app.delete(
    '/departments/:id',
    {
      config: { access: manage },
      schema: { operationId: 'deleteDepartment', tags, params: IdParams, response: { 200: Ok } },
    },
    async (request) => {
      await deleteDepartment(ctx(request), request.params.id);
      return changed({ ok: true });
    },
  );

  app.get(
    '/positions',
    {
      config: { access: 'authenticated' },
      schema: {
        operationId: 'listPositions',
        tags,
        summary: 'Positions with holders, fill and grants (ORG-2)',
        querystring: Type.Object({ departmentId: Type.Optional(Id) }),
        response: { 200: Type.Array(PositionSchema) },
      },
    },
    async (request) => getPositions(ctx(request), request.query),
  );

  app.post(
    '/positions',
    {
      config: { access: manage },
      schema: { operationId: 'createPosition', tags, body: PositionBody, response: { 201: PositionSchema } },
    },
    async (request, reply) => reply.status(201).send(changed(await createPosition(ctx(request), request.body))),
  );

  app.patch(
    '/positions/:id',
    {
      config: { access: manage },
      schema: {
        operationId: 'updatePosition',
        tags,
        params: IdParams,
        body: Type.Partial(PositionBody, strict),
        response: { 200: PositionSchema },
      },
    },
    async (request) => changed(await updatePosition(ctx(request), request.params.id, request.body)),
  );

  app.delete(
    '/positions/:id',
    {
      config: { access: manage },
      schema: { operationId: 'deletePosition', tags, params: IdParams, response: { 200: Ok } },
    },
    async (request) => {
      await deletePosition(ctx(request), request.params.id);
      return changed({ ok: true });
    },
  );

  app.put(
    '/positions/:id/permissions',
    {
      config: { access: manage },
      schema: {
        operationId: 'setPositionPermissions',
        tags,
        summary: 'Replace the permission keys granted to a position',
        params: IdParams,
        body: Type.Object({ permissions: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 200 }) }, strict),
        response: { 200: PositionSchema },
      },
    },
    async (request) => changed(await setPositionPermissions(ctx(request), request.params.id, request.body.permissions)),
  );

  app.get(
    '/geographies',
    {
      config: { access: 'authenticated' },
      schema: {
        operationId: 'listGeographies',
        tags,
        summary: 'Markets, regions and territories, flat, with owners (ORG-3)',
        response: { 200: Type.Array(GeographySchema) },
      },
    },
    async (request) => getGeographies(ctx(request)),
  );

  app.post(
    '/geographies',
    {
      config: { access: manage },
      schema: { operationId: 'createGeography', tags, body: GeographyBody, response: { 201: GeographySchema } },
    },
    async (request, reply) => reply.status(201).send(changed(await createGeography(ctx(request), request.body))),
  );

  app.patch(
    '/geographies/:id',
    {
      config: { access: manage },
      schema: {
        operationId: 'updateGeography',
        tags,
        params: IdParams,
        body: Type.Partial(GeographyBody, strict),
        response: { 200: GeographySchema },
      },
    },
    async (request) => changed(await updateGeography(ctx(request), request.params.id, request.body)),
  );

  app.delete(
    '/geographies/:id',
    {
      config: { access: manage },
      schema: { operationId: 'deleteGeography', tags, params: IdParams, response: { 200: Ok } },
    },
    async (request) => {
      await deleteGeography(ctx(request), request.params.id);
      return changed({ ok: true });
    },
  );
};
