import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { selectRows } from '../../platform/db/raw.js';

export interface ResolvedPrice {
  priceListId: number;
  unitPriceFen: number;
  floorPriceFen: number;
}

export interface ResolvePricesInput {
  accountKind: string;
  /** The account's territory and its ancestors, most specific first (org's geographyPath). */
  geographyPath: number[];
  /** A Shanghai business day, YYYY-MM-DD. */
  onDate: string;
  skuIds: number[];
}

const bigintArray = (ids: number[]) => `{${ids.map((n) => Math.trunc(n)).join(',')}}`;

/**
 * PRD-2: the price each SKU gets from the most specific active list valid on
 * the day: the deepest geography of the path first (national last), then a
 * list for the account's kind over one for every kind, then the higher
 * priority, then the newer start. One query whatever the number of SKUs;
 * SKUs no list prices are absent from the map.
 */
export async function resolvePrices(db: Executor, input: ResolvePricesInput): Promise<Map<number, ResolvedPrice>> {
  const result = new Map<number, ResolvedPrice>();
  if (input.skuIds.length === 0) return result;
  const path = bigintArray(input.geographyPath);
  const rows = await selectRows<{
    sku_id: string | number;
    price_list_id: string | number;
    unit_price_fen: string | number;
    floor_price_fen: string | number;
  }>(
    db,
    sql`SELECT DISTINCT ON (i.sku_id) i.sku_id, i.price_list_id, i.unit_price_fen, i.floor_price_fen
      FROM price_list_items i JOIN price_lists l ON l.id = i.price_list_id
      WHERE i.sku_id = ANY(${bigintArray(input.skuIds)}::bigint[])
        AND l.status = 'active'
        AND l.valid_from <= ${input.onDate}::date AND (l.valid_to IS NULL OR l.valid_to >= ${input.onDate}::date)
        AND (l.account_kind IS NULL OR l.account_kind = ${input.accountKind})
        AND (l.geography_id IS NULL OR l.geography_id = ANY(${path}::bigint[]))
      ORDER BY i.sku_id,
        coalesce(array_position(${path}::bigint[], l.geography_id), 2147483647),
        (l.account_kind IS NULL), l.priority DESC, l.valid_from DESC, l.id DESC`,
  );
  for (const row of rows) {
    result.set(Number(row.sku_id), {
      priceListId: Number(row.price_list_id),
      unitPriceFen: Number(row.unit_price_fen),
      floorPriceFen: Number(row.floor_price_fen),
    });
  }
  return result;
}
