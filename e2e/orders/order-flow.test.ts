import type { Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { type BrowserSession, logIn, openBrowser, screenshot } from '../support/browser.js';

const baseUrl = inject('baseUrl');
const sessions: BrowserSession[] = [];

async function signIn(username: string) {
  const session = await openBrowser({ locale: 'zh-CN' });
  sessions.push(session);
  await logIn(session.page, baseUrl, username);
  return session.page;
}

afterEach(async () => {
  await Promise.all(sessions.splice(0).map((session) => session.close()));
});

async function getJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(`${baseUrl}${path}`);
  if (!response.ok()) throw new Error(`${path}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

interface Facts {
  warehouseId: number | null;
  credit: { availableFen: number | null };
  skus: { skuId: number; listPriceFen: number | null; availableStock: number | null }[];
}

/**
 * The setting, read through the API as ssg: an active account with a warehouse, and a priced SKU
 * sold by the unit with enough free stock there, so that only the credit check can fail.
 */
async function pickAccountAndSku(ssg: Page) {
  const accounts = await getJson<{ items: { id: number; code: string; status: string }[] }>(
    ssg,
    '/api/customers/accounts?limit=50&sort=name',
  );
  const skus = await getJson<{
    items: { id: number; code: string; unitsPerCase: number; minOrderQuantity: number | null; tracksCodes: boolean }[];
  }>(ssg, '/api/products/skus?status=active&limit=100');
  // Untracked SKUs: shipping them needs no batch codes.
  const candidates = skus.items.filter((s) => s.minOrderQuantity === null && !s.tracksCodes);
  for (const account of accounts.items.filter((a) => a.status === 'active')) {
    const facts = await getJson<Facts>(
      ssg,
      `/api/orders/entry-facts?accountId=${account.id}&skuIds=${candidates.map((s) => s.id).join(',')}`,
    );
    if (facts.warehouseId === null) continue;
    const fit = facts.skus.find((s) => s.listPriceFen !== null && s.listPriceFen >= 1000 && (s.availableStock ?? 0) >= 40);
    const sku = fit && candidates.find((s) => s.id === fit.skuId);
    if (fit && sku) return { account, sku, priceFen: fit.listPriceFen as number };
  }
  throw new Error('the demo has no account with a priced SKU in stock');
}

async function reloadUntil(page: Page, done: () => Promise<boolean>) {
  await expect
    .poll(
      async () => {
        if (await done()) return true;
        await page.reload();
        return false;
      },
      { timeout: 30_000, interval: 1_500 },
    )
    .toBe(true);
}

/** The account picker searches the server as one types; the option carries the account code. */
async function pickAccount(page: Page, code: string) {
  await page.locator('.ant-form-item').filter({ hasText: '客户' }).locator('input').first().fill(code);
  await page.locator('.ant-select-item-option').filter({ hasText: code }).first().click();
}

const statusTag = (page: Page) => page.locator('.ant-page-header .ant-tag').first();

async function shipAndSign(logistics: Page, accountCode: string, quantity: number | null, signer: string, shot: string) {
  await logistics.goto(`${baseUrl}/orders/shipments/new`);
  await pickAccount(logistics, accountCode);
  const ship = logistics.getByTestId('ship-0').locator('input');
  await ship.waitFor();
  if (quantity !== null) await ship.fill(String(quantity));
  await screenshot(logistics, `${shot}-form`);
  await logistics.getByRole('button', { name: '新建发运单' }).click();
  await logistics.waitForURL(/\/orders\/shipments\/\d+$/);
  await logistics.locator('.ant-page-header').getByRole('button', { name: '更新为：已签收' }).click();
  const dialog = logistics.getByRole('dialog');
  await dialog.locator('#signedBy').fill(signer);
  await dialog.getByRole('button', { name: /确\s?定/ }).click();
  await logistics.locator('.ant-page-header').getByText('已签收', { exact: true }).waitFor();
  await screenshot(logistics, `${shot}-signed`);
}

describe('an order over the credit limit from entry to completion in the browser', () => {
  it('OSB-1 OSB-2 OSB-3 OSB-10 ssg enters, director approves the credit, finance confirms, logistics ships in two parts', async () => {
    const ssg = await signIn('ssg');
    const { account, sku, priceFen } = await pickAccountAndSku(ssg);
    const quantity = 30;

    // Finance narrows the account's credit line so this order is over it.
    const finance = await signIn('finance');
    const credit = await finance.request.put(`${baseUrl}/api/customers/accounts/${account.id}/credit`, {
      data: { creditLimitFen: 100, creditRating: null, reason: 'e2e: 收紧信用额度' },
    });
    expect(credit.status()).toBe(200);

    // ssg types the order on the entry page: account, SKU by code, quantity; price and credit show at once.
    await ssg.goto(`${baseUrl}/orders/new`);
    await pickAccount(ssg, account.code);
    await ssg.getByTestId('credit-panel').getByText('信用额度').first().waitFor();
    await ssg.getByTestId('line-0-sku').locator('input').fill(sku.code);
    await ssg.locator('.ant-select-item-option').filter({ hasText: sku.code }).first().click();
    const units = ssg.getByTestId('line-0-units').locator('input');
    await units.fill(String(quantity));
    // Enter moves on to the next cell, as on the desk's keyboard.
    await units.press('Enter');
    const discount = ssg.getByTestId('line-0-discount').locator('input');
    await expect.poll(() => discount.evaluate((el) => el === document.activeElement)).toBe(true);
    const total = `¥${((quantity * priceFen) / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
    await ssg.getByTestId('line-0-total').getByText(total).waitFor();
    await ssg.getByText('超出信用额度，提交后需审批').waitFor();
    await screenshot(ssg, 'order-flow-1-entry');
    await ssg.getByRole('button', { name: '提交订单' }).click();
    await ssg.waitForURL(/\/orders\/\d+$/);
    const orderPath = new URL(ssg.url()).pathname;
    await ssg.locator('.ant-page-header').getByText('待审批').waitFor();
    const number = (await ssg.locator('.ant-page-header-heading-title').textContent())?.trim() ?? '';
    expect(number).toMatch(/^SO\d{6}-\d+$/);
    await screenshot(ssg, 'order-flow-2-awaiting-approval');

    // The director (ssg's superior) approves the credit check in the inbox.
    const director = await signIn('director');
    await director.goto(`${baseUrl}/approvals/inbox`);
    await director
      .getByRole('link', { name: new RegExp(number) })
      .first()
      .click();
    await director.waitForURL(/\/approvals\/\d+$/);
    await director.locator('.ant-page-header').getByRole('button', { name: '同意' }).click();
    const decision = director.getByRole('dialog');
    await decision.locator('textarea').fill('老客户，同意临时超额');
    await decision.getByRole('button', { name: /同\s?意/ }).click();
    await director.locator('.ant-page-header').getByText('已通过').waitFor();
    await screenshot(director, 'order-flow-3-approved');

    // Finance confirms once the decision has reached the order; the stock is reserved.
    await finance.goto(`${baseUrl}${orderPath}`);
    await reloadUntil(finance, async () => (await statusTag(finance).textContent()) === '待财务确认');
    await finance.locator('.ant-page-header').getByRole('button', { name: '财务确认' }).click();
    await finance
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s?定|OK/ })
      .click();
    await finance.locator('.ant-page-header').getByText('已确认', { exact: true }).waitFor();
    await screenshot(finance, 'order-flow-4-confirmed');

    // Logistics ships a part, then the rest; each shipment is signed for.
    const logistics = await signIn('logistics');
    await shipAndSign(logistics, account.code, 12, '张收货', 'order-flow-5-partial');
    await logistics.goto(`${baseUrl}${orderPath}`);
    expect(await statusTag(logistics).textContent()).toBe('部分发货');
    await shipAndSign(logistics, account.code, null, '张收货', 'order-flow-6-rest');

    // The order is complete, and its timeline tells every step.
    await logistics.goto(`${baseUrl}${orderPath}`);
    await logistics.locator('.ant-page-header').getByText('已完成', { exact: true }).waitFor();
    const timeline = logistics.locator('.ant-timeline');
    for (const step of [
      '状态：待审批',
      '检查未通过：信用',
      '审批：同意',
      '状态：待财务确认',
      '状态：已确认',
      '预留库存',
      '状态：部分发货',
      '状态：已发货',
      '物流：已签收',
      '状态：已完成',
    ])
      await timeline.getByText(step).first().waitFor();
    await screenshot(logistics, 'order-flow-7-completed');
  });
});
