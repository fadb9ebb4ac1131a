import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../server/src/platform/db/database.js';
import { selectRows } from '../../server/src/platform/db/raw.js';

/** A well-spread pseudo-random integer in [0, modulo) for order n: the same on every run, independent per salt. */
const pick = (n: SQL, salt: number, modulo: number | SQL) => sql`((hashint8extended(${n}, ${salt}) & 2147483647) % ${modulo})`;

/**
 * Every active SKU with its national list price (the active list for every
 * kind and region), as arrays indexed by slot + 1: a line looks its SKU up
 * in O(1) instead of joining per row.
 */
const sellable = sql`sellable AS (
  SELECT array_agg(id ORDER BY id) AS ids, array_agg(units_per_case ORDER BY id) AS per_case, array_agg(min_qty ORDER BY id) AS min_qty,
    array_agg(price_list_id ORDER BY id) AS list_ids, array_agg(unit_price_fen ORDER BY id) AS list_price,
    array_agg(floor_price_fen ORDER BY id) AS floor_price, count(*) AS total
  FROM (SELECT DISTINCT ON (s.id) s.id, s.units_per_case, coalesce(s.min_order_quantity, 1) AS min_qty, i.price_list_id, i.unit_price_fen, i.floor_price_fen
        FROM skus s JOIN price_list_items i ON i.sku_id = s.id JOIN price_lists l ON l.id = i.price_list_id
        WHERE s.status = 'active' AND l.status = 'active' AND l.account_kind IS NULL AND l.geography_id IS NULL
        ORDER BY s.id, l.priority DESC, l.valid_from DESC) AS priced)`;

/**
 * The lines of order n (1 to 5, three on average): distinct SKUs seven slots
 * apart, one to six cases, a quarter of the orders 1–4 % off the list price
 * but never below the floor. Both the order totals and the line rows come
 * from this one definition, so they agree.
 */
const linesOf = (n: SQL) => sql`(
  SELECT k AS line_no, sellable.ids[s + 1] AS sku_id, sellable.list_ids[s + 1] AS price_list_id,
    sellable.list_price[s + 1] AS list_price_fen, sellable.floor_price[s + 1] AS floor_price_fen,
    greatest(sellable.min_qty[s + 1], sellable.per_case[s + 1] * (1 + ${pick(n, 3, 6)} + k % 2)) AS quantity,
    CASE WHEN ${pick(n, 4, 4)} = 0
      THEN greatest(sellable.floor_price[s + 1], sellable.list_price[s + 1] * (99 - ${pick(n, 5, 4)}) / 100)
      ELSE sellable.list_price[s + 1] END AS unit_price_fen
  FROM generate_series(1, 1 + ${pick(n, 2, 5)}::int) AS k
  CROSS JOIN LATERAL (SELECT ((${pick(n, 1, sql`sellable.total`)} + k * 7) % sellable.total)::int AS s) AS slot)`;

/**
 * The warehouse the orders of account `a` ship from: the active one serving
 * its territory, region or market (most specific first), else the central one.
 */
export const shipsFrom = sql`coalesce(
  (SELECT w.id FROM geographies t LEFT JOIN geographies r ON r.id = t.parent_id LEFT JOIN geographies m ON m.id = r.parent_id
     JOIN warehouses w ON w.active AND w.geography_id IN (t.id, r.id, m.id)
   WHERE t.id = a.geography_id ORDER BY CASE w.geography_id WHEN t.id THEN 0 WHEN r.id THEN 1 ELSE 2 END, w.id LIMIT 1),
  (SELECT w.id FROM warehouses w WHERE w.active AND w.kind = 'central' ORDER BY w.id LIMIT 1))`;

/**
 * The state an order of this age is in, as the demo history has it: old ones
 * mostly done or cancelled, the last week spread over the whole flow.
 */
const statusOf = (age: SQL, roll: SQL) => sql`CASE
  WHEN ${age} > 30 THEN CASE WHEN ${roll} < 78 THEN 'completed' WHEN ${roll} < 90 THEN 'cancelled' ELSE 'shipped' END
  WHEN ${age} > 7 THEN CASE WHEN ${roll} < 40 THEN 'completed' WHEN ${roll} < 60 THEN 'shipped' WHEN ${roll} < 70 THEN 'partially_shipped'
    WHEN ${roll} < 80 THEN 'confirmed' WHEN ${roll} < 90 THEN 'cancelled' ELSE 'awaiting_finance' END
  ELSE CASE WHEN ${roll} < 15 THEN 'draft' WHEN ${roll} < 40 THEN 'awaiting_finance' WHEN ${roll} < 65 THEN 'confirmed'
    WHEN ${roll} < 75 THEN 'partially_shipped' WHEN ${roll} < 85 THEN 'shipped' ELSE 'cancelled' END
  END`;

export interface OrderHistory {
  orders: number;
  lines: number;
  days: number;
}

/**
 * `count` orders over the last `days` days (ids rise with time, as entry would
 * leave them), each sold to one of the active accounts, so owners and
 * territories follow the accounts' spread; the shipping warehouse is the one
 * serving the account's territory, region or market, else the central one.
 * Two INSERT … SELECT statements (orders, then their lines), no round trip per
 * row. Numbers continue the order counter, which is moved past them. Only
 * orders and lines: the history's timelines, audit rows and shipments are
 * left out, as nothing measured reads them.
 */
export async function loadOrderHistory(db: Db, count: number, days = 200): Promise<OrderHistory> {
  const [before] = await selectRows<{ last_id: string | number; counter: string | number; ssg: string | number; finance: string | number }>(
    db,
    sql`SELECT coalesce((SELECT max(id) FROM orders), 0) AS last_id, (SELECT last_value FROM order_number_seq) AS counter,
      (SELECT id FROM users WHERE username = 'ssg') AS ssg, (SELECT id FROM users WHERE username = 'finance') AS finance`,
  );
  if (!before?.ssg || !before.finance) throw new Error('the demo company (ssg, finance) is missing');
  const lastId = Number(before.last_id);
  const counter = Number(before.counter);
  const n = sql.raw('g.n');
  const orderN = sql`(split_part(o.number, '-', 2)::bigint - ${counter})`;
  await db.transaction(async (tx) => {
    // The plans are simple but costed high: JIT would spend seconds compiling them, and sorts should stay in memory.
    await tx.execute(sql`SET LOCAL jit = off`);
    await tx.execute(sql`SET LOCAL work_mem = '1GB'`);
    // Every generated row points at rows that exist, so a role that may skips the per-row foreign-key triggers (half
    // the load time), as pg_restore --disable-triggers does; the queries measured later are not affected.
    const [role] = await selectRows<{ rolsuper: boolean }>(tx, sql`SELECT rolsuper FROM pg_roles WHERE rolname = current_user`);
    if (role?.rolsuper) await tx.execute(sql`SET LOCAL session_replication_role = replica`);
    await tx.execute(sql`
    WITH ${sellable},
    buyer AS (
      SELECT a.id, a.owner_user_id, a.geography_id, a.province, a.city, a.address, ${shipsFrom} AS warehouse_id,
        row_number() OVER (ORDER BY a.id) - 1 AS slot
      FROM accounts a WHERE a.status = 'active' AND a.geography_id IS NOT NULL),
    g AS (
      SELECT n, now() - make_interval(secs => (${count} - n) * ${days * 86_400}::float8 / ${count}) AS created_at,
        (${count} - n) * ${days}::float8 / ${count} AS age, ${pick(n, 6, 100)} AS roll,
        ${pick(n, 9, sql`(SELECT count(*) FROM buyer)`)} AS buyer_slot
      FROM generate_series(1, ${count}::bigint) AS g(n)),
    placed AS (
      SELECT g.n, g.created_at, ${statusOf(sql.raw('g.age'), sql.raw('g.roll'))} AS status, b.*,
        CASE WHEN b.owner_user_id IS NULL OR ${pick(n, 7, 10)} < 3 THEN ${before.ssg}::bigint ELSE b.owner_user_id END AS entered_by,
        t.list_total, t.total, ${pick(n, 8, 100)} AS paid_roll
      FROM g CROSS JOIN sellable
      JOIN buyer b ON b.slot = g.buyer_slot
      CROSS JOIN LATERAL (SELECT sum(l.quantity * l.list_price_fen) AS list_total, sum(l.quantity * l.unit_price_fen) AS total FROM ${linesOf(n)} AS l) AS t)
    INSERT INTO orders (number, account_id, entered_by, owner_user_id, geography_id, channel, warehouse_id, requested_delivery_date,
      delivery_address, status, round, list_total_fen, discount_total_fen, total_fen, cancel_reason, submitted_at, confirmed_at, confirmed_by,
      paid_at, shipped_at, completed_at, cancelled_at, created_at, updated_at)
    SELECT 'SO' || to_char(created_at AT TIME ZONE 'Asia/Shanghai', 'YYYYMM') || '-' || to_char(${counter} + n, 'FM999999999999000000'),
      id, entered_by, owner_user_id, geography_id, CASE WHEN entered_by = ${before.ssg} THEN 'phone' ELSE 'field' END, warehouse_id,
      ((created_at AT TIME ZONE 'Asia/Shanghai') + interval '2 days')::date,
      jsonb_build_object('province', province, 'city', city, 'address', coalesce(address, coalesce(city, '') || '中山路' || n % 999 || '号'),
        'receiver', NULL, 'receiverPhone', NULL, 'carrier', NULL, 'unloadingNotes', NULL),
      status, CASE WHEN status = 'draft' THEN 0 ELSE 1 END, list_total, list_total - total, total,
      CASE WHEN status = 'cancelled' THEN '客户改期，重新下单' END,
      CASE WHEN status <> 'draft' THEN created_at + interval '5 minutes' END,
      CASE WHEN status IN ('confirmed', 'partially_shipped', 'shipped', 'completed') THEN created_at + interval '3 hours' END,
      CASE WHEN status IN ('confirmed', 'partially_shipped', 'shipped', 'completed') THEN ${before.finance}::bigint END,
      CASE WHEN (status = 'completed' AND paid_roll < 90) OR (status = 'shipped' AND paid_roll < 40) OR (status = 'confirmed' AND paid_roll < 10)
        THEN least(now(), created_at + interval '2 days') END,
      CASE WHEN status IN ('shipped', 'completed') THEN least(now(), created_at + interval '1 day') END,
      CASE WHEN status = 'completed' THEN least(now(), created_at + interval '3 days') END,
      CASE WHEN status = 'cancelled' THEN least(now(), created_at + interval '1 day') END,
      created_at, least(now(), created_at + interval '3 days')
    FROM placed ORDER BY n`);
    await tx.execute(sql`
    WITH ${sellable}
    INSERT INTO order_lines (order_id, line_no, sku_id, quantity, shipped_quantity, price_list_id, list_price_fen, unit_price_fen,
      floor_price_fen, discount_bp, line_total_fen)
    SELECT o.id, l.line_no, l.sku_id, l.quantity, CASE WHEN o.status IN ('shipped', 'completed') THEN l.quantity ELSE 0 END,
      l.price_list_id, l.list_price_fen, l.unit_price_fen, l.floor_price_fen,
      CASE WHEN l.list_price_fen > l.unit_price_fen THEN ((l.list_price_fen - l.unit_price_fen) * 10000 + l.list_price_fen - 1) / l.list_price_fen ELSE 0 END,
      l.quantity * l.unit_price_fen
    FROM orders o CROSS JOIN sellable CROSS JOIN LATERAL ${linesOf(orderN)} AS l
    WHERE o.id > ${lastId}`);
    await tx.execute(sql`SELECT setval('order_number_seq', ${counter + count})`);
  });
  const [loaded] = await selectRows<{ orders: string | number; lines: string | number }>(
    db,
    sql`SELECT (SELECT count(*) FROM orders WHERE id > ${lastId}) AS orders,
      (SELECT count(*) FROM order_lines WHERE order_id > ${lastId}) AS lines`,
  );
  return { orders: Number(loaded?.orders), lines: Number(loaded?.lines), days };
}
