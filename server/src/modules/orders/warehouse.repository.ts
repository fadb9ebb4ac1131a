import { and, asc, count, eq, ilike, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { DataScope } from '../../platform/access/principal.js';
import { scopeCondition } from '../../platform/access/scope.js';
import type { Executor } from '../../platform/db/database.js';
import { containsPattern } from '../../platform/db/like.js';
import { geographies, users } from '../org/index.js';
import type { WarehouseKind } from './inventory.enums.js';
import { warehouses } from './warehouse.schema.js';

export type WarehouseRow = typeof warehouses.$inferSelect;
export type NewWarehouse = typeof warehouses.$inferInsert;

export interface WarehouseFilter {
  keyword?: string;
  kind?: WarehouseKind;
  active?: boolean;
}

const warehouseView = {
  id: warehouses.id,
  code: warehouses.code,
  name: warehouses.name,
  kind: warehouses.kind,
  geographyId: warehouses.geographyId,
  geographyName: geographies.name,
  address: warehouses.address,
  managerUserId: warehouses.managerUserId,
  managerName: users.displayName,
  active: warehouses.active,
  createdAt: warehouses.createdAt,
  updatedAt: warehouses.updatedAt,
};

/**
 * ORG-4 for warehouses: a warehouse belongs to the market it serves and to its
 * manager; the central one (no market) serves everybody, so every reader sees it.
 */
export function warehouseScope(scope: DataScope): SQL | undefined {
  if (scope.all) return undefined;
  return or(isNull(warehouses.geographyId), scopeCondition(scope, { owner: warehouses.managerUserId, geography: warehouses.geographyId }));
}

function selectWarehouses(db: Executor) {
  return db
    .select(warehouseView)
    .from(warehouses)
    .leftJoin(geographies, eq(geographies.id, warehouses.geographyId))
    .leftJoin(users, eq(users.id, warehouses.managerUserId));
}

export type WarehouseView = Awaited<ReturnType<typeof selectWarehouses>>[number];

export async function listWarehouses(db: Executor, scope: DataScope, filter: WarehouseFilter, page: { limit: number; offset: number }) {
  const conditions: (SQL | undefined)[] = [warehouseScope(scope)];
  if (filter.keyword) {
    const pattern = containsPattern(filter.keyword);
    conditions.push(or(ilike(warehouses.code, pattern), ilike(warehouses.name, pattern)));
  }
  if (filter.kind) conditions.push(eq(warehouses.kind, filter.kind));
  if (filter.active !== undefined) conditions.push(eq(warehouses.active, filter.active));
  const where = and(...conditions);
  const items = await selectWarehouses(db).where(where).orderBy(asc(warehouses.code)).limit(page.limit).offset(page.offset);
  const [total] = await db.select({ n: count() }).from(warehouses).where(where);
  return { items, total: total?.n ?? 0 };
}

/**
 * Every active warehouse, name only: an order may ship from any of them, so
 * order entry offers them all whatever the reader's data scope.
 */
export async function listWarehouseOptions(db: Executor, page: { limit: number; offset: number }) {
  const where = eq(warehouses.active, true);
  const items = await db
    .select({ id: warehouses.id, code: warehouses.code, name: warehouses.name, kind: warehouses.kind, geographyId: warehouses.geographyId })
    .from(warehouses)
    .where(where)
    .orderBy(asc(warehouses.code))
    .limit(page.limit)
    .offset(page.offset);
  const [total] = await db.select({ n: count() }).from(warehouses).where(where);
  return { items, total: total?.n ?? 0 };
}

export async function findWarehouse(db: Executor, scope: DataScope, id: number): Promise<WarehouseView | undefined> {
  const [row] = await selectWarehouses(db).where(and(eq(warehouses.id, id), warehouseScope(scope)));
  return row;
}

export async function lockWarehouse(db: Executor, id: number): Promise<WarehouseRow | undefined> {
  const [row] = await db.select().from(warehouses).where(eq(warehouses.id, id)).for('update');
  return row;
}

export async function findWarehouseByCode(db: Executor, code: string): Promise<WarehouseRow | undefined> {
  const [row] = await db.select().from(warehouses).where(eq(warehouses.code, code));
  return row;
}

export async function insertWarehouse(db: Executor, values: NewWarehouse): Promise<WarehouseRow> {
  const [row] = await db.insert(warehouses).values(values).returning();
  if (!row) throw new Error('warehouse insert returned nothing');
  return row;
}

export async function updateWarehouse(db: Executor, id: number, values: Partial<NewWarehouse>): Promise<WarehouseRow> {
  const [row] = await db
    .update(warehouses)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(warehouses.id, id))
    .returning();
  if (!row) throw new Error(`warehouse ${id} vanished`);
  return row;
}

/** Active warehouses serving any of these geographies, plus the active central ones: the candidates for an order. */
export function servingWarehouses(db: Executor, geographyIds: number[]) {
  const serving =
    geographyIds.length > 0
      ? or(eq(warehouses.kind, 'central'), inArray(warehouses.geographyId, geographyIds))
      : eq(warehouses.kind, 'central');
  return db
    .select({ id: warehouses.id, kind: warehouses.kind, geographyId: warehouses.geographyId })
    .from(warehouses)
    .where(and(eq(warehouses.active, true), serving))
    .orderBy(asc(warehouses.id));
}

export async function geographyExists(db: Executor, id: number): Promise<boolean> {
  const [row] = await db.select({ id: geographies.id }).from(geographies).where(eq(geographies.id, id));
  return row !== undefined;
}

export async function activeUserExists(db: Executor, id: number): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, id), eq(users.status, 'active')));
  return row !== undefined;
}
