import Fastify, { type FastifyInstance } from 'fastify';

/** The baseline: Fastify with no plugins, one route answering a small JSON body. */
export async function startBare(): Promise<{ app: FastifyInstance; url: string }> {
  const app = Fastify({ logger: false });
  app.get('/', async () => ({ status: 'ok', version: '0.1.0' }));
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, url: `${address}/` };
}
