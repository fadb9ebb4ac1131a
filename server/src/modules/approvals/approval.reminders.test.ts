import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { selectRows } from '../../platform/db/raw.js';
import { runDueJobs } from '../../platform/jobs/index.js';
import { fileRequest, userIdsByName } from './approval.test-support.js';
import { reminderSettings } from './reminder.job.js';

let t: TestApp;
let ids: Map<string, number>;
const id = (username: string) => ids.get(username) ?? 0;
const quiet = { warn: () => undefined, error: () => undefined };

beforeAll(async () => {
  t = await createTestApp();
  ids = await userIdsByName(t.database.db);
});
afterAll(() => t.close());

/** One run of the APR-4 job, due now whatever ran before; the clock is moved by moving the data back. */
async function runReminderJob() {
  await t.database.db.execute(sql`UPDATE scheduled_jobs SET next_run_at = now() WHERE name = 'approvals.reminders'`);
  expect(await runDueJobs(t.database.db, { log: quiet })).toContain('approvals.reminders');
}
const age = (approvalId: number, column: 'created_at' | 'reminded_at', hours: number) =>
  t.database.db.execute(
    sql`UPDATE approval_tasks SET ${sql.identifier(column)} = ${sql.identifier(column)} - ${hours} * interval '1 hour' WHERE approval_id = ${approvalId}`,
  );
const timeline = async (approvalId: number) =>
  (
    await selectRows<{ action: string; target: string | null }>(
      t.database.db,
      sql`SELECT a.action, u.username AS target FROM approval_actions a LEFT JOIN users u ON u.id = a.target_user_id
        WHERE a.approval_id = ${approvalId} ORDER BY a.id`,
    )
  ).map((row) => (row.target ? `${row.action}:${row.target}` : row.action));
const notificationsOf = async (username: string, kind: string) =>
  (await t.as(username, { method: 'GET', url: '/api/notifications?limit=200' }))
    .json()
    .items.filter((n: { kind: string }) => n.kind === kind);

describe('APR-4 reminders and escalation', () => {
  it('APR-4 reads its thresholds from the environment, 24 h and 72 h by default', () => {
    expect(reminderSettings({})).toEqual({ remindMs: 24 * 3_600_000, escalateMs: 72 * 3_600_000 });
    expect(reminderSettings({ APPROVAL_REMIND_HOURS: '4', APPROVAL_ESCALATE_HOURS: 'x' })).toEqual({
      remindMs: 4 * 3_600_000,
      escalateMs: 72 * 3_600_000,
    });
  });

  it('APR-4 reminds the approver once per period after the threshold, never before', async () => {
    const { approvalId } = await fileRequest(t.database.db, id('rep-huadong-1'));
    await runReminderJob();
    expect(await timeline(approvalId)).toEqual(['requested']);

    await age(approvalId, 'created_at', 25);
    await runReminderJob();
    await runReminderJob();
    expect(await timeline(approvalId)).toEqual(['requested', 'reminded:am-huadong-1']);
    const [reminder] = await notificationsOf('am-huadong-1', 'approval.reminder');
    expect(reminder).toMatchObject({ title: expect.stringContaining('催办'), link: `/approvals/${approvalId}` });

    await age(approvalId, 'reminded_at', 25);
    await runReminderJob();
    expect(await timeline(approvalId)).toEqual(['requested', 'reminded:am-huadong-1', 'reminded:am-huadong-1']);
  });

  it("APR-4 escalates past the threshold to the approver's superior; whichever acts first decides", async () => {
    const { approvalId } = await fileRequest(t.database.db, id('rep-huadong-2'));
    await age(approvalId, 'created_at', 73);
    await runReminderJob();
    await runReminderJob();
    expect(await timeline(approvalId)).toEqual(['requested', 'reminded:am-huadong-1', 'escalated:mm-huadong']);
    const detail = (await t.as('mm-huadong', { method: 'GET', url: `/api/approvals/${approvalId}` })).json();
    expect(detail.currentApprovers.map((a: { id: number }) => a.id)).toEqual([id('am-huadong-1'), id('mm-huadong')]);
    expect(detail.can.act).toBe(true);
    expect((await notificationsOf('mm-huadong', 'approval.escalated')).length).toBeGreaterThan(0);
    const inbox = (await t.as('mm-huadong', { method: 'GET', url: '/api/approvals/inbox?limit=200' })).json();
    expect(inbox.items.some((item: { approvalId: number }) => item.approvalId === approvalId)).toBe(true);

    const approved = await t.as('mm-huadong', { method: 'POST', url: `/api/approvals/${approvalId}/approve`, payload: {} });
    expect(approved.json().status).toBe('approved');
    expect(approved.json().tasks.map((task: { approverId: number; status: string }) => task.status)).toEqual(['cancelled', 'approved']);
    expect((await t.as('am-huadong-1', { method: 'POST', url: `/api/approvals/${approvalId}/approve`, payload: {} })).statusCode).toBe(409);
    const [audit] = await selectRows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'approval' AND entity_id = ${String(approvalId)} AND action IN ('remind', 'escalate')`,
    );
    expect(audit?.n).toBe(2);
  });

  it('APR-4 leaves decided approvals alone', async () => {
    const { approvalId } = await fileRequest(t.database.db, id('rep-huadong-1'));
    await t.as('rep-huadong-1', { method: 'POST', url: `/api/approvals/${approvalId}/withdraw`, payload: {} });
    await age(approvalId, 'created_at', 100);
    await runReminderJob();
    expect(await timeline(approvalId)).toEqual(['requested', 'withdrawn']);
  });
});
