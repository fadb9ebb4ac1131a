import { eq, type Placeholder, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { selectRows } from '../../platform/db/raw.js';
import { statement } from '../../platform/db/statement.js';
import { products, skus } from './products.schema.js';
import { type SkuSummary, skuSummaryColumns } from './sku-lookup.repository.js';

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
  const rows = await selectRows<{
    sku_id: string | number;
    price_list_id: string | number;
    unit_price_fen: string | number;
    floor_price_fen: string | number;
  }>(db, bestPrices(priceTerms(input)));
  for (const row of rows) result.set(Number(row.sku_id), resolvedPrice(row.price_list_id, row.unit_price_fen, row.floor_price_fen));
  return result;
}

const resolvedPrice = (listId: string | number, unitFen: string | number, floorFen: string | number): ResolvedPrice => ({
  priceListId: Number(listId),
  unitPriceFen: Number(unitFen),
  floorPriceFen: Number(floorFen),
});

interface PriceTerms {
  /** '{1,2,3}' */
  skuIds: string | Placeholder;
  /** '{12,3,1}', most specific first */
  path: string | Placeholder;
  onDate: string | Placeholder;
  accountKind: string | Placeholder;
}

const priceTerms = (input: ResolvePricesInput): PriceTerms => ({
  skuIds: bigintArray(input.skuIds),
  path: bigintArray(input.geographyPath),
  onDate: input.onDate,
  accountKind: input.accountKind,
});

/** The winning list item of each SKU, as resolvePrices ranks them: sku_id, price_list_id, unit_price_fen, floor_price_fen. */
function bestPrices(terms: PriceTerms): SQL {
  return sql`SELECT DISTINCT ON (i.sku_id) i.sku_id, i.price_list_id, i.unit_price_fen, i.floor_price_fen
      FROM price_list_items i JOIN price_lists l ON l.id = i.price_list_id
      WHERE i.sku_id = ANY(${terms.skuIds}::bigint[])
        AND l.status = 'active'
        AND l.valid_from <= ${terms.onDate}::date AND (l.valid_to IS NULL OR l.valid_to >= ${terms.onDate}::date)
        AND (l.account_kind IS NULL OR l.account_kind = ${terms.accountKind})
        AND (l.geography_id IS NULL OR l.geography_id = ANY(${terms.path}::bigint[]))
      ORDER BY i.sku_id,
        coalesce(array_position(${terms.path}::bigint[], l.geography_id), 2147483647),
        (l.account_kind IS NULL), l.priority DESC, l.valid_from DESC, l.id DESC`;
}

export interface PricedSku extends SkuSummary {
  /** Null when no list valid on the day prices it. */
  price: ResolvedPrice | null;
}

/**
 * The SKUs (as findSkus) with the price each gets (as resolvePrices) in one
 * statement: what order entry prices its lines with. Unknown ids are absent.
 */
export async function findPricedSkus(db: Executor, input: ResolvePricesInput): Promise<PricedSku[]> {
  if (input.skuIds.length === 0) return [];
  const rows = await pricedSkusStatement(db, { ...priceTerms(input) });
  return rows.map(({ priceListId, unitPriceFen, floorPriceFen, ...sku }) => ({
    ...sku,
    price: priceListId === null ? null : resolvedPrice(priceListId, unitPriceFen, floorPriceFen),
  }));
}

/** Arrays go in as one '{1,2,3}' parameter each, so the statement keeps one shape whatever the number of SKUs. */
const pricedSkusStatement = statement((db, param: (name: 'skuIds' | 'path' | 'onDate' | 'accountKind') => Placeholder) =>
  db
    .select({
      ...skuSummaryColumns,
      priceListId: sql<string | number | null>`best.price_list_id`,
      unitPriceFen: sql<string | number>`best.unit_price_fen`,
      floorPriceFen: sql<string | number>`best.floor_price_fen`,
    })
    .from(skus)
    .innerJoin(products, eq(products.id, skus.productId))
    .leftJoin(
      sql`(${bestPrices({ skuIds: param('skuIds'), path: param('path'), onDate: param('onDate'), accountKind: param('accountKind') })}) AS best`,
      sql`best.sku_id = ${skus.id}`,
    )
    .where(sql`${skus.id} = ANY(${param('skuIds')}::bigint[])`),
);
