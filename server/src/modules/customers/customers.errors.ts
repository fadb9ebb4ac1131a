import { defineErrors } from '../../platform/errors/app-error.js';

export const CustomerErrors = defineErrors('customers', {
  duplicate: {
    status: 409,
    'zh-CN': '客户已存在：{code} {name}（{matched}相同），负责人：{owner}',
    en: 'This customer already exists: {code} {name} (same {matched}), owned by {owner}',
  },
  creditCodeInvalid: {
    status: 400,
    'zh-CN': '统一社会信用代码 {value} 无效（应为 18 位，且校验位正确）',
    en: 'Unified social credit code {value} is invalid (18 characters with a correct check digit)',
  },
  mobileInvalid: {
    status: 400,
    'zh-CN': '{field} 不是有效的手机号（11 位，1 开头，第二位 3–9）',
    en: '{field} is not a valid mobile number (11 digits: 1, then 3–9)',
  },
  nameBlank: { status: 400, 'zh-CN': '{field} 不能为空', en: '{field} must not be blank' },
  referenceMissing: { status: 400, 'zh-CN': '{field} 指向的记录不存在', en: '{field} refers to a record that does not exist' },
  geographyOutOfScope: {
    status: 400,
    'zh-CN': '区域不在您的数据范围内，不能把客户放到该区域',
    en: 'The geography is outside your data scope',
  },
  ownerOutOfScope: {
    status: 400,
    'zh-CN': '{field} 不在您的管理范围内',
    en: '{field} is not within the people you manage',
  },
  ownerInactive: { status: 400, 'zh-CN': '{field} 已离职，不能作为客户负责人', en: '{field} has left and cannot own accounts' },
  sameOwner: { status: 409, 'zh-CN': '客户已经由该人员负责', en: 'The account is already owned by this person' },
  notOwner: {
    status: 403,
    'zh-CN': '只有客户负责人或其上级可以执行此操作',
    en: 'Only the owner of the account or a manager may do this',
  },
  inPool: { status: 409, 'zh-CN': '客户在公海中，没有负责人', en: 'The account is in the public pool and has no owner' },
  notInPool: { status: 409, 'zh-CN': '客户不在公海中（已被 {owner} 领取）', en: 'The account is not in the pool (taken by {owner})' },
  holdingLimit: {
    status: 409,
    'zh-CN': '已达到持有客户上限 {limit} 个，请先释放客户再领取',
    en: 'You already hold the limit of {limit} accounts; release some before claiming',
  },
  lockedLimit: {
    status: 409,
    'zh-CN': '{owner} 已锁定 {limit} 个客户，达到上限',
    en: '{owner} already has the limit of {limit} locked accounts',
  },
  alreadyLocked: { status: 409, 'zh-CN': '客户已处于{state}状态', en: 'The account is already {state}' },
  sameGrade: { status: 409, 'zh-CN': '客户已是 {grade} 级', en: 'The account is already grade {grade}' },
  disputeOwnAccount: { status: 409, 'zh-CN': '不能对自己负责的客户提出归属争议', en: 'You already own this account' },
  disputeOpen: {
    status: 409,
    'zh-CN': '您对该客户的归属争议正在审批中',
    en: 'Your ownership dispute on this account is already awaiting a decision',
  },
  warnDaysTooLong: {
    status: 400,
    'zh-CN': '{field} 必须小于回收天数（{days} 天）',
    en: '{field} must be fewer than the return period ({days} days)',
  },
  lockedOverHolding: {
    status: 400,
    'zh-CN': '锁定上限（{locked}）不能大于持有上限（{holding}）',
    en: 'The locked limit ({locked}) cannot exceed the holding limit ({holding})',
  },
  surveyInFuture: { status: 400, 'zh-CN': '{field} 不能晚于今天', en: '{field} cannot be later than today' },
  twoDefaultAddresses: {
    status: 400,
    'zh-CN': '同一类型（{kind}）只能有一个默认地址',
    en: 'Only one address of a kind ({kind}) can be the default',
  },
});
