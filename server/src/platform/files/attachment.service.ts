import type { Readable } from 'node:stream';
import type { Actor } from '../audit/audit.js';
import { writeAudit } from '../audit/audit.js';
import type { ServiceContext } from '../context.js';
import type { Executor, Tx } from '../db/database.js';
import { AppError } from '../errors/app-error.js';
import { PlatformErrors } from '../errors/platform.errors.js';
import { visibilityOf } from './attachment.owners.js';
import {
  type AttachmentRow,
  claimUnattached,
  findAttachment,
  idsOwnedBy,
  insertAttachment,
  listAttachmentsOf,
  releaseExcept,
} from './attachment.repository.js';
import type { FileStore } from './file-store.js';
import { detectContentType } from './file-type.js';
import { FilesErrors } from './files.errors.js';

export const defaultMaxUploadBytes = 10 * 1024 * 1024;

export interface AttachmentSummary {
  id: number;
  fileName: string;
  contentType: string;
  size: number;
}

/** Busboy marks a stream it cut off at the size limit as truncated. */
export type UploadStream = Readable & { truncated?: boolean };

function summaryOf(row: AttachmentRow): AttachmentSummary {
  return { id: row.id, fileName: row.fileName, contentType: row.contentType, size: row.sizeBytes };
}

/** The name as the user's machine called it, without any folder part or control characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return cleaned.slice(-200) || 'file';
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

/**
 * PLT-2 upload: streams to disk while hashing, then keeps the file only if
 * it is within the limit and its bytes say it is an allowed type.
 */
export async function uploadFile(
  ctx: ServiceContext,
  store: FileStore,
  input: { fileName: string; source: UploadStream; maxBytes: number },
): Promise<AttachmentSummary> {
  const stored = await store.write(input.source);
  try {
    if (input.source.truncated) {
      throw new AppError(FilesErrors.fileTooLarge, { field: 'file', limit: megabytes(input.maxBytes) }, { field: 'file' });
    }
    const contentType = detectContentType(stored.head);
    if (!contentType) throw new AppError(FilesErrors.fileTypeRefused, { field: 'file' }, { field: 'file' });
    const row = await ctx.db.transaction(async (tx) => {
      const created = await insertAttachment(tx, {
        fileName: cleanFileName(input.fileName),
        contentType,
        sizeBytes: stored.sizeBytes,
        sha256: stored.sha256,
        storageKey: stored.storageKey,
        uploadedBy: ctx.principal.userId,
      });
      await writeAudit(tx, ctx.actor, { entity: 'attachment', entityId: created.id, action: 'upload', after: created });
      return created;
    });
    return summaryOf(row);
  } catch (error) {
    await store.remove(stored.storageKey);
    throw error;
  }
}

async function mayView(ctx: Pick<ServiceContext, 'db' | 'principal'>, row: AttachmentRow): Promise<boolean> {
  if (row.ownerEntity === null || row.ownerId === null) return row.uploadedBy === ctx.principal.userId;
  const visibility = visibilityOf(row.ownerEntity);
  return visibility ? visibility(ctx.db, ctx.principal, row.ownerId) : false;
}

/** A file for download, when the caller may see the record it belongs to; anything else reads as 404. */
export async function openAttachment(ctx: Pick<ServiceContext, 'db' | 'principal'>, store: FileStore, id: number) {
  const row = await findAttachment(ctx.db, id);
  if (!row || !(await mayView(ctx, row))) throw new AppError(PlatformErrors.notFound);
  return { attachment: summaryOf(row), stream: await store.open(row.storageKey) };
}

/**
 * Makes `ids` exactly the files of one record, inside the caller's
 * transaction: new ones must be the user's own unattached uploads, dropped
 * ones go back to their uploader as unattached.
 */
export async function setRecordAttachments(
  tx: Tx,
  actor: Actor,
  input: { userId: number; ownerEntity: string; ownerId: string | number; ids: number[]; field: string },
): Promise<void> {
  const owner = { ownerEntity: input.ownerEntity, ownerId: String(input.ownerId) };
  const current = new Set(await idsOwnedBy(tx, owner.ownerEntity, owner.ownerId));
  const released = await releaseExcept(tx, { ...owner, keepIds: input.ids });
  const wanted = input.ids.filter((id) => !current.has(id));
  const claimed = await claimUnattached(tx, { ...owner, ids: wanted, uploadedBy: input.userId });
  const missing = wanted.find((id) => !claimed.some((row) => row.id === id));
  if (missing !== undefined) {
    throw new AppError(FilesErrors.attachmentUnavailable, { field: input.field, id: missing }, { field: input.field, id: missing });
  }
  for (const row of claimed) await writeAudit(tx, actor, { entity: 'attachment', entityId: row.id, action: 'attach', after: owner });
  for (const row of released) await writeAudit(tx, actor, { entity: 'attachment', entityId: row.id, action: 'detach', before: owner });
}

export function attachmentsOf(db: Executor, ownerEntity: string, ownerId: string | number) {
  return listAttachmentsOf(db, ownerEntity, String(ownerId));
}
