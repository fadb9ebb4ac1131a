import { defineErrors } from '../../platform/errors/app-error.js';

/** OSB-4 errors of warehouses, stock, the ledger and stocktaking (codes share the `orders.` prefix of the module). */
export const InventoryErrors = defineErrors('orders', {
  outOfStock: {
    status: 409,
    'zh-CN': '库存不足：SKU {sku} 需要 {requested}，可用 {available}',
    en: 'Out of stock: SKU {sku} needs {requested}, {available} available',
  },
  shipExceedsReserved: {
    status: 409,
    'zh-CN': '{field}：SKU {sku} 发运 {requested}，但订单在该仓库只预留了 {reserved}',
    en: '{field}: SKU {sku} ships {requested} but the order holds only {reserved} reserved in this warehouse',
  },
  quantityInvalid: { status: 400, 'zh-CN': '{field} 必须是大于 0 的整数', en: '{field} must be a whole number above 0' },
  skuDuplicate: { status: 400, 'zh-CN': '{field}：SKU 重复出现，请合并为一行', en: '{field}: the SKU appears twice; use one line' },
  skuUnknown: { status: 400, 'zh-CN': '{field} 指向的 SKU 不存在', en: '{field} refers to a SKU that does not exist' },
  warehouseNotFound: { status: 400, 'zh-CN': '{field} 指向的仓库不存在', en: '{field} refers to a warehouse that does not exist' },
  warehouseInactive: { status: 409, 'zh-CN': '仓库 {code} 已停用', en: 'Warehouse {code} is inactive' },
  warehouseCodeTaken: { status: 409, 'zh-CN': '仓库编码 {code} 已被使用', en: 'Warehouse code {code} is already in use' },
  geographyUnknown: { status: 400, 'zh-CN': '{field} 指向的区域不存在', en: '{field} refers to a geography that does not exist' },
  managerUnknown: {
    status: 400,
    'zh-CN': '{field} 指向的用户不存在或已停用',
    en: '{field} refers to a user who does not exist or is inactive',
  },
  stocktakeOpen: {
    status: 409,
    'zh-CN': '仓库 {code} 已有进行中的盘点（#{id}），请先完成或取消',
    en: 'Warehouse {code} already has an open stocktake (#{id}); finish or cancel it first',
  },
  stocktakeNotCountable: {
    status: 409,
    'zh-CN': '盘点单状态为“{status}”，不能录入盘点数或提交',
    en: 'The stocktake is {status}; counts can no longer be entered or submitted',
  },
  stocktakeNotCancellable: {
    status: 409,
    'zh-CN': '盘点单状态为“{status}”，不能取消',
    en: 'The stocktake is {status} and cannot be cancelled',
  },
  stocktakeIncomplete: {
    status: 400,
    'zh-CN': '还有 {missing} 个 SKU 没有录入盘点数',
    en: '{missing} SKUs have no count yet',
  },
  skuNotOnSheet: { status: 400, 'zh-CN': '{field}：该 SKU 不在本盘点单上', en: '{field}: the SKU is not on this count sheet' },
});
