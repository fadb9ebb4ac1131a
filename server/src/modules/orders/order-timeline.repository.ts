import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { selectRows } from '../../platform/db/raw.js';
import type { OrderEventKind } from './order.enums.js';

export interface TimelineEntry {
  at: Date;
  source: 'order' | 'approval';
  kind: OrderEventKind | 'approval_action';
  code: string;
  actorUserId: number | null;
  actorName: string | null;
  data: Record<string, unknown>;
}

/**
 * OSB-10: one chronological list for an order: its own events (states,
 * checks, reservations, shipments, tracking) and every action taken on the
 * approvals its checks opened, in one query.
 */
export async function orderTimeline(db: Executor, orderId: number): Promise<TimelineEntry[]> {
  const rows = await selectRows<{
    at: Date | string;
    source: 'order' | 'approval';
    kind: OrderEventKind | 'approval_action';
    code: string;
    actor_user_id: string | number | null;
    actor_name: string | null;
    data: Record<string, unknown> | string;
    seq: string | number;
  }>(
    db,
    sql`SELECT e.at, 'order' AS source, e.kind, e.code, e.actor_user_id, u.display_name AS actor_name, e.data, e.id AS seq
        FROM order_events e LEFT JOIN users u ON u.id = e.actor_user_id
        WHERE e.order_id = ${orderId}
      UNION ALL
      SELECT a.at, 'approval', 'approval_action', a.action, a.actor_id, u.display_name,
        jsonb_build_object('approvalId', a.approval_id, 'check', c.kind, 'round', a.round, 'comment', a.comment), a.id
        FROM order_checks c JOIN approval_actions a ON a.approval_id = c.approval_id LEFT JOIN users u ON u.id = a.actor_id
        WHERE c.order_id = ${orderId}
      ORDER BY at, source DESC, seq`,
  );
  return rows.map((row) => ({
    at: new Date(row.at),
    source: row.source,
    kind: row.kind,
    code: row.code,
    actorUserId: row.actor_user_id === null ? null : Number(row.actor_user_id),
    actorName: row.actor_name,
    data: typeof row.data === 'string' ? JSON.parse(row.data) : row.data,
  }));
}
