import { sql } from 'drizzle-orm';
import type { Db } from '../../server/src/platform/db/database.js';
import { refreshStatistics } from '../../server/src/platform/db/statistics.js';

/**
 * `count` accounts in one INSERT … SELECT: spread over every territory and its rep (one in ten in the pool),
 * the kinds and grades of a real archive, so a market manager's filtered list has to pick from thousands.
 * Codes BK0000001… never meet the demo's KH codes.
 */
export async function loadAccounts(db: Db, count: number): Promise<void> {
  await db.execute(sql`
    WITH territory AS (
      SELECT id, owner_user_id, row_number() OVER (ORDER BY id) - 1 AS slot, count(*) OVER () AS total
      FROM geographies WHERE kind = 'territory')
    INSERT INTO accounts (code, name, normalized_name, kind, grade, status, owner_user_id, geography_id, city, source, tags,
      last_follow_up_at, owned_since, pool_entered_at)
    SELECT 'BK' || lpad(n::text, 7, '0'), '基准客户' || n || '号商行', 'bench' || n,
      (ARRAY['retail_store', 'retail_store', 'retail_store', 'retail_store', 'key_account', 'end_user', 'distributor'])[1 + n % 7],
      (ARRAY['A', 'B', 'B', 'C', 'C', 'D', 'D'])[1 + (n / 7) % 7],
      CASE WHEN n % 41 = 0 THEN 'dormant' ELSE 'active' END,
      CASE WHEN n % 10 = 0 THEN NULL ELSE t.owner_user_id END,
      t.id, '基准市', 'import', CASE WHEN n % 9 = 0 THEN ARRAY['团购'] ELSE '{}'::text[] END,
      now() - make_interval(days => n % 40), CASE WHEN n % 10 = 0 THEN NULL ELSE now() END,
      CASE WHEN n % 10 = 0 THEN now() ELSE NULL END
    FROM generate_series(1, ${count}) AS n JOIN territory t ON t.slot = n % t.total`);
  await refreshStatistics(db);
}
