import { Type } from 'typebox';
import { DateTime, Id, Nullable, StringEnum } from '../../platform/http/schemas.js';
import { accountGrades } from '../customers/index.js';
import { visitKinds, visitPlanStatuses, visitStatuses } from './visit.schema.js';

/** Request and response shapes shared by the field module's routes. */
export const Day = Type.String({ format: 'date', description: 'YYYY-MM-DD, a Shanghai calendar day' });
export const Month = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM, a Shanghai calendar month' });
export const VisitKindSchema = StringEnum(visitKinds, {
  description: 'onsite 上门拜访 (counts toward the monthly minimum), phone 电话拜访',
});
export const VisitStatusSchema = StringEnum(visitStatuses);
export const VisitPlanStatusSchema = StringEnum(visitPlanStatuses);
export const GradeSchema = StringEnum(accountGrades);

export const VisitSchema = Type.Object(
  {
    id: Type.Integer(),
    visitDate: Type.String({ format: 'date', description: 'The Shanghai day: of the check-in once done, else the planned day' }),
    accountId: Type.Integer(),
    accountCode: Type.String(),
    accountName: Type.String(),
    accountGrade: Nullable(GradeSchema),
    repUserId: Type.Integer(),
    repName: Type.String(),
    geographyId: Nullable(Type.Integer()),
    geographyName: Nullable(Type.String()),
    kind: VisitKindSchema,
    status: VisitStatusSchema,
    plannedFor: Nullable(Type.String({ format: 'date' })),
    checkedInAt: Nullable(DateTime),
    latitude: Nullable(Type.Number()),
    longitude: Nullable(Type.Number()),
    purpose: Type.String(),
    result: Type.String(),
    nextStep: Type.String(),
    cancelReason: Nullable(Type.String()),
    planId: Nullable(Type.Integer()),
    attachmentCount: Type.Integer(),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { $id: 'Visit' },
);

export const AttachmentIds = Type.Array(Id, {
  maxItems: 20,
  uniqueItems: true,
  description: 'Ids of my own uploads (POST /api/files), e.g. store photos',
});
