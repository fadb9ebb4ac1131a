import type { Principal } from '../../platform/access/principal.js';
import type { Executor } from '../../platform/db/database.js';
import { type ColumnSpec, enumOptions } from '../../platform/excel/index.js';
import type { LocalizedText } from '../../platform/i18n.js';
import { type VisitFilter, visitPages } from './visit.repository.js';
import { type VisitKind, type VisitStatus, visitKinds, visitStatuses } from './visit.schema.js';

const kindLabels: Record<VisitKind, LocalizedText> = {
  onsite: { 'zh-CN': '上门拜访', en: 'Onsite' },
  phone: { 'zh-CN': '电话拜访', en: 'Phone' },
};
const statusLabels: Record<VisitStatus, LocalizedText> = {
  planned: { 'zh-CN': '计划中', en: 'Planned' },
  done: { 'zh-CN': '已完成', en: 'Done' },
  cancelled: { 'zh-CN': '已取消', en: 'Cancelled' },
};

/** RPT-3: the visit list as a sheet (CUS-4). */
export const visitColumns: readonly ColumnSpec[] = [
  { key: 'id', header: { 'zh-CN': '拜访编号', en: 'Visit ID' }, type: 'int', width: 10 },
  { key: 'visitDate', header: { 'zh-CN': '拜访日期', en: 'Date' }, type: 'date', width: 12 },
  { key: 'repName', header: { 'zh-CN': '拜访人', en: 'Visited by' }, type: 'text', width: 12 },
  { key: 'accountCode', header: { 'zh-CN': '客户编码', en: 'Account code' }, type: 'text', width: 14 },
  { key: 'accountName', header: { 'zh-CN': '客户名称', en: 'Account' }, type: 'text', width: 24 },
  { key: 'accountGrade', header: { 'zh-CN': '等级', en: 'Grade' }, type: 'text', width: 6 },
  { key: 'geographyName', header: { 'zh-CN': '区域', en: 'Geography' }, type: 'text', width: 14 },
  { key: 'kind', header: { 'zh-CN': '拜访方式', en: 'Kind' }, type: 'enum', options: enumOptions(visitKinds, kindLabels) },
  { key: 'status', header: { 'zh-CN': '状态', en: 'Status' }, type: 'enum', options: enumOptions(visitStatuses, statusLabels) },
  { key: 'plannedFor', header: { 'zh-CN': '计划日期', en: 'Planned for' }, type: 'date', width: 12 },
  { key: 'checkedInAt', header: { 'zh-CN': '签到时间', en: 'Checked in at' }, type: 'datetime', width: 18 },
  { key: 'latitude', header: { 'zh-CN': '纬度', en: 'Latitude' }, type: 'text', width: 11 },
  { key: 'longitude', header: { 'zh-CN': '经度', en: 'Longitude' }, type: 'text', width: 11 },
  { key: 'purpose', header: { 'zh-CN': '拜访目的', en: 'Purpose' }, type: 'text', width: 24 },
  { key: 'result', header: { 'zh-CN': '拜访结果', en: 'Result' }, type: 'text', width: 30 },
  { key: 'nextStep', header: { 'zh-CN': '下一步', en: 'Next step' }, type: 'text', width: 24 },
  { key: 'cancelReason', header: { 'zh-CN': '取消原因', en: 'Cancel reason' }, type: 'text', width: 20 },
  { key: 'attachmentCount', header: { 'zh-CN': '照片数', en: 'Photos' }, type: 'int', width: 8 },
];

export const visitSheet = { baseName: { 'zh-CN': '拜访记录', en: 'visits' }, sheetName: { 'zh-CN': '拜访记录', en: 'Visits' } };

/** The export's pages: the list's own scoped, filtered query. */
export function visitExportPages(db: Executor, principal: Principal, filter: VisitFilter) {
  return visitPages(db, principal.scope, filter);
}
