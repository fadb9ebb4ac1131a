import type { Principal } from '../../platform/access/principal.js';
import type { Executor } from '../../platform/db/database.js';
import { type ColumnSpec, enumOptions } from '../../platform/excel/index.js';
import { leadSourceLabels, leadSources, leadStatuses, leadStatusLabels } from './lead.enums.js';
import { type LeadFilter, leadPages } from './lead.repository.js';
import { presentLead } from './lead.service.js';

/** RPT-3: the lead list as a sheet. */
export const leadColumns: readonly ColumnSpec[] = [
  { key: 'id', header: { 'zh-CN': '线索编号', en: 'Lead ID' }, type: 'int', width: 10 },
  { key: 'name', header: { 'zh-CN': '联系人', en: 'Contact' }, type: 'text', width: 12 },
  { key: 'company', header: { 'zh-CN': '公司 / 门店', en: 'Company / store' }, type: 'text', width: 24 },
  { key: 'mobile', header: { 'zh-CN': '手机号', en: 'Mobile' }, type: 'text', width: 14 },
  { key: 'source', header: { 'zh-CN': '来源', en: 'Source' }, type: 'enum', options: enumOptions(leadSources, leadSourceLabels) },
  { key: 'campaign', header: { 'zh-CN': '活动', en: 'Campaign' }, type: 'text', width: 20 },
  { key: 'teamName', header: { 'zh-CN': '拓客团队', en: 'Lead team' }, type: 'text', width: 18 },
  { key: 'status', header: { 'zh-CN': '状态', en: 'Status' }, type: 'enum', options: enumOptions(leadStatuses, leadStatusLabels) },
  { key: 'ownerName', header: { 'zh-CN': '负责人', en: 'Owner' }, type: 'text', width: 12 },
  { key: 'geographyName', header: { 'zh-CN': '区域', en: 'Geography' }, type: 'text', width: 14 },
  { key: 'province', header: { 'zh-CN': '省份', en: 'Province' }, type: 'text', width: 10 },
  { key: 'city', header: { 'zh-CN': '城市', en: 'City' }, type: 'text', width: 10 },
  { key: 'nextFollowUpAt', header: { 'zh-CN': '下次跟进', en: 'Next follow-up' }, type: 'datetime', width: 18 },
  { key: 'lostReason', header: { 'zh-CN': '流失原因', en: 'Lost reason' }, type: 'text', width: 20 },
  { key: 'convertedAccountCode', header: { 'zh-CN': '转化客户编码', en: 'Converted account' }, type: 'text', width: 14 },
  { key: 'createdByName', header: { 'zh-CN': '登记人', en: 'Recorded by' }, type: 'text', width: 12 },
  { key: 'createdAt', header: { 'zh-CN': '登记时间', en: 'Recorded at' }, type: 'datetime', width: 18 },
  { key: 'notes', header: { 'zh-CN': '备注', en: 'Notes' }, type: 'text', width: 30 },
];

export const leadSheet = { baseName: { 'zh-CN': '线索', en: 'leads' }, sheetName: { 'zh-CN': '线索', en: 'Leads' } };

/** The export's pages: the list's scoped, filtered query, masked as the list is (CMP-3). */
export async function* leadExportPages(db: Executor, principal: Principal, filter: LeadFilter) {
  for await (const page of leadPages(db, principal.scope, filter)) yield page.map((lead) => presentLead(principal, lead));
}
