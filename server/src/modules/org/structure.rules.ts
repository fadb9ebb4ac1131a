import type { Executor } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { LocalizedText } from '../../platform/i18n.js';
import { OrgErrors } from './org.errors.js';
import { findUserRow } from './user.repository.js';

/** What still hangs on a record, labelled in both UI languages (the service does not know the reader's). */
export interface Dependent extends LocalizedText {
  key: string;
  count: number;
}

/** Refuses a delete while anything depends on the record; details list every kind with its count. */
export function assertUnused(dependents: Dependent[]): void {
  const blocking = dependents.filter((d) => d.count > 0);
  if (blocking.length === 0) return;
  const reason: LocalizedText = {
    'zh-CN': blocking.map((d) => `${d['zh-CN']} ${d.count}`).join('，'),
    en: blocking.map((d) => `${d.en}: ${d.count}`).join(', '),
  };
  throw new AppError(OrgErrors.inUse, { reason }, { field: 'id', dependents: Object.fromEntries(blocking.map((d) => [d.key, d.count])) });
}

/** A department head or a geography owner must be a current employee. */
export async function assertActiveUser(db: Executor, userId: number | null | undefined, field: string): Promise<void> {
  if (!userId) return;
  const user = await findUserRow(db, userId);
  if (!user) throw new AppError(OrgErrors.referenceMissing, { field }, { field });
  if (user.status !== 'active') throw new AppError(OrgErrors.userLeft, { name: user.displayName }, { field });
}

/** The answer when the database itself still finds references (history, other modules) after the named checks passed. */
export function assertDeleted(deleted: boolean): void {
  if (deleted) return;
  const reason = { 'zh-CN': '仍有历史或其他记录引用', en: 'other records still refer to it' };
  throw new AppError(OrgErrors.inUse, { reason }, { field: 'id' });
}
