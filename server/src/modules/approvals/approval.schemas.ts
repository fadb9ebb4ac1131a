import { Type } from 'typebox';
import { DateTime, Nullable, StringEnum } from '../../platform/http/schemas.js';
import { approvalStatuses, approverKinds, skipReasons, stepModes, taskStatuses } from './approval.enums.js';
import { ladderLevels, maxSuperiorLevels } from './definition.rules.js';

/** Request and response shapes of the approvals API, shared by its route files. */
const PersonSchema = Type.Object({ id: Type.Integer(), displayName: Type.String() });
const Amount = Nullable(Type.Integer({ description: 'Fen' }));

/** The editor's definition. Fields each approver kind needs are checked by the service, which names the path of each bad part. */
export const DefinitionSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 60 }),
    tiers: Type.Array(
      Type.Object(
        {
          minAmount: Nullable(Type.Integer({ minimum: 0, description: 'Fen, inclusive; null = from 0' })),
          steps: Type.Array(
            Type.Object(
              {
                name: Type.String({ minLength: 1, maxLength: 60 }),
                mode: StringEnum(stepModes),
                approvers: Type.Object(
                  {
                    kind: StringEnum(approverKinds),
                    levels: Type.Optional(Type.Integer({ minimum: 1, maximum: maxSuperiorLevels, description: 'kind superior' })),
                    positionId: Type.Optional(Type.Integer({ minimum: 1, description: 'kind position' })),
                    ladder: Type.Optional(StringEnum(ladderLevels, { description: 'kind ladder' })),
                    userIds: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 50, description: 'kind users' })),
                  },
                  { additionalProperties: false },
                ),
              },
              { additionalProperties: false },
            ),
            { maxItems: 20 },
          ),
        },
        { additionalProperties: false },
      ),
      { maxItems: 20 },
    ),
  },
  { additionalProperties: false },
);

const ResolvedStepSchema = Type.Object({
  name: Type.String(),
  mode: StringEnum(stepModes),
  approvers: Type.Array(PersonSchema),
  skipped: Nullable(StringEnum(skipReasons)),
});

export const ChainPreviewSchema = Type.Object({
  steps: Type.Array(Type.Object({ name: Type.String(), mode: StringEnum(stepModes), approvers: Type.Array(PersonSchema) })),
  skipped: Type.Array(Type.Object({ name: Type.String(), reason: StringEnum(skipReasons) })),
});

export const ApprovalTypeSchema = Type.Object({
  key: Type.String(),
  module: Type.String(),
  'zh-CN': Type.String(),
  en: Type.String(),
  definition: DefinitionSchema,
  isDefault: Type.Boolean({ description: 'Nobody edited the registered default' }),
  updatedAt: Nullable(DateTime),
});

const listed = {
  approvalId: Type.Integer(),
  type: Type.String(),
  typeLabel: Type.String(),
  subjectType: Type.String(),
  subjectId: Type.String(),
  subjectPath: Nullable(Type.String({ description: 'Web route of the subject in its owning module' })),
  summary: Type.String(),
  amount: Amount,
  status: StringEnum(approvalStatuses),
  round: Type.Integer(),
  createdAt: DateTime,
  decidedAt: Nullable(DateTime),
  requester: PersonSchema,
};

export const InboxItemSchema = Type.Object({
  ...listed,
  taskId: Type.Integer(),
  stepIndex: Type.Integer(),
  stepName: Nullable(Type.String()),
  waitingSince: DateTime,
});

export const MineItemSchema = Type.Object({ ...listed, currentApprovers: Type.Array(PersonSchema) });

export const DoneItemSchema = Type.Object({
  ...listed,
  taskId: Type.Integer(),
  myDecision: StringEnum(taskStatuses),
  myComment: Nullable(Type.String()),
  actedAt: Nullable(DateTime),
});

export const ApprovalDetailSchema = Type.Object(
  {
    id: Type.Integer(),
    type: Type.String(),
    typeLabel: Type.String(),
    subjectType: Type.String(),
    subjectId: Type.String(),
    subjectPath: Nullable(Type.String()),
    amount: Amount,
    summary: Type.String(),
    payload: Type.Record(Type.String(), Type.Unknown(), { description: 'Snapshot of the subject as submitted' }),
    status: StringEnum(approvalStatuses),
    round: Type.Integer(),
    currentStep: Type.Integer(),
    createdAt: DateTime,
    decidedAt: Nullable(DateTime),
    requester: PersonSchema,
    chain: Type.Array(ResolvedStepSchema),
    currentApprovers: Type.Array(PersonSchema),
    tasks: Type.Array(
      Type.Object({
        id: Type.Integer(),
        round: Type.Integer(),
        stepIndex: Type.Integer(),
        approverId: Type.Integer(),
        approverName: Type.String(),
        status: StringEnum(taskStatuses),
        originTaskId: Nullable(Type.Integer()),
        createdAt: DateTime,
        actedAt: Nullable(DateTime),
        comment: Nullable(Type.String()),
      }),
    ),
    timeline: Type.Array(
      Type.Object({
        id: Type.Integer(),
        round: Type.Integer(),
        stepIndex: Nullable(Type.Integer()),
        action: Type.String(),
        actorId: Nullable(Type.Integer()),
        actorName: Nullable(Type.String()),
        comment: Nullable(Type.String()),
        targetUserId: Nullable(Type.Integer()),
        targetUserName: Nullable(Type.String()),
        at: DateTime,
      }),
    ),
    can: Type.Object({ act: Type.Boolean(), withdraw: Type.Boolean(), comment: Type.Boolean() }),
  },
  { $id: 'ApprovalDetail' },
);
