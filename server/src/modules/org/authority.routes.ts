import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { principalOf, serviceContext } from '../../platform/http/request-context.js';
import { Nullable, StringEnum } from '../../platform/http/schemas.js';
import { authorityModes, authorityUnits } from './authority.actions.js';
import { can, getAuthorityMatrix, setAuthorityRule } from './authority.service.js';
import { ladderLevels } from './org.enums.js';
import { OrgPermissions } from './org.permissions.js';

const tags = ['org'];

const ActionKey = Type.String({ minLength: 1, maxLength: 60, description: 'An action key of the catalogue, e.g. contract.sign' });
const Amount = Type.Integer({ minimum: 0, description: 'Fen for money actions, basis points for discounts (500 = 5 %)' });

const AuthorityRule = Type.Object(
  {
    action: Type.String(),
    ladder: StringEnum(ladderLevels),
    mode: StringEnum(authorityModes),
    limitAmount: Nullable(Type.Integer()),
    isDefault: Type.Boolean({ description: 'The cell equals the catalogue default' }),
  },
  { $id: 'AuthorityRule' },
);

const AuthorityMatrix = Type.Object({
  actions: Type.Array(Type.Object({ key: Type.String(), 'zh-CN': Type.String(), en: Type.String(), unit: StringEnum(authorityUnits) })),
  rules: Type.Array(AuthorityRule),
});

const AuthorityDecision = Type.Object({
  decision: StringEnum(['allowed', 'needs-approval', 'denied']),
  ladder: Nullable(StringEnum(ladderLevels)),
  mode: Nullable(StringEnum(authorityModes)),
  limitAmount: Nullable(Type.Integer()),
});

/** Authority is read from the database on every check and not part of the cached principal, so edits need no onChange. */
export const authorityRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx = (request: FastifyRequest) => serviceContext(app, request);

  app.get(
    '/authority',
    {
      config: { access: 'authenticated' },
      schema: {
        operationId: 'getAuthorityMatrix',
        tags,
        summary: 'The authority matrix (ORG-5): every action × ladder level',
        response: { 200: AuthorityMatrix },
      },
    },
    async () => getAuthorityMatrix(app.database.db),
  );

  app.put(
    '/authority/:action/:ladder',
    {
      config: { access: OrgPermissions['authority.manage'] },
      schema: {
        operationId: 'setAuthorityRule',
        tags,
        summary: 'Change one cell of the authority matrix',
        params: Type.Object({ action: ActionKey, ladder: StringEnum(ladderLevels) }),
        body: Type.Object(
          { mode: StringEnum(authorityModes), limitAmount: Type.Optional(Nullable(Amount)) },
          { additionalProperties: false },
        ),
        response: { 200: AuthorityRule },
      },
    },
    async (request) => setAuthorityRule(ctx(request), request.params.action, request.params.ladder, request.body),
  );

  app.post(
    '/authority/check',
    {
      config: { access: 'authenticated' },
      schema: {
        operationId: 'checkAuthority',
        tags,
        summary: 'May I take this decision for this amount? allowed, needs-approval or denied',
        body: Type.Object({ action: ActionKey, amount: Type.Optional(Amount) }, { additionalProperties: false }),
        response: { 200: AuthorityDecision },
      },
    },
    async (request) => can(app.database.db, principalOf(request), request.body.action, request.body.amount),
  );
};
