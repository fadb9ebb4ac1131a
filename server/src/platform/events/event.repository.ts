import { and, asc, eq, notExists, sql } from 'drizzle-orm';
import type { Executor } from '../db/database.js';
import type { DomainEvent } from './event.registry.js';
import { domainEvents, eventDeliveries } from './events.schema.js';

export async function insertEvent(tx: Executor, type: string, payload: Record<string, unknown>): Promise<number> {
  const [row] = await tx.insert(domainEvents).values({ type, payload }).returning({ id: domainEvents.id });
  if (!row) throw new Error('insert returned no row');
  return row.id;
}

/** Events of a type that this consumer has not handled yet, oldest first (type index + delivery primary key). */
export function listUndelivered(db: Executor, type: string, consumer: string, limit: number): Promise<DomainEvent[]> {
  return db
    .select({ id: domainEvents.id, type: domainEvents.type, payload: domainEvents.payload, createdAt: domainEvents.createdAt })
    .from(domainEvents)
    .where(
      and(
        eq(domainEvents.type, type),
        notExists(
          db
            .select({ one: sql`1` })
            .from(eventDeliveries)
            .where(and(eq(eventDeliveries.eventId, domainEvents.id), eq(eventDeliveries.consumer, consumer))),
        ),
      ),
    )
    .orderBy(asc(domainEvents.id))
    .limit(limit);
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
