import { asc, eq, sql } from 'drizzle-orm';
import { InventoryPermissions, stockLevels, stockMovements, stocktakeLines, stocktakes, warehouses } from '../modules/orders/index.js';
import { positionPermissions } from '../modules/org/index.js';
import { skus } from '../modules/products/index.js';
import type { Tx } from '../platform/db/database.js';
import { seededRandom } from './random.js';

interface OrgIds {
  userIds: Map<string, number>;
  positionIds: Map<string, number>;
  geographyIds: Map<string, number>;
}

const warehouseSpecs = [
  { code: 'SH-CENTRAL', name: '上海总仓', kind: 'central', market: null, address: '上海市嘉定区马陆镇物流园 18 号', size: [300, 2400] },
  { code: 'BJ-01', name: '北京仓', kind: 'regional', market: 'huabei', address: '北京市大兴区京南物流基地 6 号库', size: [60, 600] },
  { code: 'GZ-01', name: '广州仓', kind: 'regional', market: 'huanan', address: '广州市白云区太和镇物流园 B 区', size: [60, 600] },
] as const;

function must<T>(map: Map<string, T>, key: string): T {
  const value = map.get(key);
  if (value === undefined) throw new Error(`inventory demo needs ${key}`);
  return value;
}

/**
 * OSB-4 demo: three warehouses, opening stock of every active SKU as receipt
 * movements (so the ledger check is clean from the start), about one SKU in
 * twelve below its minimum, and an open count sheet at the Beijing warehouse.
 * Logistics runs the warehouses; SSG, leadership and market managers may look.
 */
export async function seedInventoryDemo(tx: Tx, org: OrgIds): Promise<void> {
  const random = seededRandom(20260405);
  const logistics = must(org.userIds, 'logistics');
  const readers = ['gm', 'director', 'deputy', 'ssg', 'finance', ...[...org.positionIds.keys()].filter((k) => k.startsWith('mm-'))];
  await tx
    .insert(positionPermissions)
    .values([
      ...Object.values(InventoryPermissions).map((permission) => ({ positionId: must(org.positionIds, 'logistics'), permission })),
      ...readers
        .filter((key) => org.positionIds.has(key))
        .map((key) => ({ positionId: must(org.positionIds, key), permission: InventoryPermissions['inventory.read'] })),
    ]);

  const created = await tx
    .insert(warehouses)
    .values(
      warehouseSpecs.map((w) => ({
        code: w.code,
        name: w.name,
        kind: w.kind,
        geographyId: w.market ? must(org.geographyIds, w.market) : null,
        address: w.address,
        managerUserId: logistics,
      })),
    )
    .returning({ id: warehouses.id, code: warehouses.code });
  const warehouseIds = new Map(created.map((w) => [w.code, w.id]));

  const items = await tx.select({ id: skus.id }).from(skus).where(eq(skus.status, 'active')).orderBy(asc(skus.id));
  if (items.length === 0) return;

  // Opening stock predates the demo's six months of order history, so the ledger reads in time order.
  const opening = new Date(Date.now() - 200 * 86_400_000);
  const levels: (typeof stockLevels.$inferInsert)[] = [];
  const movements: (typeof stockMovements.$inferInsert)[] = [];
  for (const spec of warehouseSpecs) {
    const warehouseId = must(warehouseIds, spec.code);
    for (const sku of items) {
      const onHand = random.int(spec.size[0], spec.size[1]);
      const low = random.next() < 1 / 12;
      const minStock = low ? onHand + random.int(10, 80) : Math.round(onHand * (0.1 + random.next() * 0.2));
      levels.push({ warehouseId, skuId: sku.id, onHand, reserved: 0, minStock });
      movements.push({
        warehouseId,
        skuId: sku.id,
        kind: 'receipt',
        onHandDelta: onHand,
        reservedDelta: 0,
        note: `期初入库 RK-${spec.code}-0001`,
        userId: logistics,
        createdAt: opening,
      });
    }
  }
  await tx.insert(stockLevels).values(levels);
  await tx.insert(stockMovements).values(movements);

  const beijing = must(warehouseIds, 'BJ-01');
  const [sheet] = await tx
    .insert(stocktakes)
    .values({ warehouseId: beijing, note: '月末盘点', openedBy: logistics })
    .returning({ id: stocktakes.id });
  if (!sheet) return;
  await tx.execute(sql`INSERT INTO ${stocktakeLines} (stocktake_id, sku_id, expected)
    SELECT ${sheet.id}, sku_id, on_hand FROM ${stockLevels} WHERE warehouse_id = ${beijing}`);
  // The first third of the sheet is counted, a few with small differences.
  await tx.execute(sql`UPDATE ${stocktakeLines} SET counted = expected + CASE WHEN sku_id % 7 = 0 THEN -2 WHEN sku_id % 11 = 0 THEN 1 ELSE 0 END
    WHERE stocktake_id = ${sheet.id} AND sku_id IN (
      SELECT sku_id FROM ${stocktakeLines} WHERE stocktake_id = ${sheet.id} ORDER BY sku_id LIMIT ${Math.ceil(items.length / 3)})`);
}
