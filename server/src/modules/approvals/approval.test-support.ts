import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { selectRows } from '../../platform/db/raw.js';
import { registerApprovalType } from './approval.registry.js';
import type { StepInput } from './approval.types.js';
import { type ApprovalRequest, requestApproval } from './request.service.js';

/**
 * A request type of the tests' own, so the engine is tested without any
 * owning module: the expense-claim defaults (the direct superior up to CNY
 * 5,000; above it also the nearest director-level superior).
 */
export const testType = 'test.request';
const directSuperior: StepInput = { name: '直接上级', mode: 'sequential', approvers: { kind: 'superior', levels: 1 } };
const director: StepInput = { name: '总监', mode: 'sequential', approvers: { kind: 'ladder', ladder: 'director' } };

registerApprovalType({
  key: testType,
  module: 'approvals',
  'zh-CN': '测试申请',
  en: 'Test request',
  subjectPath: (id) => `/test/${id}`,
  defaultDefinition: {
    name: '测试审批',
    tiers: [
      { minAmount: null, steps: [directSuperior] },
      { minAmount: 500_001, steps: [directSuperior, director] },
    ],
  },
});

/** Further types whose definitions the tests set through the editor API (countersign, any-of …). */
export function registerTestType(key: string): string {
  registerApprovalType({
    key,
    module: 'approvals',
    'zh-CN': key,
    en: key,
    subjectPath: (id) => `/test/${id}`,
    defaultDefinition: { name: key, tiers: [{ minAmount: null, steps: [directSuperior] }] },
  });
  return key;
}

export async function userIdsByName(db: Db): Promise<Map<string, number>> {
  const rows = await selectRows<{ id: string | number; username: string }>(db, sql`SELECT id, username FROM users`);
  return new Map(rows.map((row) => [row.username, Number(row.id)]));
}

let subjects = 0;

/** Files a request as the requester themself, the way an owning module would inside its own transaction. */
export function fileRequest(db: Db, requesterId: number, options: Partial<ApprovalRequest> = {}) {
  subjects += 1;
  return db.transaction((tx) =>
    requestApproval(
      tx,
      { userId: requesterId },
      {
        type: testType,
        subjectType: 'test',
        subjectId: subjects,
        amount: 10_000,
        requesterId,
        summary: `测试 ${subjects}`,
        payload: { n: subjects },
        ...options,
      },
    ),
  );
}

export async function eventsOf(db: Db, type: string, approvalId: number) {
  return selectRows<{ id: number; payload: Record<string, unknown> }>(
    db,
    sql`SELECT id, payload FROM domain_events WHERE type = ${type} AND (payload ->> 'approvalId')::bigint = ${approvalId} ORDER BY id`,
  );
}
