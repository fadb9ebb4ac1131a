import { afterEach, describe, expect, inject, it } from 'vitest';
import { type BrowserSession, logIn, openBrowser, screenshot } from '../support/browser.js';

const baseUrl = inject('baseUrl');
const sessions: BrowserSession[] = [];

afterEach(async () => {
  await Promise.all(sessions.splice(0).map((session) => session.close()));
});

/** Names and a mobile no demo account has, so duplicate protection lets the first conversion through. */
function uniqueLead() {
  const stamp = String(Date.now()).slice(-8);
  return { name: `测试客${stamp.slice(-4)}`, company: `浙江测试${stamp}商贸有限公司`, mobile: `139${stamp}` };
}

describe('leads in the browser', () => {
  it('CUS-7 CUS-2 rep-huadong-1 records a lead, follows it up, converts it; a second lead of the same company is answered with the existing account', async () => {
    const session = await openBrowser({ locale: 'zh-CN' });
    sessions.push(session);
    const { page } = session;
    await logIn(page, baseUrl, 'rep-huadong-1');
    const lead = uniqueLead();

    // A walk-in: the rep records it from the board and owns it at once.
    await page.goto(`${baseUrl}/leads`);
    await page.waitForURL(/\/leads\/board/);
    await page.getByTestId('lead-column-new').waitFor();
    await page.getByRole('button', { name: '新建线索' }).click();
    const form = page.getByRole('dialog');
    await form.locator('#name').fill(lead.name);
    await form.locator('#mobile').fill(lead.mobile);
    await form.locator('#company').fill(lead.company);
    await screenshot(page, 'lead-board-1-new-lead');
    await form.getByRole('button', { name: /确\s?定/ }).click();
    await page.waitForURL(/\/leads\/\d+$/);
    const leadPath = new URL(page.url()).pathname;
    const header = page.locator('.ant-page-header');
    await header.getByText(lead.name).waitFor();
    await header.getByText('已分配').waitFor();

    // A call with its outcome: the lead moves to following up and the timeline shows it.
    await header.getByRole('button', { name: '添加跟进' }).click();
    const followUp = page.getByRole('dialog');
    await followUp.locator('#outcome').fill('有意向，约下周到店');
    await followUp.locator('#note').fill('老板对新品感兴趣');
    await followUp.getByRole('button', { name: /确\s?定/ }).click();
    await page.getByTestId('lead-follow-up').filter({ hasText: '有意向，约下周到店' }).waitFor();
    await header.getByText('跟进中').waitFor();
    await screenshot(page, 'lead-board-2-followed-up');

    // Conversion goes through duplicate protection and creates the account.
    await header.getByRole('button', { name: '转为客户' }).click();
    const convert = page.getByRole('dialog');
    await convert.locator('#name').waitFor();
    expect(await convert.locator('#name').inputValue()).toBe(lead.company);
    await convert.getByRole('button', { name: /确\s?定/ }).click();
    const outcome = page.getByTestId('lead-outcome');
    await outcome.getByText('已转客户').waitFor();
    const accountCode = (await outcome.getByRole('link').textContent())?.trim() ?? '';
    expect(accountCode).toMatch(/^KH\d+$/);
    await header.getByText('已转客户').waitFor();
    await expect.poll(() => header.getByRole('button', { name: '添加跟进' }).count()).toBe(0);
    await screenshot(page, 'lead-board-3-converted');

    // The board shows it in the converted column with its account.
    await page.goto(`${baseUrl}/leads/board`);
    const leadId = leadPath.split('/').pop();
    const card = page.getByTestId('lead-column-converted').getByTestId(`lead-card-${leadId}`);
    await card.waitFor();
    await card.getByText(accountCode).waitFor();
    expect(await page.getByTestId('lead-column-following').getByTestId(`lead-card-${leadId}`).count()).toBe(0);
    await screenshot(page, 'lead-board-4-board');

    // A second lead from the same company: the conversion names the existing account instead of filing it twice.
    await page.getByRole('button', { name: '新建线索' }).click();
    const second = page.getByRole('dialog');
    await second.locator('#name').fill(`${lead.name}乙`);
    await second.locator('#company').fill(lead.company);
    await second.getByRole('button', { name: /确\s?定/ }).click();
    await page.waitForURL(/\/leads\/\d+$/);
    await page.locator('.ant-page-header').getByText(`${lead.name}乙`).waitFor();
    await page.locator('.ant-page-header').getByRole('button', { name: '转为客户' }).click();
    const again = page.getByRole('dialog');
    await again.getByRole('button', { name: /确\s?定/ }).click();
    const duplicate = again.getByTestId('lead-duplicate');
    await duplicate.getByText('客户已存在，未重复建档').waitFor();
    expect(await duplicate.textContent()).toContain(accountCode);
    await screenshot(page, 'lead-board-5-duplicate');
    await duplicate.getByRole('button', { name: '关联到该客户并关闭线索' }).click();
    await page.getByTestId('lead-outcome').getByRole('link', { name: accountCode }).waitFor();
    await page.locator('.ant-page-header').getByText('已转客户').waitFor();
  });
});
