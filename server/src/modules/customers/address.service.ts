import { writeAudit } from '../../platform/audit/audit.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { PlatformErrors } from '../../platform/errors/platform.errors.js';
import { type AddressInput, cleanAddress } from './account.input.js';
import { maskAddress, maskMobile } from './account.rules.js';
import { lockVisibleAccount, presentAccount, requireVisibleAccount } from './account.service.js';
import {
  type AddressRow,
  clearOtherDefaults,
  deleteAddressRow,
  findAddress,
  insertAddresses,
  listAddresses,
  updateAddressRow,
} from './address.repository.js';
import { accountEntity } from './history.repository.js';

/** CUS-9: the logistics profile; addresses not checked within 35 days carry verificationDue. */
export async function getAddresses(ctx: ServiceContext, accountId: number) {
  const account = await requireVisibleAccount(ctx, accountId);
  const { masked } = presentAccount(ctx.principal, account);
  const addresses = await listAddresses(ctx.db, accountId);
  return masked
    ? addresses.map((a) => ({ ...a, address: maskAddress(a.address) ?? '', receiverPhone: maskMobile(a.receiverPhone) }))
    : addresses;
}

async function addressView(db: Executor, accountId: number, id: number) {
  const view = await findAddress(db, accountId, id);
  if (!view) throw new AppError(PlatformErrors.notFound);
  return view;
}

async function makeRoomForDefault(
  db: Executor,
  row: Pick<AddressRow, 'accountId' | 'kind' | 'isDefault'>,
  id: number | null,
): Promise<void> {
  if (row.isDefault) await clearOtherDefaults(db, row.accountId, row.kind, id);
}

export async function addAddress(ctx: ServiceContext, accountId: number, input: AddressInput) {
  const values = cleanAddress(accountId, input, '');
  return ctx.db.transaction(async (tx) => {
    await lockVisibleAccount(tx, ctx.principal, accountId);
    await makeRoomForDefault(tx, values, null);
    const [created] = await insertAddresses(tx, [values]);
    if (!created) throw new Error('insert returned no row');
    await writeAudit(tx, ctx.actor, { entity: accountEntity, entityId: accountId, action: 'address.create', after: created });
    return addressView(tx, accountId, created.id);
  });
}

export async function updateAddress(ctx: ServiceContext, accountId: number, addressId: number, input: Partial<AddressInput>) {
  return ctx.db.transaction(async (tx) => {
    await lockVisibleAccount(tx, ctx.principal, accountId);
    const before = await findAddress(tx, accountId, addressId);
    if (!before) throw new AppError(PlatformErrors.notFound);
    const values = cleanAddress(accountId, { ...before, ...input }, '');
    await makeRoomForDefault(tx, values, addressId);
    const after = await updateAddressRow(tx, addressId, values);
    await writeAudit(tx, ctx.actor, { entity: accountEntity, entityId: accountId, action: 'address.update', before, after });
    return addressView(tx, accountId, addressId);
  });
}

/** CUS-9 monthly maintenance: someone confirmed the address, receiver and carrier are still right. */
export async function verifyAddress(ctx: ServiceContext, accountId: number, addressId: number) {
  return ctx.db.transaction(async (tx) => {
    await lockVisibleAccount(tx, ctx.principal, accountId);
    const before = await findAddress(tx, accountId, addressId);
    if (!before) throw new AppError(PlatformErrors.notFound);
    const after = await updateAddressRow(tx, addressId, { verifiedAt: new Date(), verifiedBy: ctx.principal.userId });
    await writeAudit(tx, ctx.actor, {
      entity: accountEntity,
      entityId: accountId,
      action: 'address.verify',
      before: { addressId, verifiedAt: before.verifiedAt },
      after: { addressId, verifiedAt: after.verifiedAt },
    });
    return addressView(tx, accountId, addressId);
  });
}

export async function removeAddress(ctx: ServiceContext, accountId: number, addressId: number): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await lockVisibleAccount(tx, ctx.principal, accountId);
    const before = await findAddress(tx, accountId, addressId);
    if (!before) throw new AppError(PlatformErrors.notFound);
    await deleteAddressRow(tx, addressId);
    await writeAudit(tx, ctx.actor, { entity: accountEntity, entityId: accountId, action: 'address.delete', before });
  });
}
