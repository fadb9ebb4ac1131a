import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../db/database.js';
import { writeTogether } from '../db/write-together.js';
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
  await writeTogether(tx, [auditInsert(actor, entries)]);
}

/**
 * The INSERT of these audit rows, to run alone or together with the change's
 * other rows (platform/db/write-together). The rows travel as one JSON
 * parameter, so the statement has one shape whatever their number.
 */
export function auditInsert(actor: Actor, entries: AuditEntry[]): SQL | null {
  if (entries.length === 0) return null;
  const rows = entries.map((entry) => ({
    actor_user_id: actor.userId,
    entity: entry.entity,
    entity_id: String(entry.entityId),
    action: entry.action,
    before: redact(entry.before),
    after: redact(entry.after),
    ip: actor.ip ?? null,
    request_id: actor.requestId ?? null,
  }));
  return sql`INSERT INTO ${auditLog} (actor_user_id, entity, entity_id, action, before, after, ip, request_id)
    SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      AS r(actor_user_id bigint, entity text, entity_id text, action text, before jsonb, after jsonb, ip text, request_id text)`;
}
