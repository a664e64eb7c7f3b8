// The audit log viewer: an ADMIN filters the log by action and verifies the hash chain.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { launch, signIn, waitForHydration, BASE_URL, ADMIN_USER, ADMIN_PASSWORD } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('an admin filters the audit log and verifies its chain', async () => {
  const page = await browser.newPage();
  await signIn(page, ADMIN_USER, ADMIN_PASSWORD);
  await page.waitForURL(`${BASE_URL}/`);
  await page.goto(`${BASE_URL}/audit?action=auth.login`);
  await waitForHydration(page);
  const rows = page.getByTestId('audit-table').locator('tbody tr');
  await rows.first().waitFor();
  for (const action of await rows.locator('td:nth-child(4)').allTextContents()) {
    assert.equal(action, 'auth.login');
  }
  await page.getByTestId('verify-chain').click();
  await page.getByTestId('verify-result').filter({ hasText: /Chain intact: \d+ records checked/ }).waitFor();
  await page.close();
});
