/** OSB-4 warehouse kinds: the central warehouse serves every market not served by a nearer one. */
export const warehouseKinds = ['central', 'regional', 'partner'] as const;
export type WarehouseKind = (typeof warehouseKinds)[number];

/** Kinds of entries in the stock ledger; each says which of on_hand and reserved it may move. */
export const movementKinds = ['receipt', 'reservation', 'release', 'shipment', 'adjustment'] as const;
export type MovementKind = (typeof movementKinds)[number];

/** 盘库: counting → submitted (approval) → posted, or rejected / returned to counting / cancelled. */
export const stocktakeStatuses = ['counting', 'submitted', 'returned', 'posted', 'rejected', 'cancelled'] as const;
export type StocktakeStatus = (typeof stocktakeStatuses)[number];

/** A stocktake in one of these is still open: only one per warehouse at a time. */
export const openStocktakeStatuses: readonly StocktakeStatus[] = ['counting', 'submitted', 'returned'];

/** Counts may be entered while the sheet is with the counters. */
export const countableStocktakeStatuses: readonly StocktakeStatus[] = ['counting', 'returned'];
