import { and, asc, eq, inArray, isNull, notInArray } from 'drizzle-orm';
import type { Executor } from '../db/database.js';
import { attachments } from './attachment.schema.js';

export type AttachmentRow = typeof attachments.$inferSelect;

/** What a record's readers see of each file. */
export const attachmentView = {
  id: attachments.id,
  fileName: attachments.fileName,
  contentType: attachments.contentType,
  size: attachments.sizeBytes,
  createdAt: attachments.createdAt,
};

export async function insertAttachment(db: Executor, values: typeof attachments.$inferInsert): Promise<AttachmentRow> {
  const [row] = await db.insert(attachments).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function findAttachment(db: Executor, id: number): Promise<AttachmentRow | null> {
  const [row] = await db.select().from(attachments).where(eq(attachments.id, id));
  return row ?? null;
}

/**
 * Gives the caller's own unattached uploads to a record. The row lock of the
 * UPDATE makes a concurrent second claim of the same file find it taken.
 */
export async function claimUnattached(db: Executor, input: { ids: number[]; uploadedBy: number; ownerEntity: string; ownerId: string }) {
  if (input.ids.length === 0) return [];
  return db
    .update(attachments)
    .set({ ownerEntity: input.ownerEntity, ownerId: input.ownerId })
    .where(and(inArray(attachments.id, input.ids), eq(attachments.uploadedBy, input.uploadedBy), isNull(attachments.ownerEntity)))
    .returning({ id: attachments.id, fileName: attachments.fileName });
}

/** Hands every file of a record except `keepIds` back to its uploader as unattached. */
export async function releaseExcept(db: Executor, input: { ownerEntity: string; ownerId: string; keepIds: number[] }) {
  const conditions = [eq(attachments.ownerEntity, input.ownerEntity), eq(attachments.ownerId, input.ownerId)];
  if (input.keepIds.length > 0) conditions.push(notInArray(attachments.id, input.keepIds));
  return db
    .update(attachments)
    .set({ ownerEntity: null, ownerId: null })
    .where(and(...conditions))
    .returning({ id: attachments.id, fileName: attachments.fileName });
}

export async function idsOwnedBy(db: Executor, ownerEntity: string, ownerId: string): Promise<number[]> {
  const rows = await db
    .select({ id: attachments.id })
    .from(attachments)
    .where(and(eq(attachments.ownerEntity, ownerEntity), eq(attachments.ownerId, ownerId)));
  return rows.map((row) => row.id);
}

export function listAttachmentsOf(db: Executor, ownerEntity: string, ownerId: string) {
  return db
    .select(attachmentView)
    .from(attachments)
    .where(and(eq(attachments.ownerEntity, ownerEntity), eq(attachments.ownerId, ownerId)))
    .orderBy(asc(attachments.id));
}
