import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql } from 'drizzle-orm';
import { Type } from 'typebox';
import { allPermissions } from '../access/permissions.js';

const version = process.env.npm_package_version ?? '0.1.0';

/**
 * Load balancers poll health many times a second; one database probe per
 * second answers them all, and an outage still shows within that second.
 */
const probeEveryMs = 1_000;

function databaseProbe(check: () => Promise<unknown>) {
  let last: { at: number; reachable: Promise<boolean> } | null = null;
  return () => {
    if (!last || Date.now() - last.at >= probeEveryMs) {
      last = {
        at: Date.now(),
        reachable: check().then(
          () => true,
          () => false,
        ),
      };
    }
    return last.reachable;
  };
}

export const platformRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const databaseReachable = databaseProbe(() => app.database.db.execute(sql`select 1`));

  app.get(
    '/health',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'health',
        tags: ['platform'],
        summary: 'Liveness and database reachability',
        response: {
          200: Type.Object({
            status: Type.Literal('ok'),
            version: Type.String(),
            database: Type.Object({ kind: Type.String(), reachable: Type.Boolean() }),
          }),
          503: Type.Object({
            status: Type.Literal('degraded'),
            version: Type.String(),
            database: Type.Object({ kind: Type.String(), reachable: Type.Boolean() }),
          }),
        },
      },
    },
    async (_request, reply) => {
      const kind = app.database.kind;
      if (await databaseReachable()) return { status: 'ok' as const, version, database: { kind, reachable: true } };
      return reply.status(503).send({ status: 'degraded' as const, version, database: { kind, reachable: false } });
    },
  );

  app.get(
    '/permissions',
    {
      config: { access: 'authenticated' },
      schema: {
        operationId: 'listPermissions',
        tags: ['platform'],
        summary: 'Every permission key a position can be granted',
        response: {
          200: Type.Array(Type.Object({ key: Type.String(), module: Type.String(), 'zh-CN': Type.String(), en: Type.String() })),
        },
      },
    },
    async () => allPermissions(),
  );
};
