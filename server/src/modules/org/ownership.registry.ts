import { getTableName, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { selectRows } from '../../platform/db/raw.js';
import { departments, geographies } from './org.schema.js';

/** A table whose rows belong to one user, handed to the successor when that user leaves (ORG-6). */
export interface OwnedEntity {
  entity: string;
  table: string;
  ownerColumn: string;
  label: { 'zh-CN': string; en: string };
}

const registry = new Map<string, OwnedEntity>();

/**
 * Modules register their owned tables at load time (customers, partners, open
 * work …), so a departure hands over everything without org knowing them.
 * Registering the same entity twice is harmless; two different definitions
 * under one key are a programming error.
 */
export function registerOwnedEntity(definition: OwnedEntity): void {
  const known = registry.get(definition.entity);
  if (known && (known.table !== definition.table || known.ownerColumn !== definition.ownerColumn)) {
    throw new Error(`Owned entity ${definition.entity} is already registered for ${known.table}.${known.ownerColumn}`);
  }
  registry.set(definition.entity, definition);
}

export function ownedEntities(): OwnedEntity[] {
  return [...registry.values()];
}

/** Moves every registered record of one user to another; returns how many rows of each entity moved. */
export async function handOver(tx: Executor, fromUserId: number, toUserId: number): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const { entity, table, ownerColumn } of registry.values()) {
    const owner = sql.identifier(ownerColumn);
    const [row] = await selectRows<{ n: number | string }>(
      tx,
      sql`WITH moved AS (UPDATE ${sql.identifier(table)} SET ${owner} = ${toUserId} WHERE ${owner} = ${fromUserId} RETURNING 1)
        SELECT count(*)::int AS n FROM moved`,
    );
    counts[entity] = Number(row?.n ?? 0);
  }
  return counts;
}

registerOwnedEntity({
  entity: 'geography',
  table: getTableName(geographies),
  ownerColumn: geographies.ownerUserId.name,
  label: { 'zh-CN': '负责的区域', en: 'Geographies owned' },
});
registerOwnedEntity({
  entity: 'department',
  table: getTableName(departments),
  ownerColumn: departments.headUserId.name,
  label: { 'zh-CN': '负责的部门', en: 'Departments headed' },
});
