import { defineErrors } from '../../platform/errors/app-error.js';

/** Errors of orders, shipments and delivery runs (OSB-1, OSB-2, OSB-3, OSB-10). */
export const OrderErrors = defineErrors('orders', {
  noLines: { status: 400, 'zh-CN': '订单至少需要一行商品', en: 'An order needs at least one line' },
  lineQuantityInvalid: {
    status: 400,
    'zh-CN': '{field} 的数量必须大于 0（箱数 × 每箱 {perCase} + 散装）',
    en: '{field}: the quantity must be above 0 (cases × {perCase} + loose units)',
  },
  lineSkuUnknown: { status: 400, 'zh-CN': '{field} 指向的 SKU 不存在', en: '{field} refers to a SKU that does not exist' },
  lineSkuNotSellable: { status: 400, 'zh-CN': '{field}：SKU {code} 当前不可销售', en: '{field}: SKU {code} is not on sale' },
  lineSkuDuplicate: {
    status: 400,
    'zh-CN': '{field}：SKU {code} 重复出现，请合并为一行',
    en: '{field}: SKU {code} appears twice; use one line',
  },
  belowMinimum: {
    status: 400,
    'zh-CN': '{field}：SKU {code} 起订量为 {minimum}',
    en: '{field}: SKU {code} has a minimum order quantity of {minimum}',
  },
  noPrice: {
    status: 400,
    'zh-CN': '{field}：SKU {code} 在该客户适用的价格表中没有价格',
    en: '{field}: SKU {code} has no price in the lists that apply to this account',
  },
  accountUnknown: {
    status: 400,
    'zh-CN': '{field} 指向的客户不存在或不在您的数据范围内',
    en: '{field} refers to an account that does not exist or is outside your scope',
  },
  accountFixed: {
    status: 400,
    'zh-CN': '{field}：订单的客户不能更改，请取消后重新下单',
    en: '{field}: the account of an order cannot change; cancel and enter a new one',
  },
  accountInactive: { status: 400, 'zh-CN': '客户 {code} 不是有效状态，不能下单', en: 'Account {code} is not active; no orders' },
  addressInvalid: {
    status: 400,
    'zh-CN': '{field} 不是该客户的收货地址',
    en: '{field} is not one of the account’s delivery addresses',
  },
  warehouseUnknown: { status: 400, 'zh-CN': '{field} 指向的仓库不存在', en: '{field} refers to a warehouse that does not exist' },
  noWarehouse: {
    status: 400,
    'zh-CN': '该客户所在区域没有默认发货仓库，请指定仓库',
    en: 'No default warehouse serves the account’s territory; choose one',
  },
  dateInvalid: { status: 400, 'zh-CN': '{field} 不能早于今天', en: '{field} must not be before today' },
  cursorInvalid: { status: 400, 'zh-CN': '{field} 无效，请从第一页重新查询', en: '{field} is invalid; start again from the first page' },
  idempotencyKeyInvalid: {
    status: 400,
    'zh-CN': 'Idempotency-Key 须为 1–100 个可见字符',
    en: 'Idempotency-Key must be 1–100 visible characters',
  },
  wrongStatus: {
    status: 409,
    'zh-CN': '订单 {number} 当前为「{status}」，不能{action}',
    en: 'Order {number} is {status}; cannot {action}',
  },
  alreadyPaid: { status: 409, 'zh-CN': '订单 {number} 已标记为已付款', en: 'Order {number} is already marked paid' },
  reasonRequired: { status: 400, 'zh-CN': '{field} 不能为空', en: '{field} must not be blank' },
  mixedAccounts: {
    status: 400,
    'zh-CN': '一张发运单只能包含同一客户的订单（{field}）',
    en: 'A shipment may only hold orders of one account ({field})',
  },
  mixedWarehouses: {
    status: 400,
    'zh-CN': '{field} 的订单不从该仓库发货',
    en: '{field}: the order does not ship from this warehouse',
  },
  lineNotInOrders: {
    status: 400,
    'zh-CN': '{field} 不属于本次发运的订单',
    en: '{field} is not a line of the orders being shipped',
  },
  overShip: {
    status: 400,
    'zh-CN': '{field}：发运数量 {quantity} 超过未发数量 {open}',
    en: '{field}: quantity {quantity} exceeds the {open} still to ship',
  },
  codesRequired: {
    status: 400,
    'zh-CN': '{field}：SKU {code} 需要登记批次或单品码',
    en: '{field}: SKU {code} needs its batch or unit codes',
  },
  noShipmentLines: { status: 400, 'zh-CN': '发运单至少需要一行', en: 'A shipment needs at least one line' },
  trackingBackwards: {
    status: 409,
    'zh-CN': '发运单 {number} 已是「{state}」，不能改为「{next}」',
    en: 'Shipment {number} is already {state}; cannot go to {next}',
  },
  shipmentNotCancellable: {
    status: 409,
    'zh-CN': '发运单 {number} 已是「{state}」，只有「已备货」的发运单可以取消',
    en: 'Shipment {number} is already {state}; only a prepared shipment can be cancelled',
  },
  shipmentCancelled: {
    status: 409,
    'zh-CN': '发运单 {number} 已取消，不能再更新物流状态',
    en: 'Shipment {number} is cancelled; its tracking cannot change',
  },
  shipmentInRun: {
    status: 409,
    'zh-CN': '{field}：发运单 {number} 已在其他配送车次中或已发车',
    en: '{field}: shipment {number} is already on another run or dispatched',
  },
  shipmentUnknown: { status: 400, 'zh-CN': '{field} 指向的发运单不存在或重复', en: '{field} refers to a missing or repeated shipment' },
  runWarehouse: {
    status: 400,
    'zh-CN': '{field}：发运单 {number} 不从该车次的仓库发货',
    en: '{field}: shipment {number} does not leave from the run’s warehouse',
  },
  runNotPlanned: { status: 409, 'zh-CN': '配送车次已是「{status}」状态，不能发车', en: 'The delivery run is already {status}' },
  pickupInRun: {
    status: 400,
    'zh-CN': '{field}：发运单 {number} 为客户自提，不能排入配送车次',
    en: '{field}: shipment {number} is a customer pick-up and cannot join a delivery run',
  },
});
