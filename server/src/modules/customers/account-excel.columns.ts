import { type ColumnSpec, enumOptions } from '../../platform/excel/index.js';
import type { LocalizedText } from '../../platform/i18n.js';
import {
  type AccountGrade,
  type AccountKind,
  type AccountSource,
  type AccountStatus,
  accountGrades,
  accountKinds,
  accountSources,
  accountStatuses,
  type PartyType,
  partyTypes,
} from './account.enums.js';

export const accountKindLabels: Record<AccountKind, LocalizedText> = {
  retail_store: { 'zh-CN': '零售门店', en: 'Retail store' },
  key_account: { 'zh-CN': '重点客户（KA）', en: 'Key account' },
  end_user: { 'zh-CN': '终端用户', en: 'End user' },
  project: { 'zh-CN': '工程项目 / 开发商', en: 'Project / developer' },
  distributor: { 'zh-CN': '经销商', en: 'Distributor' },
  enterprise_agent: { 'zh-CN': '企业代理商', en: 'Enterprise agent' },
  sales_agent: { 'zh-CN': '销售代理商', en: 'Sales agent' },
  consignee: { 'zh-CN': '寄售商', en: 'Consignee' },
  broker: { 'zh-CN': '经纪商', en: 'Broker' },
  retailer: { 'zh-CN': '零售商', en: 'Retailer' },
  direct_store: { 'zh-CN': '直销店', en: 'Direct store' },
  oem_partner: { 'zh-CN': '贴牌厂家', en: 'OEM partner' },
  strategic_account: { 'zh-CN': '战略合作客户', en: 'Strategic account' },
};

const partyTypeLabels: Record<PartyType, LocalizedText> = {
  company: { 'zh-CN': '企业', en: 'Company' },
  person: { 'zh-CN': '个人', en: 'Person' },
};

const gradeLabels = Object.fromEntries(accountGrades.map((g) => [g, { 'zh-CN': g, en: g }])) as Record<AccountGrade, LocalizedText>;

const statusLabels: Record<AccountStatus, LocalizedText> = {
  active: { 'zh-CN': '正常', en: 'Active' },
  dormant: { 'zh-CN': '休眠', en: 'Dormant' },
  closed: { 'zh-CN': '已关闭', en: 'Closed' },
};

const sourceLabels: Record<AccountSource, LocalizedText> = {
  field: { 'zh-CN': '地推开发', en: 'Field' },
  campaign: { 'zh-CN': '市场活动', en: 'Campaign' },
  call_team: { 'zh-CN': '电话团队', en: 'Call team' },
  exhibition: { 'zh-CN': '展会', en: 'Exhibition' },
  partner_referral: { 'zh-CN': '伙伴推荐', en: 'Partner referral' },
  walk_in: { 'zh-CN': '自然到访', en: 'Walk-in' },
  import: { 'zh-CN': '批量导入', en: 'Import' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

const column = {
  name: {
    key: 'name',
    header: { 'zh-CN': '客户名称', en: 'Name' },
    type: 'text',
    required: true,
    maxLength: 100,
    width: 28,
    example: '杭州西湖百货有限公司',
  },
  kind: {
    key: 'kind',
    header: { 'zh-CN': '客户类型', en: 'Kind' },
    type: 'enum',
    required: true,
    options: enumOptions(accountKinds, accountKindLabels),
    width: 14,
    example: '零售门店',
  },
  partyType: {
    key: 'partyType',
    header: { 'zh-CN': '主体类型', en: 'Party type' },
    type: 'enum',
    options: enumOptions(partyTypes, partyTypeLabels),
    width: 10,
    example: '企业',
    note: { 'zh-CN': '空白为企业', en: 'blank: company' },
  },
  creditCode: {
    key: 'creditCode',
    header: { 'zh-CN': '统一社会信用代码', en: 'Credit code' },
    type: 'text',
    maxLength: 18,
    width: 22,
    example: '91330106MA2B0DKP3N',
    note: { 'zh-CN': '18 位，校验位须正确', en: '18 characters with a correct check digit' },
  },
  mobile: {
    key: 'mobile',
    header: { 'zh-CN': '手机号', en: 'Mobile' },
    type: 'text',
    maxLength: 11,
    width: 14,
    example: '13812345678',
  },
  grade: {
    key: 'grade',
    header: { 'zh-CN': '客户等级', en: 'Grade' },
    type: 'enum',
    options: enumOptions(accountGrades, gradeLabels),
    width: 8,
    example: 'B',
  },
  status: {
    key: 'status',
    header: { 'zh-CN': '状态', en: 'Status' },
    type: 'enum',
    options: enumOptions(accountStatuses, statusLabels),
    width: 8,
    example: '正常',
    note: { 'zh-CN': '空白为正常', en: 'blank: active' },
  },
  owner: {
    key: 'owner',
    header: { 'zh-CN': '负责人账号', en: 'Owner username' },
    type: 'text',
    maxLength: 40,
    width: 16,
    example: 'rep-huadong-1',
    note: { 'zh-CN': '登录账号；空白为导入人本人', en: 'login name; blank: the importer' },
  },
  geography: {
    key: 'geography',
    header: { 'zh-CN': '区域编码', en: 'Geography code' },
    type: 'text',
    maxLength: 40,
    width: 14,
    example: 'huadong-1-1',
    note: { 'zh-CN': '空白为负责人所在区域', en: "blank: the owner's geography" },
  },
  province: { key: 'province', header: { 'zh-CN': '省份', en: 'Province' }, type: 'text', maxLength: 20, width: 10, example: '浙江' },
  city: { key: 'city', header: { 'zh-CN': '城市', en: 'City' }, type: 'text', maxLength: 40, width: 10, example: '杭州' },
  address: {
    key: 'address',
    header: { 'zh-CN': '地址', en: 'Address' },
    type: 'text',
    maxLength: 200,
    width: 30,
    example: '西湖区文三路 100 号',
  },
  source: {
    key: 'source',
    header: { 'zh-CN': '来源', en: 'Source' },
    type: 'enum',
    options: enumOptions(accountSources, sourceLabels),
    width: 10,
    example: '批量导入',
    note: { 'zh-CN': '空白为批量导入', en: 'blank: import' },
  },
  tags: { key: 'tags', header: { 'zh-CN': '标签', en: 'Tags' }, type: 'list', width: 16, example: '社区店,重点' },
  contactName: {
    key: 'contactName',
    header: { 'zh-CN': '联系人', en: 'Contact' },
    type: 'text',
    maxLength: 60,
    width: 10,
    example: '王伟',
    note: { 'zh-CN': '成为客户的主要联系人', en: "becomes the account's primary contact" },
  },
} satisfies Record<string, ColumnSpec>;

/** RPT-3: what an account import reads, in template order. */
export const accountImportColumns: readonly ColumnSpec[] = [
  column.name,
  column.kind,
  column.partyType,
  column.creditCode,
  column.mobile,
  column.grade,
  column.status,
  column.owner,
  column.geography,
  column.province,
  column.city,
  column.address,
  column.source,
  column.tags,
  column.contactName,
];

const yesNo = [
  { value: 'true', label: { 'zh-CN': '是', en: 'Yes' } },
  { value: 'false', label: { 'zh-CN': '否', en: 'No' } },
];

/** RPT-3: what an account export writes: the list's fields with labels in the reader's language. */
export const accountExportColumns: readonly ColumnSpec[] = [
  { key: 'code', header: { 'zh-CN': '客户编码', en: 'Code' }, type: 'text', width: 12 },
  column.name,
  column.kind,
  column.partyType,
  column.creditCode,
  column.mobile,
  column.grade,
  column.status,
  { key: 'ownerName', header: { 'zh-CN': '负责人', en: 'Owner' }, type: 'text', width: 12 },
  { key: 'geographyName', header: { 'zh-CN': '区域', en: 'Geography' }, type: 'text', width: 14 },
  column.province,
  column.city,
  column.address,
  column.source,
  column.tags,
  { key: 'locked', header: { 'zh-CN': '锁定', en: 'Locked' }, type: 'enum', options: yesNo, width: 8, value: (row) => String(row.locked) },
  { key: 'lastFollowUpAt', header: { 'zh-CN': '最近跟进', en: 'Last follow-up' }, type: 'datetime', width: 18 },
  { key: 'createdAt', header: { 'zh-CN': '建档时间', en: 'Created at' }, type: 'datetime', width: 18 },
];

export const accountSheet = {
  baseName: { 'zh-CN': '客户档案', en: 'accounts' },
  sheetName: { 'zh-CN': '客户档案', en: 'Accounts' },
};
