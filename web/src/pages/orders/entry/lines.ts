import type { ResponseOf } from '../../../api/types';

type ItemOf<T> = T extends { items: (infer I)[] } ? I : never;

export type EntrySku = ItemOf<ResponseOf<'/api/products/skus'>>;
export type EntryFacts = ResponseOf<'/api/orders/entry-facts'>;
export type SkuFacts = EntryFacts['skus'][number];

/** One row of the entry grid as typed; the price comes from the facts of its SKU. */
export interface EntryLine {
  key: number;
  sku?: EntrySku;
  cases: number | null;
  units: number | null;
  /** Percent off the list price, as typed (0–100, two decimals). */
  discountPct: number | null;
}

export const emptyLine = (key: number): EntryLine => ({ key, cases: null, units: null, discountPct: null });

/** Base units of a line: whole cases times units per case, plus loose units. */
export function lineQuantity(line: EntryLine): number {
  const perCase = line.sku?.unitsPerCase ?? 1;
  return (line.cases ?? 0) * perCase + (line.units ?? 0);
}

/** The agreed unit price in fen: list minus the typed discount, rounded to the fen (null without a price). */
export function lineUnitPrice(line: EntryLine, facts: SkuFacts | undefined): number | null {
  const list = facts?.listPriceFen;
  if (list === null || list === undefined) return null;
  return Math.round(list * (1 - (line.discountPct ?? 0) / 100));
}

export function lineTotal(line: EntryLine, facts: SkuFacts | undefined): number {
  return lineQuantity(line) * (lineUnitPrice(line, facts) ?? 0);
}

/** The order body's lines: only rows with a SKU; the price is sent only when discounted, so the server prices the rest. */
export function toOrderLines(lines: EntryLine[], facts: Map<number, SkuFacts>) {
  return lines
    .filter((line): line is EntryLine & { sku: EntrySku } => line.sku !== undefined)
    .map((line) => {
      const discounted = (line.discountPct ?? 0) > 0;
      const price = discounted ? lineUnitPrice(line, facts.get(line.sku.id)) : null;
      return {
        skuId: line.sku.id,
        cases: line.cases ?? undefined,
        units: line.units ?? undefined,
        unitPriceFen: price ?? undefined,
      };
    });
}
