import { and, asc, desc, eq, ne } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { accountContacts } from './customers.schema.js';

export type ContactRow = typeof accountContacts.$inferSelect;
export type NewContact = typeof accountContacts.$inferInsert;

export function listContacts(db: Executor, accountId: number): Promise<ContactRow[]> {
  return db
    .select()
    .from(accountContacts)
    .where(eq(accountContacts.accountId, accountId))
    .orderBy(desc(accountContacts.isPrimary), asc(accountContacts.id));
}

export async function insertContacts(db: Executor, rows: NewContact[]): Promise<ContactRow[]> {
  if (rows.length === 0) return [];
  return db.insert(accountContacts).values(rows).returning();
}

export async function findContact(db: Executor, accountId: number, id: number): Promise<ContactRow | null> {
  const [row] = await db
    .select()
    .from(accountContacts)
    .where(and(eq(accountContacts.id, id), eq(accountContacts.accountId, accountId)));
  return row ?? null;
}

export async function updateContactRow(db: Executor, id: number, values: Partial<NewContact>): Promise<ContactRow> {
  const [row] = await db
    .update(accountContacts)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(accountContacts.id, id))
    .returning();
  if (!row) throw new Error('update returned no row');
  return row;
}

export async function deleteContactRow(db: Executor, id: number): Promise<void> {
  await db.delete(accountContacts).where(eq(accountContacts.id, id));
}

/** One primary contact per account: making one primary demotes the others. */
export async function demoteOtherPrimaries(db: Executor, accountId: number, keepId: number): Promise<void> {
  await db
    .update(accountContacts)
    .set({ isPrimary: false, updatedAt: new Date() })
    .where(and(eq(accountContacts.accountId, accountId), ne(accountContacts.id, keepId), eq(accountContacts.isPrimary, true)));
}
