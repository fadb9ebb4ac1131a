import { definePermissions } from '../../platform/access/permissions.js';

export const FieldPermissions = definePermissions('field', {
  'visits.read': { 'zh-CN': '查看拜访记录与拜访计划（按数据范围）', en: 'View visits and visit plans (within data scope)' },
  'visits.record': { 'zh-CN': '登记拜访、制定拜访计划', en: 'Record and plan visits' },
  'visits.export': { 'zh-CN': '导出拜访记录', en: 'Export visits' },
  'logs.write': { 'zh-CN': '填写本人工作日志', en: 'Write my daily work log' },
  'logs.review': { 'zh-CN': '查阅与点评下属工作日志', en: 'Read and comment on my team’s work logs' },
  'compliance.read': { 'zh-CN': '查看拜访达标情况', en: 'View visit compliance' },
});
