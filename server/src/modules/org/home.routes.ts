import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { serviceContext } from '../../platform/http/request-context.js';
import { Nullable, StringEnum } from '../../platform/http/schemas.js';
import { getMyHome } from './home.service.js';
import { geographyKinds, ladderLevels } from './org.enums.js';
import { PendingPolicy } from './policy.routes.js';

const tags = ['org'];

const Holder = Type.Object({ id: Type.Integer(), displayName: Type.String() });
const PositionWithHolders = Type.Object({
  positionId: Type.Integer(),
  positionName: Type.String(),
  ladder: StringEnum(ladderLevels),
  users: Type.Array(Holder, { description: 'Active holders of the position' }),
});
const GeographyRef = Type.Object({ id: Type.Integer(), name: Type.String(), kind: StringEnum(geographyKinds) });

const Home = Type.Object(
  {
    user: Type.Object({ id: Type.Integer(), username: Type.String(), displayName: Type.String() }),
    position: Nullable(
      Type.Object({
        id: Type.Integer(),
        name: Type.String(),
        ladder: StringEnum(ladderLevels),
        departmentName: Type.String(),
        duties: Type.String(),
      }),
    ),
    superiors: Type.Array(PositionWithHolders, { description: 'From the direct superior up to the top' }),
    subordinates: Type.Array(PositionWithHolders, { description: 'Positions reporting directly to mine' }),
    geography: Nullable(Type.Object({ ...GeographyRef.properties, parentName: Nullable(Type.String()) })),
    ownedGeographies: Type.Array(GeographyRef),
    pendingPolicies: Type.Array(PendingPolicy),
  },
  { $id: 'MyHome' },
);

export const homeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/me/home',
    {
      config: { access: 'authenticated' },
      schema: {
        operationId: 'getMyHome',
        tags,
        summary: 'My position, reporting line, direct reports, geography and policies waiting for my acknowledgement',
        response: { 200: Home },
      },
    },
    async (request) => getMyHome(serviceContext(app, request)),
  );
};
