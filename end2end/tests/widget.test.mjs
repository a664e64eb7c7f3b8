// The widget frame: a launcher button that opens and closes the chat panel.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { launch, BASE_URL } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the launcher opens and closes the chat panel', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${BASE_URL}/widget`);
  const launcher = page.getByTestId('widget-launcher');
  await launcher.waitFor();
  assert.equal(await launcher.getAttribute('aria-expanded'), 'false');
  await launcher.click();
  await page.getByTestId('widget-panel').waitFor();
  assert.equal(await launcher.getAttribute('aria-expanded'), 'true');
  await page.getByRole('button', { name: 'Cerrar chat' }).first().click();
  await page.getByTestId('widget-panel').waitFor({ state: 'detached' });
  assert.deepEqual(errors, []);
  await page.close();
});
