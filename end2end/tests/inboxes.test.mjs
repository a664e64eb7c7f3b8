// The inbox admin page: an ADMIN adds a bank website, gets the tag to paste and the identity
// secret (shown once), sets the privacy notice customers must accept, and the inbox is listed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { launch, signIn, waitForHydration, BASE_URL, ADMIN_USER, ADMIN_PASSWORD } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('an admin adds an inbox and gets its tag and secret', async () => {
  const page = await browser.newPage();
  await signIn(page, ADMIN_USER, ADMIN_PASSWORD);
  await page.waitForURL(`${BASE_URL}/`);
  await page.goto(`${BASE_URL}/inboxes/new`);
  await waitForHydration(page);
  const form = page.getByTestId('inbox-form');
  await form.locator('input[name=name]').fill('Banca Móvil');
  await form.locator('textarea[name=allowed_origins]').fill('https://m.banco.example\nhttps://www.banco.example');
  await form.locator('select[name=default_language]').selectOption('en');
  await form.locator('textarea[name=hours]').fill('mon 09:00-18:00\nsat 10:00-14:00');
  await form.locator('input[name=utc_offset_minutes]').fill('-360');
  await form.locator('input[name=notice_version]').fill('2026-12');
  await form.locator('input[name=notice_required]').check();
  await form.locator('textarea[name=notice_es]').fill('Banca Móvil trata tus datos para atenderte.');
  await form.locator('button[type=submit]').click();

  const tag = await page.getByTestId('embed-tag').textContent();
  assert.match(tag, /<script src="http:\/\/127\.0\.0\.1:\d+\/widget\.js" data-inbox="ibx_[0-9a-f]{24}" async><\/script>/);
  assert.match(await page.getByTestId('identity-secret').textContent(), /^[0-9a-f]{64}$/);

  // A bad origin is refused with the reason, and nothing changes.
  await form.locator('textarea[name=allowed_origins]').fill('not an origin');
  await form.locator('button[type=submit]').click();
  await page.locator('p.error', { hasText: 'is not an origin' }).waitFor();

  await page.goto(`${BASE_URL}/inboxes`);
  const key = tag.match(/ibx_[0-9a-f]{24}/)[0];
  const row = page.locator(`tr[data-inbox-key="${key}"]`);
  await row.waitFor();
  assert.match(await row.textContent(), /https:\/\/m\.banco\.example, https:\/\/www\.banco\.example/);
  await row.getByRole('link', { name: 'Banca Móvil' }).click();
  await page.getByTestId('inbox-key').filter({ hasText: key }).waitFor();
  assert.equal(await page.locator('textarea[name=hours]').inputValue(), 'mon 09:00-18:00\nsat 10:00-14:00');
  assert.equal(await page.locator('input[name=notice_version]').inputValue(), '2026-12');
  assert.equal(await page.locator('input[name=notice_required]').isChecked(), true);
  assert.equal(await page.locator('textarea[name=notice_es]').inputValue(), 'Banca Móvil trata tus datos para atenderte.');
  await page.close();
});
