import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';
import { type CapturedQuery, prepared } from './sql-capture.js';

/** The baseline: Fastify with no plugins, one route answering a small JSON body. */
export async function startBare(): Promise<{ app: FastifyInstance; url: string }> {
  const app = Fastify({ logger: false });
  app.get('/', async () => ({ status: 'ok', version: '0.1.0' }));
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, url: `${address}/` };
}

/**
 * The baseline for a read by id: Fastify with no plugins and one route,
 * GET /:id, that runs the given SQL with plain `pg` (no session, no
 * permission, no ORM) and answers the rows. `stagesFor` says what to run for
 * an id: stages one after the other, the queries of a stage at once, as the
 * handler it stands for does them.
 */
export async function startBareSql(
  databaseUrl: string,
  poolSize: number,
  stagesFor: (id: number) => CapturedQuery[][],
): Promise<{ url: string; close(): Promise<void> }> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize, options: '-c TimeZone=UTC' });
  const app = Fastify({ logger: false });
  app.get<{ Params: { id: string } }>('/:id', async (request, reply) => {
    const answers: unknown[][] = [];
    for (const stage of stagesFor(Number(request.params.id))) {
      const results = await Promise.all(stage.map((query) => pool.query(prepared(query))));
      // The first stage finds the record: nothing there reads as 404, as in the app.
      if (answers.length === 0 && results[0]?.rowCount === 0) return reply.status(404).send({ error: 'not found' });
      answers.push(...results.map((result) => result.rows));
    }
    return answers;
  });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url: address,
    async close() {
      await app.close();
      await pool.end();
    },
  };
}
