import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/helpers.js';
import type { Database } from './database.js';
import { paddedNextval } from './numbering.js';
import { selectRows } from './raw.js';

let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
  await database.db.execute(sql`CREATE SEQUENCE numbering_test_seq`);
});
afterAll(() => database.close());

const next = async () => (await selectRows<{ n: string }>(database.db, sql`SELECT ${paddedNextval('numbering_test_seq')} AS n`))[0]?.n;

describe('document numbers from sequences (order, shipment and account numbers)', () => {
  it('pads to six digits', async () => {
    expect(await next()).toBe('000001');
  });

  it('keeps every digit past a million instead of cutting the number short', async () => {
    await database.db.execute(sql`SELECT setval('numbering_test_seq', 999999)`);
    expect(await next()).toBe('1000000');
    expect(await next()).toBe('1000001');
  });
});
