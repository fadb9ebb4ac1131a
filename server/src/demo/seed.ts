import { count } from 'drizzle-orm';
import { ensureAuthorityDefaults, users } from '../modules/org/index.js';
import { writeAudit } from '../platform/audit/audit.js';
import type { Db } from '../platform/db/database.js';
import { refreshStatistics } from '../platform/db/statistics.js';
import { seedCustomersDemo } from './customers.demo.js';
import { seedExpenseDemo } from './expense.demo.js';
import { seedFieldDemo } from './field.demo.js';
import { seedInventoryDemo } from './inventory.demo.js';
import { seedLeadDemo } from './leads.demo.js';
import { seedOrdersDemo } from './orders.demo.js';
import { grantTeamKeysToSuperiors, seedOrgDemo } from './org.demo.js';
import { seedPolicyDemo } from './policy.demo.js';
import { seedProductsDemo } from './products.demo.js';
import { seedSurveyDemo } from './surveys.demo.js';

export { demoLogins, demoPassword } from './org.demo.js';

export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users);
  return (row?.n ?? 0) === 0;
}

/** Loads the demo company into an empty database, all or nothing. */
export async function seedDemo(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    const org = await seedOrgDemo(tx);
    await seedPolicyDemo(tx, org);
    await ensureAuthorityDefaults(tx);
    await seedExpenseDemo(tx, org);
    await seedProductsDemo(tx, org);
    await seedInventoryDemo(tx, org);
    await seedCustomersDemo(tx, org);
    await seedSurveyDemo(tx);
    await seedFieldDemo(tx, org);
    await seedLeadDemo(tx, org);
    await seedOrdersDemo(tx, org);
    await grantTeamKeysToSuperiors(tx);
    await writeAudit(tx, { userId: null }, { entity: 'demo', entityId: 'company', action: 'seed', after: { users: org.userIds.size } });
  });
  await refreshStatistics(db);
}
