import { defineErrors } from '../../platform/errors/app-error.js';

export const ProductErrors = defineErrors('products', {
  blank: { status: 400, 'zh-CN': '{field} 不能为空', en: '{field} must not be blank' },
  codeTaken: { status: 409, 'zh-CN': '{field} “{code}”已被使用', en: '{field} "{code}" is already in use' },
  referenceMissing: { status: 400, 'zh-CN': '{field} 指向的记录不存在', en: '{field} refers to a record that does not exist' },
  categoryCycle: {
    status: 400,
    'zh-CN': '上级品类不能是它自己或它的下级',
    en: 'A category cannot sit under itself or one of its subcategories',
  },
  categoryInUse: {
    status: 409,
    'zh-CN': '品类下还有子品类、产品或建议书，不能删除；可改为停用',
    en: 'The category still has subcategories, products or proposals; deactivate it instead',
  },
  productInUse: {
    status: 409,
    'zh-CN': '产品下还有 SKU 或已被引用，不能删除；可改为停售',
    en: 'The product still has SKUs or is referenced; discontinue it instead',
  },
  skuInUse: {
    status: 409,
    'zh-CN': 'SKU 已被价格表或业务单据引用，不能删除；可改为停售',
    en: 'The SKU is used by price lists or documents; discontinue it instead',
  },
  caseUnitMissing: {
    status: 400,
    'zh-CN': '每箱数量大于 1 时需要填写箱单位 {field}',
    en: 'With more than one unit per case, the case unit ({field}) is required',
  },
  accountKindUnknown: { status: 400, 'zh-CN': '{field} 不是有效的客户类型：{value}', en: '{field} is not a known account kind: {value}' },
  validityRange: {
    status: 400,
    'zh-CN': '{field} 不能早于生效日期',
    en: '{field} must not be before the start date',
  },
  floorAbovePrice: {
    status: 400,
    'zh-CN': 'SKU {sku} 的底价 {floor} 元高于售价 {price} 元',
    en: 'SKU {sku} has a floor of CNY {floor} above its price of CNY {price}',
  },
  duplicateItem: { status: 400, 'zh-CN': 'SKU {sku} 在同一批价格中重复出现', en: 'SKU {sku} appears more than once in the batch' },
  priceListOverlap: {
    status: 409,
    'zh-CN': '与价格表 {code}“{name}”冲突：相同客户类型、区域和优先级的有效期重叠（{from} 至 {to}）',
    en: 'Conflicts with price list {code} "{name}": same account kind, geography and priority with overlapping validity ({from} to {to})',
  },
  proposalNotEditable: {
    status: 409,
    'zh-CN': '建议书已{status}，不能再修改',
    en: 'The proposal is {status} and can no longer be changed',
  },
  proposalNotSubmitted: {
    status: 409,
    'zh-CN': '只有已提交的建议书可以评审（当前：{status}）',
    en: 'Only a submitted proposal can be reviewed (now: {status})',
  },
  reviewCommentRequired: { status: 400, 'zh-CN': '驳回时必须填写评审意见 {field}', en: 'A rejection needs a review comment ({field})' },
});
