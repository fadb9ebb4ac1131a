import { writeAudit } from '../../platform/audit/audit.js';
import type { ServiceContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors/app-error.js';
import { PlatformErrors } from '../../platform/errors/platform.errors.js';
import { type ContactInput, cleanContact } from './account.input.js';
import { maskMobile } from './account.rules.js';
import { lockVisibleAccount, presentAccount, requireVisibleAccount } from './account.service.js';
import {
  deleteContactRow,
  demoteOtherPrimaries,
  findContact,
  insertContacts,
  listContacts,
  updateContactRow,
} from './contact.repository.js';
import { accountEntity } from './history.repository.js';

export async function getContacts(ctx: ServiceContext, accountId: number) {
  const account = await requireVisibleAccount(ctx, accountId);
  const { masked } = presentAccount(ctx.principal, account);
  const contacts = await listContacts(ctx.db, accountId);
  return masked ? contacts.map((c) => ({ ...c, mobile: maskMobile(c.mobile), phone: maskMobile(c.phone) })) : contacts;
}

export async function addContact(ctx: ServiceContext, accountId: number, input: ContactInput) {
  const values = cleanContact(accountId, input, '');
  return ctx.db.transaction(async (tx) => {
    await lockVisibleAccount(tx, ctx.principal, accountId);
    const [created] = await insertContacts(tx, [{ ...values, isPrimary: input.isPrimary ?? false }]);
    if (!created) throw new Error('insert returned no row');
    if (created.isPrimary) await demoteOtherPrimaries(tx, accountId, created.id);
    await writeAudit(tx, ctx.actor, { entity: accountEntity, entityId: accountId, action: 'contact.create', after: created });
    return created;
  });
}

export async function updateContact(ctx: ServiceContext, accountId: number, contactId: number, input: Partial<ContactInput>) {
  return ctx.db.transaction(async (tx) => {
    await lockVisibleAccount(tx, ctx.principal, accountId);
    const before = await findContact(tx, accountId, contactId);
    if (!before) throw new AppError(PlatformErrors.notFound);
    const merged = cleanContact(accountId, { ...before, ...input }, '');
    const after = await updateContactRow(tx, contactId, merged);
    if (after.isPrimary && !before.isPrimary) await demoteOtherPrimaries(tx, accountId, contactId);
    await writeAudit(tx, ctx.actor, { entity: accountEntity, entityId: accountId, action: 'contact.update', before, after });
    return after;
  });
}

export async function removeContact(ctx: ServiceContext, accountId: number, contactId: number): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await lockVisibleAccount(tx, ctx.principal, accountId);
    const before = await findContact(tx, accountId, contactId);
    if (!before) throw new AppError(PlatformErrors.notFound);
    await deleteContactRow(tx, contactId);
    await writeAudit(tx, ctx.actor, { entity: accountEntity, entityId: accountId, action: 'contact.delete', before });
  });
}
