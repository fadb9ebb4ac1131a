import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { createPrincipalLoader } from '../org/index.js';
import { testType, userIdsByName } from './approval.test-support.js';
import { decideOrRequest } from './authority.service.js';

let t: TestApp;
let ids: Map<string, number>;
const id = (username: string) => ids.get(username) ?? 0;

beforeAll(async () => {
  t = await createTestApp();
  ids = await userIdsByName(t.database.db);
});
afterAll(() => t.close());

async function decide(username: string, action: string, amount: number) {
  const principal = await createPrincipalLoader(t.database.db)(id(username));
  if (!principal) throw new Error(`${username} cannot act`);
  return t.database.db.transaction((tx) =>
    decideOrRequest(tx, { userId: principal.userId }, principal, {
      action,
      amount,
      approval: {
        type: testType,
        subjectType: 'test',
        subjectId: `${username}-${amount}`,
        amount,
        requesterId: principal.userId,
        summary: `${action} ${amount}`,
        payload: {},
      },
    }),
  );
}

describe('ORG-5 beyond one’s authority the action becomes an approval request', () => {
  it('ORG-5 within the limit the action goes ahead without an approval', async () => {
    expect(await decide('mm-huadong', 'expense.approve', 500_000)).toEqual({ outcome: 'allowed' });
    expect(await decide('rep-huadong-1', 'contract.sign', 5_000_000)).toEqual({ outcome: 'allowed' });
  });

  it('ORG-5 beyond the limit an approval is opened and the caller learns who decides', async () => {
    const outcome = await decide('rep-huadong-1', 'contract.sign', 5_000_001);
    expect(outcome).toMatchObject({ outcome: 'approval', status: 'pending' });
    if (outcome.outcome !== 'approval') throw new Error('expected an approval');
    expect(outcome.currentApprovers.map((a) => a.id)).toEqual([id('am-huadong-1')]);
    const detail = await t.as('am-huadong-1', { method: 'GET', url: `/api/approvals/${outcome.approvalId}` });
    expect(detail.json()).toMatchObject({ status: 'pending', amount: 5_000_001, can: { act: true } });
  });

  it('ORG-5 an action outside one’s authority altogether is refused, naming the action', async () => {
    const refused = decide('rep-huadong-1', 'expense.approve', 100);
    await expect(refused).rejects.toMatchObject({
      definition: { code: 'approvals.notAuthorised', status: 403 },
      params: { action: 'expense.approve' },
    });
  });
});
