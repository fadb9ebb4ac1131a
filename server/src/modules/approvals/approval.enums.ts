/** Where an approval stands. */
export const approvalStatuses = ['pending', 'approved', 'rejected', 'returned', 'withdrawn'] as const;
export type ApprovalStatus = (typeof approvalStatuses)[number];

/** One approver's piece of a step. */
export const taskStatuses = ['pending', 'approved', 'rejected', 'returned', 'transferred', 'skipped', 'cancelled'] as const;

/** The timeline vocabulary; every entry is appended, never changed. */
export const actionKinds = [
  'requested',
  'approved',
  'rejected',
  'returned',
  'transferred',
  'withdrawn',
  'commented',
  'resubmitted',
  'reminded',
  'escalated',
  'skipped',
] as const;
export type ActionKind = (typeof actionKinds)[number];

/**
 * sequential: approvers one after another (each superior level or named user is its own step; the holders of one
 * position are interchangeable, the first to act decides); countersign: everyone in the step must approve;
 * any: the first approval completes the step.
 */
export const stepModes = ['sequential', 'countersign', 'any'] as const;
export type StepMode = (typeof stepModes)[number];

/** requested: the people the filing module names when it submits (e.g. the common superior of two reps). */
export const approverKinds = ['superior', 'position', 'ladder', 'users', 'departmentHead', 'requested'] as const;
export type ApproverKind = (typeof approverKinds)[number];

/** Why a resolved step needs nobody: no one holds it, only the requester would, or it repeats the previous step's person. */
export const skipReasons = ['empty', 'requester', 'duplicate'] as const;
export type SkipReason = (typeof skipReasons)[number];
