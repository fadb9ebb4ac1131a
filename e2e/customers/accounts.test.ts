import type { Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { type BrowserSession, logIn, openBrowser, screenshot } from '../support/browser.js';

const baseUrl = inject('baseUrl');

interface AccountRow {
  id: number;
  code: string;
  name: string;
  grade: string | null;
  ownerUserId: number | null;
  ownerName: string | null;
}

const sessions: BrowserSession[] = [];

async function signIn(username: string) {
  const session = await openBrowser({ locale: 'zh-CN' });
  sessions.push(session);
  await logIn(session.page, baseUrl, username);
  return session.page;
}

/** Reads the API as the signed-in person (the page's cookies), to know what the screen should show. */
async function apiGet<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(`${baseUrl}${path}`);
  expect(response.ok()).toBe(true);
  return (await response.json()) as T;
}

afterEach(async () => {
  await Promise.all(sessions.splice(0).map((session) => session.close()));
});

describe('customer accounts in the browser', () => {
  it('CUS-1 CUS-3 mm-huadong filters the account list by grade A and opens an account’s 360° page with its contacts', async () => {
    const manager = await signIn('mm-huadong');
    await manager.goto(`${baseUrl}/customers/accounts`);
    const rows = manager.locator('.ant-table-row');
    await rows.first().waitFor();

    // Filter by grade A in the search form and query.
    await manager.locator('.ant-pro-table-search #grade').click();
    await manager.locator('.ant-select-item-option').filter({ hasText: 'A 级' }).click();
    await manager.getByRole('button', { name: /查\s?询/ }).click();
    const { total } = await apiGet<{ total: number }>(manager, '/api/customers/accounts?grade=A&limit=1');
    expect(total).toBeGreaterThan(0);
    await manager
      .locator('.ant-pagination-total-text')
      .filter({ hasText: `总共 ${total} 条` })
      .waitFor();
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(0);
    expect(await rows.filter({ hasNotText: 'A 级' }).count()).toBe(0);
    await screenshot(manager, 'customers-1-grade-a');

    // Open the first account: its card shows the contacts the API has for it.
    const firstLink = rows.first().locator('a').nth(1);
    const name = (await firstLink.textContent()) ?? '';
    await firstLink.click();
    await manager.waitForURL(/\/customers\/accounts\/\d+$/);
    const id = Number(new URL(manager.url()).pathname.split('/').pop());
    const detail = await apiGet<{ name: string; grade: string; contacts: { name: string }[] }>(manager, `/api/customers/accounts/${id}`);
    expect(detail.name).toBe(name);
    expect(detail.grade).toBe('A');
    expect(detail.contacts.length).toBeGreaterThan(0);
    await manager.locator('.ant-page-header').getByText(name).waitFor();
    await manager.getByRole('tab', { name: /联系人/ }).waitFor();
    const contacts = manager.locator('.ant-tabs-tabpane-active .ant-table-row');
    await contacts.first().waitFor();
    expect(await contacts.count()).toBe(detail.contacts.length);
    for (const contact of detail.contacts) await contacts.filter({ hasText: contact.name }).first().waitFor();
    await screenshot(manager, 'customers-2-account-360');
  });

  it('CUS-2 a rep creating a duplicate account sees the conflict naming the existing account, and nothing is created', async () => {
    // An account of the market that the rep does not own (the manager sees the whole market).
    const manager = await signIn('mm-huadong');
    const rep = await signIn('rep-huadong-1');
    const me = await apiGet<{ user: { id: number } }>(rep, '/api/auth/me');
    const market = await apiGet<{ items: AccountRow[] }>(manager, '/api/customers/accounts?limit=100&sort=code');
    const existing = market.items.find((a) => a.ownerUserId !== null && a.ownerUserId !== me.user.id);
    expect(existing).toBeDefined();
    if (!existing) return;
    const before = await apiGet<{ total: number }>(manager, `/api/customers/accounts?q=${encodeURIComponent(existing.name)}&limit=1`);

    await rep.goto(`${baseUrl}/customers/accounts`);
    await rep.getByRole('button', { name: '新建客户' }).click();
    const form = rep.getByRole('dialog');
    await form.locator('#name').fill(existing.name);
    await form.getByRole('button', { name: /确\s?定/ }).click();

    const conflict = form.getByTestId('duplicate-conflict');
    await conflict.waitFor();
    const text = (await conflict.textContent()) ?? '';
    expect(text).toContain('客户重复，不能建档');
    expect(text).toContain(existing.code);
    expect(text).toContain(existing.name);
    // The owner is named, masked (张**) because the account is outside the rep's own scope.
    expect(text).toMatch(/负责人：\S+/);
    expect(text).not.toContain(existing.ownerName ?? '—');
    await conflict.getByRole('button', { name: '提出归属争议' }).waitFor();
    await screenshot(rep, 'customers-3-duplicate-conflict');

    const after = await apiGet<{ total: number }>(manager, `/api/customers/accounts?q=${encodeURIComponent(existing.name)}&limit=1`);
    expect(after.total).toBe(before.total);
  });
});
