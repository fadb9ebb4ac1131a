import type { OrderFlow } from './order-flow.js';

const list = (values: number[]) => `(ARRAY[${values.join(',')}]::bigint[])`;

/**
 * The order flow written by hand for pgbench: the same rows, locks and
 * check reads as the app's commands, with none of the app's extra round trips
 * (no ORM, no reading back, each step in one statement where SQL allows).
 * One script run is one order: entered and submitted (its checks read, status
 * awaiting finance), then, when `confirm`, confirmed by finance with its stock
 * reserved, each step its own transaction as in the app. Its orders carry
 * the note 'pgbench', so the app's own can be told apart afterwards.
 */
export function orderFlowScript(flow: OrderFlow, confirm: boolean): string {
  const account = `${list(flow.accounts)}[:a]`;
  const warehouse = `${list(flow.warehouses)}[:a]`;
  const sku = (k: number) => `${list(flow.skus)}[:s${k}]`;
  const quantity = (k: number) => `${list(flow.unitsPerCase)}[:s${k}] * :c${k}`;
  const lines = [1, 2, 3].map((k) => `(${k}, ${sku(k)}, ${quantity(k)})`).join(', ');
  const skuCount = flow.skus.length;
  const place = `\\set a random(1, ${flow.accounts.length})
\\set f random(0, ${skuCount - 1})
\\set s1 :f + 1
\\set s2 (:f + 1) % ${skuCount} + 1
\\set s3 (:f + 2) % ${skuCount} + 1
\\set c1 random(1, 3)
\\set c2 random(1, 3)
\\set c3 random(1, 3)
BEGIN;
SELECT id, status, kind, credit_limit_fen FROM accounts WHERE id = ${account} FOR UPDATE;
SELECT coalesce(sum(total_fen), 0) FROM orders WHERE account_id = ${account} AND paid_at IS NULL AND status IN ('confirmed', 'partially_shipped', 'shipped', 'completed');
SELECT sku_id, on_hand - reserved FROM stock_levels WHERE warehouse_id = ${warehouse} AND sku_id IN (${sku(1)}, ${sku(2)}, ${sku(3)});
INSERT INTO orders (number, account_id, entered_by, owner_user_id, geography_id, channel, warehouse_id, delivery_address_id, delivery_address, status, round, list_total_fen, discount_total_fen, total_fen, idempotency_key, submitted_at, note) SELECT 'SO' || to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYYMM') || '-' || to_char(nextval('order_number_seq'), 'FM999999999999000000'), a.id, ${flow.enteredBy}, a.owner_user_id, a.geography_id, 'field', ${warehouse}, d.id, CASE WHEN d.id IS NOT NULL THEN jsonb_build_object('province', d.province, 'city', d.city, 'address', d.address, 'receiver', d.receiver, 'receiverPhone', d.receiver_phone, 'carrier', d.carrier, 'unloadingNotes', d.unloading_notes) END, 'awaiting_finance', 1, p.total, 0, p.total, md5(random()::text), now(), 'pgbench' FROM accounts a LEFT JOIN account_addresses d ON d.account_id = a.id AND d.kind = 'delivery' AND d.is_default CROSS JOIN (SELECT sum(i.unit_price_fen * v.quantity) AS total FROM (VALUES ${lines}) AS v(line_no, sku_id, quantity) JOIN price_list_items i ON i.price_list_id = ${flow.priceListId} AND i.sku_id = v.sku_id) AS p WHERE a.id = ${account} RETURNING id AS order_id \\gset
INSERT INTO order_lines (order_id, line_no, sku_id, quantity, price_list_id, list_price_fen, unit_price_fen, floor_price_fen, discount_bp, line_total_fen) SELECT :order_id::bigint, v.line_no, v.sku_id, v.quantity, i.price_list_id, i.unit_price_fen, i.unit_price_fen, i.floor_price_fen, 0, v.quantity * i.unit_price_fen FROM (VALUES ${lines}) AS v(line_no, sku_id, quantity) JOIN price_list_items i ON i.price_list_id = ${flow.priceListId} AND i.sku_id = v.sku_id;
INSERT INTO order_events (order_id, kind, code, actor_user_id, data) VALUES (:order_id::bigint, 'created', 'draft', ${flow.enteredBy}, '{"lines": 3}'), (:order_id::bigint, 'status', 'submitted', ${flow.enteredBy}, '{"from": "draft", "round": 1}'), (:order_id::bigint, 'status', 'awaiting_finance', ${flow.enteredBy}, '{"from": "submitted"}');
INSERT INTO audit_log (actor_user_id, entity, entity_id, action, before, after) SELECT ${flow.enteredBy}, 'order', o.id::text, x.action, x.before, x.after FROM orders o CROSS JOIN LATERAL (VALUES ('create', NULL::jsonb, to_jsonb(o) || jsonb_build_object('lines', (SELECT jsonb_agg(l) FROM order_lines l WHERE l.order_id = o.id))), ('submit', '{"status": "draft", "round": 0}'::jsonb, '{"status": "awaiting_finance", "round": 1, "failedChecks": []}'::jsonb)) AS x(action, before, after) WHERE o.id = :order_id::bigint;
INSERT INTO domain_events (type, payload) VALUES ('order.submitted', jsonb_build_object('orderId', :order_id::bigint, 'status', 'awaiting_finance', 'failedChecks', '[]'::jsonb));
COMMIT;
`;
  if (!confirm) return place;
  return `${place}BEGIN;
SELECT id, status, warehouse_id FROM orders WHERE id = :order_id::bigint FOR UPDATE;
SELECT sku_id, on_hand, reserved FROM stock_levels WHERE warehouse_id = ${warehouse} AND sku_id IN (SELECT sku_id FROM order_lines WHERE order_id = :order_id::bigint) ORDER BY sku_id FOR UPDATE;
INSERT INTO stock_movements (warehouse_id, sku_id, kind, on_hand_delta, reserved_delta, order_id, user_id) SELECT ${warehouse}, sku_id, 'reservation', 0, quantity, :order_id::bigint, ${flow.confirmedBy} FROM order_lines WHERE order_id = :order_id::bigint;
UPDATE stock_levels s SET reserved = s.reserved + l.quantity, updated_at = now() FROM order_lines l WHERE l.order_id = :order_id::bigint AND s.warehouse_id = ${warehouse} AND s.sku_id = l.sku_id;
UPDATE orders SET status = 'confirmed', confirmed_at = now(), confirmed_by = ${flow.confirmedBy}, updated_at = now() WHERE id = :order_id::bigint;
INSERT INTO order_events (order_id, kind, code, actor_user_id, data) VALUES (:order_id::bigint, 'reservation', 'reserved', ${flow.confirmedBy}, '{}'), (:order_id::bigint, 'status', 'confirmed', ${flow.confirmedBy}, '{"from": "awaiting_finance"}');
INSERT INTO audit_log (actor_user_id, entity, entity_id, action, before, after) SELECT ${flow.confirmedBy}, 'order', o.id::text, 'confirm', '{"status": "awaiting_finance"}', to_jsonb(o) FROM orders o WHERE o.id = :order_id::bigint;
INSERT INTO domain_events (type, payload) VALUES ('order.confirmed', jsonb_build_object('orderId', :order_id::bigint, 'warehouseId', ${warehouse}));
COMMIT;
`;
}
