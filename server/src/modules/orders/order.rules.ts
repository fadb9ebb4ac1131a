/** Pure rules of order entry: no database, so they are tested directly. */

/** Base units from cases and loose units (OSB-1: entered either way, stored in the SKU's base unit). */
export function toBaseQuantity(input: { cases?: number; units?: number }, unitsPerCase: number): number {
  return (input.cases ?? 0) * unitsPerCase + (input.units ?? 0);
}

/** (list − unit) / list in basis points, rounded up so that 5.001 % never passes as 5 %. Surcharges count as 0. */
export function discountBasisPoints(listPriceFen: number, unitPriceFen: number): number {
  if (listPriceFen <= 0 || unitPriceFen >= listPriceFen) return 0;
  return Math.ceil(((listPriceFen - unitPriceFen) * 10_000) / listPriceFen);
}

/** Totals in fen; quantities and prices are integers so the sums are exact. */
export function orderTotals(lines: { quantity: number; listPriceFen: number; unitPriceFen: number }[]) {
  let listTotalFen = 0;
  let totalFen = 0;
  for (const line of lines) {
    listTotalFen += line.quantity * line.listPriceFen;
    totalFen += line.quantity * line.unitPriceFen;
  }
  return { listTotalFen, totalFen, discountTotalFen: Math.max(0, listTotalFen - totalFen) };
}
