import type { Principal } from '../access/principal.js';
import type { Executor } from '../db/database.js';

/** Whether a user may see the record an attachment belongs to (and therefore the attachment). */
export type AttachmentVisibility = (db: Executor, principal: Principal, ownerId: string) => Promise<boolean>;

const owners = new Map<string, AttachmentVisibility>();

/**
 * The module owning a kind of record says who may see its files, at load time;
 * the platform cannot know the rule (scope, approvers, …) itself.
 */
export function registerAttachmentOwner(entity: string, visibility: AttachmentVisibility): void {
  owners.set(entity, visibility);
}

export function visibilityOf(entity: string): AttachmentVisibility | undefined {
  return owners.get(entity);
}
