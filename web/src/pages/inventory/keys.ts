/** Query keys of the inventory pages. */
export const inventoryKeys = {
  warehouses: ['inventory', 'warehouses'],
  stock: ['inventory', 'stock'],
  ledger: (warehouseId: number, skuId: number) => ['inventory', 'ledger', warehouseId, skuId],
  stocktakes: ['inventory', 'stocktakes'],
  stocktake: (id: number) => ['inventory', 'stocktakes', id],
} as const;
