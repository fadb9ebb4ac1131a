import { eq, sql } from 'drizzle-orm';
import { alias, bigint, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/helpers.js';
import type { Database } from './database.js';
import { setPlaceholdersFor, statement, statementPerNames } from './statement.js';

const items = pgTable('statement_test_items', {
  id: bigint('id', { mode: 'number' }).primaryKey(),
  name: text('name').notNull(),
  data: jsonb('data').$type<{ tags: string[] }>(),
  at: timestamp('at', { withTimezone: true }),
  parentId: bigint('parent_id', { mode: 'number' }),
});
const parent = alias(items, 'parent');

let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
  await database.db.execute(
    sql`CREATE TABLE statement_test_items (id bigint PRIMARY KEY, name text NOT NULL, data jsonb, at timestamptz, parent_id bigint)`,
  );
});
afterAll(() => database.close());

const insertItem = statement<
  { id: number; name: string; data: { tags: string[] } | null; at: Date | null; parentId: number | null },
  unknown
>((db, param) =>
  db
    .insert(items)
    .values({ id: param('id'), name: param('name'), data: param('data'), at: param('at'), parentId: param('parentId') })
    .returning(),
);

const itemWithParent = statement<
  { id: number },
  { id: number; name: string; data: unknown; at: Date | null; parent: { name: string } | null }[]
>((db, param) =>
  db
    .select({ id: items.id, name: items.name, data: items.data, at: items.at, parent: { name: parent.name } })
    .from(items)
    .leftJoin(parent, eq(parent.id, items.parentId))
    .where(eq(items.id, param('id'))),
);

const updateItem = statementPerNames<{ id: number; name?: string; data?: { tags: string[] } | null; at?: Date | null }, { id: number }[]>(
  (db, names, param) =>
    db
      .update(items)
      .set(
        setPlaceholdersFor(
          names.filter((name) => name !== 'id'),
          param,
        ),
      )
      .where(eq(items.id, param('id')))
      .returning({ id: items.id }),
);

describe('statements rendered once and run with new values', () => {
  it('encodes values like the builder (jsonb, timestamps) and maps rows like it, left joins included', async () => {
    const at = new Date('2026-11-23T08:00:00.123Z');
    await insertItem(database.db, { id: 1, name: '华东', data: { tags: ['a'] }, at, parentId: null });
    await insertItem(database.db, { id: 2, name: '上海', data: { tags: ['b', 'c'] }, at, parentId: 1 });
    expect(await itemWithParent(database.db, { id: 2 })).toEqual([
      { id: 2, name: '上海', data: { tags: ['b', 'c'] }, at, parent: { name: '华东' } },
    ]);
    // Nothing joined: the nested object is null, not an object of nulls.
    expect(await itemWithParent(database.db, { id: 1 })).toEqual([{ id: 1, name: '华东', data: { tags: ['a'] }, at, parent: null }]);
    expect(await itemWithParent(database.db, { id: 99 })).toEqual([]);
  });

  it('sends null as SQL NULL, not as JSON null or a failed date', async () => {
    await insertItem(database.db, { id: 4, name: '宁波', data: null, at: null, parentId: null });
    const [row] = await database.db
      .execute(sql`SELECT data IS NULL AS no_data, at IS NULL AS no_at FROM statement_test_items WHERE id = 4`)
      .then((result) => (result as unknown as { rows: { no_data: boolean; no_at: boolean }[] }).rows);
    expect(row).toEqual({ no_data: true, no_at: true });
  });

  it('updates by the names given, one statement per set of names', async () => {
    const at = new Date('2026-11-24T00:00:00.000Z');
    expect(await updateItem(database.db, { id: 4, data: { tags: ['x'] }, at })).toEqual([{ id: 4 }]);
    expect(await updateItem(database.db, { id: 4, name: '温州', at: undefined })).toEqual([{ id: 4 }]);
    expect(await itemWithParent(database.db, { id: 4 })).toEqual([{ id: 4, name: '温州', data: { tags: ['x'] }, at, parent: null }]);
    await updateItem(database.db, { id: 4, data: null, at: null });
    expect(await itemWithParent(database.db, { id: 4 })).toEqual([{ id: 4, name: '温州', data: null, at: null, parent: null }]);
  });

  it('runs inside a transaction and sees its uncommitted rows; a rollback leaves nothing', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await insertItem(tx, { id: 3, name: '杭州', data: { tags: [] }, at: new Date(), parentId: 1 });
        expect((await itemWithParent(tx, { id: 3 }))[0]?.parent).toEqual({ name: '华东' });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await itemWithParent(database.db, { id: 3 })).toEqual([]);
  });
});
