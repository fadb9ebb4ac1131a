import Fastify from 'fastify';
import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import { Nullable, requestValidatorOptions, StringEnum } from './schemas.js';

async function echo(body: Record<string, unknown>) {
  const app = Fastify({ ajv: { customOptions: requestValidatorOptions } });
  const schema = Type.Object({
    amount: Nullable(Type.Integer({ minimum: 0 })),
    note: Nullable(Type.String()),
    flag: Nullable(Type.Boolean()),
    kind: Nullable(StringEnum(['a', 'b'] as const)),
    nested: Nullable(Type.Object({ x: Type.Integer() })),
  });
  app.post('/echo', { schema: { body: schema } }, async (request) => request.body);
  const response = await app.inject({ method: 'POST', url: '/echo', payload: body });
  await app.close();
  return response;
}

describe('Nullable under the coercing request validator', () => {
  it('keeps null as null instead of coercing it to 0, empty text or false', async () => {
    const response = await echo({ amount: null, note: null, flag: null, kind: null, nested: null });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ amount: null, note: null, flag: null, kind: null, nested: null });
  });

  it('keeps real values, including 0, empty text and false', async () => {
    const body = { amount: 0, note: '', flag: false, kind: 'b', nested: { x: 1 } };
    const response = await echo(body);
    expect(response.json()).toEqual(body);
  });

  it('still rejects values outside the schema', async () => {
    expect((await echo({ amount: -1, note: null, flag: null, kind: null, nested: null })).statusCode).toBe(400);
    expect((await echo({ amount: null, note: null, flag: null, kind: 'c', nested: null })).statusCode).toBe(400);
  });
});
