import { sql } from 'drizzle-orm';
import { bigint, check, index, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, id, ref } from '../db/columns.js';

/**
 * PLT-2: one uploaded file. It is "unattached" (owner null) until a record
 * claims it; from then on whoever may see that record may download it.
 */
export const attachments = pgTable(
  'attachments',
  {
    id: id(),
    ownerEntity: text('owner_entity'),
    ownerId: text('owner_id'),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull().unique(),
    uploadedBy: ref('uploaded_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('attachments_owner_idx').on(t.ownerEntity, t.ownerId),
    index('attachments_unattached_idx').on(t.uploadedBy).where(sql`${t.ownerEntity} IS NULL`),
    check('attachments_owner_check', sql`(${t.ownerEntity} IS NULL) = (${t.ownerId} IS NULL)`),
  ],
);
