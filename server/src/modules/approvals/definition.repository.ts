import { eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import type { DefinitionInput } from './approval.types.js';
import { approvalDefinitions } from './approvals.schema.js';

export async function findDefinition(db: Executor, type: string) {
  const [row] = await db.select().from(approvalDefinitions).where(eq(approvalDefinitions.type, type));
  return row ?? null;
}

export function listDefinitions(db: Executor, types: string[]) {
  if (types.length === 0) return Promise.resolve([]);
  return db.select().from(approvalDefinitions).where(inArray(approvalDefinitions.type, types));
}

/** Stores a registered default the first time a request of its type needs it; an edited definition is kept. */
export async function insertDefinitionIfMissing(db: Executor, type: string, definition: DefinitionInput): Promise<void> {
  await db.insert(approvalDefinitions).values({ type, name: definition.name, tiers: definition.tiers }).onConflictDoNothing();
}

export async function upsertDefinition(db: Executor, type: string, definition: DefinitionInput, updatedBy: number | null) {
  const values = { name: definition.name, tiers: definition.tiers, updatedBy, updatedAt: sql`now()` };
  const [row] = await db
    .insert(approvalDefinitions)
    .values({ type, ...values })
    .onConflictDoUpdate({ target: approvalDefinitions.type, set: values })
    .returning();
  if (!row) throw new Error('upsert returned no row');
  return row;
}
