import type { ResponseOf } from '../../api/types';

type ItemOf<T> = T extends { items: (infer I)[] } ? I : never;

export type Visit = ItemOf<ResponseOf<'/api/field/visits'>>;
export type VisitDetail = ResponseOf<'/api/field/visits/{id}'>;
export type VisitKind = Visit['kind'];
export type VisitStatus = Visit['status'];
export type VisitCalendar = ResponseOf<'/api/field/visits/calendar'>;
export type VisitPlan = ItemOf<ResponseOf<'/api/field/visit-plans'>>;
export type VisitPlanDetail = ResponseOf<'/api/field/visit-plans/{id}'>;
export type VisitPlanStatus = VisitPlan['status'];
export type ComplianceReport = ResponseOf<'/api/field/compliance'>;
export type ComplianceRow = ComplianceReport['rows'][number];
export type ComplianceStores = ResponseOf<'/api/field/compliance/stores'>;
export type StoreCompliance = ComplianceStores['items'][number];
export type MyCompliance = ResponseOf<'/api/field/compliance/me'>;
export type WorkLog = ItemOf<ResponseOf<'/api/field/work-logs'>>;
export type WorkLogDetail = ResponseOf<'/api/field/work-logs/{id}'>;
export type MissingWorkLogs = ResponseOf<'/api/field/work-logs/missing'>;
