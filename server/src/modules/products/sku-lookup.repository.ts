import { eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import type { SkuStatus } from './products.enums.js';
import { products, skus } from './products.schema.js';

export interface SkuSummary {
  id: number;
  code: string;
  name: string;
  productId: number;
  productName: string;
  unitsPerCase: number;
  baseUnit: string;
  caseUnit: string | null;
  tracksCodes: boolean;
  minOrderQuantity: number | null;
  status: SkuStatus;
}

export const skuSummaryColumns = {
  id: skus.id,
  code: skus.code,
  name: skus.name,
  productId: skus.productId,
  productName: products.name,
  unitsPerCase: skus.unitsPerCase,
  baseUnit: skus.baseUnit,
  caseUnit: skus.caseUnit,
  tracksCodes: skus.tracksCodes,
  minOrderQuantity: skus.minOrderQuantity,
  status: skus.status,
};

/** What order entry, stock and shipments need of SKUs, in one query; unknown ids are simply absent. */
export async function findSkus(db: Executor, ids: number[]): Promise<SkuSummary[]> {
  if (ids.length === 0) return [];
  return db
    .select(skuSummaryColumns)
    .from(skus)
    .innerJoin(products, eq(products.id, skus.productId))
    .where(inArray(skus.id, [...new Set(ids)]));
}
