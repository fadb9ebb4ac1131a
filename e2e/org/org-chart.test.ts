import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type BrowserSession, logIn, openBrowser, screenshot } from '../support/browser.js';

const baseUrl = inject('baseUrl');
let browser: BrowserSession;

beforeAll(async () => {
  browser = await openBrowser({ locale: 'zh-CN' });
});
afterAll(() => browser?.close());

/** Picks a language on the header's switch (中文 | English). */
async function switchLanguage(language: string) {
  await browser.page.locator('header').getByText(language, { exact: true }).click();
}

describe('org chart in the browser', () => {
  it('ORG-1 shows the director the org chart in Chinese, then in English after the language switch', async () => {
    const { page } = browser;
    await logIn(page, baseUrl, 'director');
    await page.goto(`${baseUrl}/org/chart`);
    await page.getByText('营销中心').first().waitFor();
    await page.getByRole('menuitem', { name: '组织架构' }).waitFor();

    await switchLanguage('English');
    await page.getByRole('menuitem', { name: 'Org chart' }).waitFor();
    // Demo data stays as entered; only the interface changes language.
    await page.getByText('营销中心').first().waitFor();
    const file = await screenshot(page, 'org-chart-en');
    expect(fs.statSync(file).size).toBeGreaterThan(0);

    // The choice is saved for the director; put it back so later specs start in Chinese.
    await switchLanguage('中文');
    await page.getByRole('menuitem', { name: '组织架构' }).waitFor();
  });
});
