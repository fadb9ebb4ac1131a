import type { Executor } from '../db/database.js';
import { auditLog } from './audit.schema.js';

/** Who is acting, carried from the request into every service call that writes. */
export interface Actor {
  userId: number | null;
  ip?: string | null;
  requestId?: string | null;
}

export interface AuditEntry {
  entity: string;
  entityId: string | number;
  action: string;
  before?: unknown;
  after?: unknown;
}

const hiddenKeys = new Set(['passwordHash', 'tokenHash']);

function redact(value: unknown): unknown {
  if (value === undefined || value === null || typeof value !== 'object') return value ?? null;
  if (Array.isArray(value)) return value.map(redact);
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([key]) => !hiddenKeys.has(key))
      .map(([key, inner]) => [key, inner instanceof Date ? inner.toISOString() : redact(inner)]),
  );
}

/** Writes one audit row; call it inside the transaction of the change it records. */
export function writeAudit(tx: Executor, actor: Actor, entry: AuditEntry): Promise<void> {
  return writeAudits(tx, actor, [entry]);
}

/** Several audit rows of one change in a single statement (a command that both creates and submits, say). */
export async function writeAudits(tx: Executor, actor: Actor, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.insert(auditLog).values(
    entries.map((entry) => ({
      actorUserId: actor.userId,
      entity: entry.entity,
      entityId: String(entry.entityId),
      action: entry.action,
      before: redact(entry.before) as never,
      after: redact(entry.after) as never,
      ip: actor.ip ?? null,
      requestId: actor.requestId ?? null,
    })),
  );
}
