import type { Principal } from './access/principal.js';
import type { Actor } from './audit/audit.js';
import type { Db } from './db/database.js';

/** What every service use case receives: the database, who asks, and who to audit as. */
export interface ServiceContext {
  db: Db;
  principal: Principal;
  actor: Actor;
}
