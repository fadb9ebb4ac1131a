import { and, asc, desc, eq, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { addressVerifyDays } from './account.repository.js';
import { type AddressKind, accountAddresses } from './customers.schema.js';

export type AddressRow = typeof accountAddresses.$inferSelect;
export type NewAddress = typeof accountAddresses.$inferInsert;

/** Where goods go and how they are handed over: what an order keeps of its delivery address (OSB-1). */
export const deliveryPointColumns = {
  province: accountAddresses.province,
  city: accountAddresses.city,
  address: accountAddresses.address,
  receiver: accountAddresses.receiver,
  receiverPhone: accountAddresses.receiverPhone,
  carrier: accountAddresses.carrier,
  unloadingNotes: accountAddresses.unloadingNotes,
};

const addressView = {
  id: accountAddresses.id,
  accountId: accountAddresses.accountId,
  kind: accountAddresses.kind,
  ...deliveryPointColumns,
  isDefault: accountAddresses.isDefault,
  verifiedAt: accountAddresses.verifiedAt,
  verifiedBy: accountAddresses.verifiedBy,
  /** CUS-9 "maintained monthly": not checked within the last 35 days. */
  verificationDue: sql<boolean>`(${accountAddresses.verifiedAt} IS NULL
    OR ${accountAddresses.verifiedAt} < now() - make_interval(days => ${addressVerifyDays}))`,
  createdAt: accountAddresses.createdAt,
  updatedAt: accountAddresses.updatedAt,
};

function selectAddresses(db: Executor) {
  return db.select(addressView).from(accountAddresses);
}

export type AddressView = Awaited<ReturnType<typeof selectAddresses>>[number];

export function listAddresses(db: Executor, accountId: number): Promise<AddressView[]> {
  return selectAddresses(db)
    .where(eq(accountAddresses.accountId, accountId))
    .orderBy(asc(accountAddresses.kind), desc(accountAddresses.isDefault), asc(accountAddresses.id));
}

export async function findAddress(db: Executor, accountId: number, id: number): Promise<AddressView | null> {
  const [row] = await selectAddresses(db).where(and(eq(accountAddresses.id, id), eq(accountAddresses.accountId, accountId)));
  return row ?? null;
}

export async function insertAddresses(db: Executor, rows: NewAddress[]): Promise<AddressRow[]> {
  if (rows.length === 0) return [];
  return db.insert(accountAddresses).values(rows).returning();
}

export async function updateAddressRow(db: Executor, id: number, values: Partial<NewAddress>): Promise<AddressRow> {
  const [row] = await db
    .update(accountAddresses)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(accountAddresses.id, id))
    .returning();
  if (!row) throw new Error('update returned no row');
  return row;
}

export async function deleteAddressRow(db: Executor, id: number): Promise<void> {
  await db.delete(accountAddresses).where(eq(accountAddresses.id, id));
}

/** One default address per account and kind: before one becomes the default, the flag leaves the others. */
export async function clearOtherDefaults(db: Executor, accountId: number, kind: AddressKind, keepId: number | null): Promise<void> {
  await db
    .update(accountAddresses)
    .set({ isDefault: false, updatedAt: new Date() })
    .where(
      and(
        eq(accountAddresses.accountId, accountId),
        eq(accountAddresses.kind, kind),
        keepId === null ? undefined : ne(accountAddresses.id, keepId),
        eq(accountAddresses.isDefault, true),
      ),
    );
}
