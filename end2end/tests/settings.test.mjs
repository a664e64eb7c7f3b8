// The settings page: an ADMIN changes the greeting (new chats get it at once), a bad capacity is
// refused with the reason, and "Reset" goes back to the configured greeting; a dry run of the
// retention job shows what is past due, by kind.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { api, launch, signIn, waitForHydration, BASE_URL, ADMIN_USER, ADMIN_PASSWORD } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function greeting() {
  return (await api('POST', '/chat/start', { language: 'es' })).messages[0].content;
}

test('an admin edits the settings JoxAI reads, with each value checked', async () => {
  const before = await greeting();
  const page = await browser.newPage();
  await signIn(page, ADMIN_USER, ADMIN_PASSWORD);
  await page.waitForURL(`${BASE_URL}/`);
  await page.goto(`${BASE_URL}/settings`);
  await waitForHydration(page);

  const row = page.locator('tr[data-setting="chat.greeting_es"]');
  await row.getByTestId('value-chat.greeting_es').fill('¡Hola! Te atiende Banco Sol.');
  await row.getByRole('button', { name: 'Save' }).click();
  await row.getByRole('button', { name: 'Reset' }).waitFor();
  assert.equal(await greeting(), '¡Hola! Te atiende Banco Sol.');

  const capacity = page.locator('tr[data-setting="routing.agent_capacity"]');
  await capacity.getByTestId('value-routing.agent_capacity').fill('muchos');
  await capacity.getByRole('button', { name: 'Save' }).click();
  await page.getByTestId('settings-error').filter({ hasText: 'whole number from 1 to 100' }).waitFor();

  await row.getByRole('button', { name: 'Reset' }).click();
  await row.getByRole('button', { name: 'Reset' }).waitFor({ state: 'detached' });
  assert.equal(await greeting(), before);
  await page.close();
});

test('an admin sees what retention would delete with a dry run, by kind', async () => {
  const page = await browser.newPage();
  await signIn(page, ADMIN_USER, ADMIN_PASSWORD);
  await page.waitForURL(`${BASE_URL}/`);
  await page.goto(`${BASE_URL}/settings`);
  await waitForHydration(page);
  const retention = page.getByTestId('retention');
  await page.locator('tr[data-setting="retention.audit_days"]').waitFor();
  await retention.getByTestId('retention-dry-run').click();
  const report = retention.getByTestId('retention-report');
  await report.waitFor();
  assert.match(await retention.textContent(), /Last dry run/);
  for (const kind of ['closed_conversations', 'tickets', 'answer_log', 'notifications', 'audit']) {
    await report.locator(`tr[data-kind="${kind}"]`).waitFor();
  }
  assert.equal(await report.locator('tr[data-kind="audit"] td').nth(1).textContent(), '3650');
  await page.close();
});
