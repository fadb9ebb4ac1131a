// PLT-2 attachments: what modules use to attach files to their records.
export type { AttachmentVisibility } from './attachment.owners.js';
export { registerAttachmentOwner } from './attachment.owners.js';
export { AttachmentSchema, filesRoutes, RecordAttachmentSchema } from './attachment.routes.js';
export { attachments } from './attachment.schema.js';
export type { AttachmentSummary } from './attachment.service.js';
export { attachmentsOf, setRecordAttachments } from './attachment.service.js';
