import { type Actor, type AuditEntry, auditInsert } from '../../platform/audit/audit.js';
import type { Tx } from '../../platform/db/database.js';
import { writeTogether } from '../../platform/db/write-together.js';
import { type NewOrderEvent, orderEventsInsert } from './order.repository.js';

/**
 * The timeline entries (OSB-10) and audit rows one order command records,
 * gathered while it runs and written at its end in one statement: an
 * order entered and submitted at once has three timeline entries and two
 * audit rows, and every round trip inside its transaction holds its locks longer.
 */
export function orderChangeLog(tx: Tx, actor: Actor) {
  const events: NewOrderEvent[] = [];
  const audits: AuditEntry[] = [];
  return {
    event(orderId: number, kind: NewOrderEvent['kind'], code: string, data: Record<string, unknown> = {}) {
      events.push({ orderId, kind, code, actorUserId: actor.userId, data });
    },
    audit(entry: AuditEntry) {
      audits.push(entry);
    },
    /** Call once, last thing before the transaction ends. */
    async write() {
      await writeTogether(tx, [orderEventsInsert(events.splice(0)), auditInsert(actor, audits.splice(0))]);
    },
  };
}

export type OrderChangeLog = ReturnType<typeof orderChangeLog>;
