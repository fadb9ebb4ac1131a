import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { selectRows } from '../db/raw.js';
import { notify } from './index.js';

let t: TestApp;
let amId: number;

beforeAll(async () => {
  t = await createTestApp();
  const [row] = await selectRows<{ id: number }>(t.database.db, sql`SELECT id FROM users WHERE username = 'am-huadong-1'`);
  amId = Number(row?.id);
  // The demo company already notifies people (approvals waiting); the test counts only its own.
  await t.database.db.execute(
    sql`DELETE FROM notifications WHERE user_id IN (SELECT id FROM users WHERE username IN ('am-huadong-1', 'rep-huadong-1'))`,
  );
  await t.database.db.transaction((tx) =>
    notify(tx, [
      { userId: amId, kind: 'test.first', title: { 'zh-CN': '第一条', en: 'First' }, link: '/a' },
      { userId: amId, kind: 'test.second', title: { 'zh-CN': '第二条', en: 'Second' }, link: null },
    ]),
  );
});
afterAll(() => t.close());

const list = (username: string, query = '', locale = 'zh-CN') =>
  t.as(username, { method: 'GET', url: `/api/notifications${query}`, headers: { 'accept-language': locale } });

describe('notifications (platform/notifications)', () => {
  it('lists my notifications newest first in my language, with the unread count', async () => {
    const zh = (await list('am-huadong-1')).json();
    expect(zh).toMatchObject({ total: 2, unread: 2 });
    expect(zh.items.map((n: { title: string }) => n.title)).toEqual(['第二条', '第一条']);
    const en = (await list('am-huadong-1', '?limit=1', 'en')).json();
    expect(en.items).toEqual([expect.objectContaining({ kind: 'test.second', title: 'Second', link: null, readAt: null })]);
    expect((await list('rep-huadong-1')).json()).toMatchObject({ total: 0, unread: 0, items: [] });
  });

  it('marks one read, with an audit row; somebody else’s reads as not found', async () => {
    const [first] = (await list('am-huadong-1', '?unread=true')).json().items as { id: number }[];
    const other = await t.as('rep-huadong-1', { method: 'POST', url: `/api/notifications/${first?.id}/read` });
    expect(other.statusCode).toBe(404);
    const mine = await t.as('am-huadong-1', { method: 'POST', url: `/api/notifications/${first?.id}/read` });
    expect(mine.statusCode).toBe(200);
    expect((await list('am-huadong-1')).json()).toMatchObject({ total: 2, unread: 1 });
    expect((await list('am-huadong-1', '?unread=true')).json().total).toBe(1);
    const [audit] = await selectRows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'notification' AND entity_id = ${String(first?.id)}`,
    );
    expect(audit?.n).toBe(1);
  });
});
