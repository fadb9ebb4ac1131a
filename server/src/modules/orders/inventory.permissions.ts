import { definePermissions } from '../../platform/access/permissions.js';

/** OSB-4 keys, declared beside the order keys under the same module name. */
export const InventoryPermissions = definePermissions('orders', {
  'inventory.read': { 'zh-CN': '查看仓库、库存与库存流水', en: 'View warehouses, stock and the stock ledger' },
  'inventory.availability': {
    'zh-CN': '查看可选发货仓库（录单、发货用；不含库存管理）',
    en: 'See the warehouses to ship from (order entry and shipping; no inventory management)',
  },
  'inventory.receive': { 'zh-CN': '登记入库', en: 'Record goods received' },
  'inventory.stocktake': { 'zh-CN': '盘库：开单、录入盘点数、提交审批', en: 'Stocktaking: open, count and submit for approval' },
  'inventory.check': { 'zh-CN': '核对库存与流水是否一致', en: 'Check stock levels against the ledger' },
  'warehouses.manage': { 'zh-CN': '维护仓库与最低库存', en: 'Maintain warehouses and minimum stock' },
});
