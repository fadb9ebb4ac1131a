import { eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { customerSettings } from './customers.schema.js';

export type CustomerSettingsRow = typeof customerSettings.$inferSelect;
export type CustomerSettingsValues = Omit<CustomerSettingsRow, 'id' | 'updatedBy' | 'updatedAt'>;

export async function findSettingsRow(db: Executor): Promise<CustomerSettingsRow | null> {
  const [row] = await db.select().from(customerSettings).where(eq(customerSettings.id, 1));
  return row ?? null;
}

export async function upsertSettings(db: Executor, values: CustomerSettingsValues, updatedBy: number | null) {
  const [row] = await db
    .insert(customerSettings)
    .values({ id: 1, ...values, updatedBy })
    .onConflictDoUpdate({ target: customerSettings.id, set: { ...values, updatedBy, updatedAt: new Date() } })
    .returning();
  if (!row) throw new Error('upsert returned no row');
  return row;
}
