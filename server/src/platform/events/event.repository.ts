import { sql } from 'drizzle-orm';
import type { Executor } from '../db/database.js';
import { selectRows } from '../db/raw.js';
import type { DomainEvent } from './event.registry.js';
import { domainEvents, eventDeliveries } from './events.schema.js';

export async function insertEvent(tx: Executor, type: string, payload: Record<string, unknown>): Promise<number> {
  const [row] = await tx.insert(domainEvents).values({ type, payload }).returning({ id: domainEvents.id });
  if (!row) throw new Error('insert returned no row');
  return row.id;
}

export interface Wanted {
  type: string;
  consumer: string;
}

/**
 * For every (type, consumer) pair, the events of that type the consumer has not handled yet, oldest first and at
 * most `limit` each, in one query (one range of the type and creation index per pair, probing the delivery primary
 * key): a dispatch pass costs one round trip however many subscriptions there are. `recentOnly` reads the last day
 * only (by the database clock), so a regular pass does not grow with the history; a pass over everything catches
 * the rest.
 */
export async function listUndelivered(
  db: Executor,
  wanted: Wanted[],
  limit: number,
  recentOnly = false,
): Promise<(DomainEvent & Wanted)[]> {
  if (wanted.length === 0) return [];
  const pairs = sql.join(
    wanted.map((w) => sql`(${w.type}, ${w.consumer})`),
    sql`, `,
  );
  const recent = recentOnly ? sql`AND e.created_at > now() - interval '1 day'` : sql``;
  const rows = await selectRows<{
    id: string | number;
    type: string;
    consumer: string;
    payload: Record<string, unknown>;
    created_at: Date | string;
  }>(
    db,
    sql`SELECT e.id, s.type, s.consumer, e.payload, e.created_at
      FROM (VALUES ${pairs}) AS s(type, consumer)
      CROSS JOIN LATERAL (
        SELECT e.id, e.payload, e.created_at FROM ${domainEvents} e
        WHERE e.type = s.type ${recent}
          AND NOT EXISTS (SELECT 1 FROM ${eventDeliveries} d WHERE d.event_id = e.id AND d.consumer = s.consumer)
        ORDER BY e.created_at, e.id
        LIMIT ${limit}) e
      ORDER BY e.id`,
  );
  return rows.map((row) => ({
    id: Number(row.id),
    type: row.type,
    consumer: row.consumer,
    payload: row.payload,
    createdAt: new Date(row.created_at),
  }));
}

/**
 * Marks the delivery; false when it already exists. Under concurrency the
 * second insert waits for the first transaction and then inserts nothing.
 */
export async function markDelivered(tx: Executor, eventId: number, consumer: string): Promise<boolean> {
  const rows = await tx
    .insert(eventDeliveries)
    .values({ eventId, consumer })
    .onConflictDoNothing()
    .returning({ eventId: eventDeliveries.eventId });
  return rows.length > 0;
}
