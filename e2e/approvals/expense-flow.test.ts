import { afterEach, describe, expect, inject, it } from 'vitest';
import { type BrowserSession, logIn, openBrowser, screenshot } from '../support/browser.js';

const baseUrl = inject('baseUrl');

/** A 1×1 PNG: the server checks the bytes, so the receipt must be a real image. */
const receipt = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

const sessions: BrowserSession[] = [];

/** Each person signs in in a browser of their own, as on their own machine. */
async function signIn(username: string) {
  const session = await openBrowser({ locale: 'zh-CN' });
  sessions.push(session);
  await logIn(session.page, baseUrl, username);
  return session.page;
}

afterEach(async () => {
  await Promise.all(sessions.splice(0).map((session) => session.close()));
});

describe('sales expense claim through approval in the browser', () => {
  it('APR-1 PLN-5 rep-huadong-1 files a claim, am-huadong-1 approves it in the inbox, finance marks it paid', async () => {
    // The rep files a travel claim with a receipt and submits it; the form says who will approve.
    const rep = await signIn('rep-huadong-1');
    await rep.goto(`${baseUrl}/expenses`);
    await rep.getByRole('button', { name: '新建报销单' }).click();
    const form = rep.getByRole('dialog');
    await form.locator('#category').click();
    await rep.locator('.ant-select-item-option').filter({ hasText: '差旅' }).click();
    await form.locator('#amount').fill('368.5');
    await form.locator('#description').fill('赴杭州拜访经销商：高铁二等座往返');
    await form.locator('input[type="file"]').setInputFiles({ name: 'receipt.png', mimeType: 'image/png', buffer: receipt });
    await form.getByText('receipt.png').waitFor();
    await form.getByTestId('chain-preview').getByText('直接上级审批').waitFor();
    await screenshot(rep, 'expense-flow-1-form');
    await form.getByRole('button', { name: '提交审批' }).click();
    await rep.waitForURL(/\/expenses\/\d+$/);
    const claimPath = new URL(rep.url()).pathname;
    await rep.locator('.ant-page-header').getByText('审批中').first().waitFor();
    await rep.getByRole('link', { name: 'receipt.png' }).waitFor();
    await screenshot(rep, 'expense-flow-2-submitted');

    // The manager sees the badge, opens the inbox and approves.
    const manager = await signIn('am-huadong-1');
    const badge = manager.getByTestId('pending-approvals');
    await badge.locator('.ant-badge-count').waitFor();
    expect(Number(await badge.locator('.ant-badge-count').getAttribute('title'))).toBeGreaterThanOrEqual(1);
    await badge.click();
    await manager.waitForURL(/\/approvals\/inbox/);
    const row = manager.locator('.ant-table-row').filter({ hasText: '¥368.50' });
    await row.waitFor();
    await screenshot(manager, 'expense-flow-3-inbox');
    await row.getByRole('link', { name: /差旅/ }).click();
    await manager.waitForURL(/\/approvals\/\d+$/);
    await manager.getByText('赴杭州拜访经销商：高铁二等座往返').waitFor();
    await manager.locator('.ant-page-header').getByRole('button', { name: '同意' }).click();
    const decision = manager.getByRole('dialog');
    await decision.locator('textarea').fill('同意，注意控制差旅标准');
    await decision.getByRole('button', { name: /同\s?意/ }).click();
    await manager.locator('.ant-page-header').getByText('已通过').waitFor();
    await screenshot(manager, 'expense-flow-4-approved');

    // Finance finds it among the claims awaiting payment (the decision reaches the claim through the outbox).
    const finance = await signIn('finance');
    await finance.goto(`${baseUrl}/expenses`);
    await finance.getByText('待付款', { exact: true }).click();
    const awaiting = finance.locator('.ant-table-row').filter({ hasText: '¥368.50' }).filter({ hasText: '赴杭州' });
    await expect
      .poll(
        async () => {
          if (await awaiting.count()) return true;
          await finance.locator('.ant-pro-table-list-toolbar').getByRole('img', { name: 'reload' }).click();
          return false;
        },
        { timeout: 20_000, interval: 1_000 },
      )
      .toBe(true);
    await screenshot(finance, 'expense-flow-5-awaiting-payment');
    await awaiting.getByRole('link').first().click();
    await finance.waitForURL((url) => url.pathname === claimPath);
    await finance.getByRole('button', { name: '登记付款' }).click();
    const payment = finance.getByRole('dialog');
    await payment.locator('#paymentReference').fill('BANK-E2E-0001');
    await payment.getByRole('button', { name: '登记付款' }).click();

    const status = finance.locator('.ant-page-header .ant-tag').first();
    await finance.locator('.ant-page-header').getByText('已付款', { exact: true }).waitFor();
    expect(await status.textContent()).toBe('已付款');
    await finance.getByText('BANK-E2E-0001').waitFor();
    await screenshot(finance, 'expense-flow-6-paid');
  });
});
