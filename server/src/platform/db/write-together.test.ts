import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/helpers.js';
import type { Database } from './database.js';
import { selectRows } from './raw.js';
import { writeTogether } from './write-together.js';

let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
  await database.db.execute(sql`CREATE TABLE together_a (id serial PRIMARY KEY, note text NOT NULL)`);
  await database.db.execute(sql`CREATE TABLE together_b (id serial PRIMARY KEY, note text NOT NULL)`);
});
afterAll(() => database.close());

const notes = async (table: 'together_a' | 'together_b') =>
  (await selectRows<{ note: string }>(database.db, sql`SELECT note FROM ${sql.raw(table)} ORDER BY id`)).map((row) => row.note);

describe('independent inserts written as one statement', () => {
  it('writes every part, skips the empty ones, and does nothing when all are empty', async () => {
    await writeTogether(database.db, [
      sql`INSERT INTO together_a (note) VALUES (${'一'}), (${'二'})`,
      null,
      sql`INSERT INTO together_b (note) VALUES (${'三'})`,
    ]);
    await writeTogether(database.db, [null, sql`INSERT INTO together_a (note) VALUES (${'四'})`]);
    await writeTogether(database.db, [null, null]);
    expect(await notes('together_a')).toEqual(['一', '二', '四']);
    expect(await notes('together_b')).toEqual(['三']);
  });

  it('is all or nothing: a failing part leaves no row of the others', async () => {
    await expect(
      writeTogether(database.db, [sql`INSERT INTO together_b (note) VALUES (${'五'})`, sql`INSERT INTO together_a (note) VALUES (NULL)`]),
    ).rejects.toThrow();
    expect(await notes('together_b')).toEqual(['三']);
  });
});
