// The dashboard: figures and SVG charts render on the server (checked with JavaScript off), and
// the period selector changes the charts' range.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { api, customerSays, launch, signIn, waitForHydration, BASE_URL, ADMIN_USER, ADMIN_PASSWORD } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the dashboard draws its charts without JavaScript and follows the period', async () => {
  // Some activity to draw.
  for (const message of ['¿Cuál es el horario?', 'Me robaron la tarjeta, necesito una persona']) {
    const chat = await api('POST', '/chat/start', {});
    await customerSays(chat, message);
  }

  // Signed in with a normal page, then the same session with JavaScript off.
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, ADMIN_USER, ADMIN_PASSWORD);
  await page.waitForURL(`${BASE_URL}/`);
  const cookies = await context.cookies();
  const plain = await browser.newContext({ javaScriptEnabled: false });
  await plain.addCookies(cookies);
  const noJs = await plain.newPage();
  await noJs.goto(`${BASE_URL}/?days=30`);
  const conversations = noJs.getByTestId('chart-conversations');
  assert.equal(await conversations.locator('svg rect').count(), 30, 'a bar per day');
  assert.match(await conversations.locator('svg').getAttribute('aria-label'), /Conversations per day, last 30 days/);
  assert.equal(await noJs.getByTestId('dashboard-charts').locator('figure').count(), 7);
  assert.ok((await noJs.getByTestId('chart-conversations').locator('text.value').allTextContents()).length >= 1, 'today has a bar with its value');
  assert.equal(await noJs.locator('select[name=days] option[selected]').textContent(), 'Last 30 days');
  const cards = await noJs.getByTestId('dashboard-cards').textContent();
  assert.match(cards, /Assistant alone/);
  assert.match(cards, /CSAT/);
  const answers = await noJs.getByTestId('answer-quality').textContent();
  assert.match(answers, /The assistant's answers, last 30 days/);
  assert.match(answers, /reviewed: \d+ helpful/);
  await plain.close();

  // With JavaScript: choose another period.
  await waitForHydration(page);
  await page.locator('select[name=days]').selectOption('14');
  await page.getByTestId('period').getByRole('button', { name: 'Show' }).click();
  await page.waitForURL(/days=14/);
  await page.getByTestId('chart-conversations').locator('figcaption', { hasText: 'last 14 days' }).waitFor();
  assert.equal(await page.getByTestId('chart-conversations').locator('svg rect').count(), 14);
  await context.close();
});
