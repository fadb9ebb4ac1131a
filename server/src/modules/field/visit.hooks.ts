import { registerAttachmentOwner } from '../../platform/files/index.js';
import { isVisitInScope, visitEntity } from './visit.repository.js';

// Loaded once with the module: visit photos are visible to whoever may see the visit.
registerAttachmentOwner(visitEntity, (db, principal, ownerId) => isVisitInScope(db, principal.scope, Number(ownerId)));
