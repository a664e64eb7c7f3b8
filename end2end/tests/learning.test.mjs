// The assistant learns from review in a real browser: an answer the assistant got wrong is
// marked wrong with the article that should have answered; the question becomes one of that
// article's example questions, and asked again it is answered from the article.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { launch, signIn, waitForHydration, askAssistant as ask, BASE_URL, ADMIN_USER, ADMIN_PASSWORD } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const TITLE = 'Pausar la tarjeta por un rato';
const QUESTION = '¿se puede poner a dormir el plástico zafiro?';

test('a reviewer picks the right article and the assistant answers from it next time', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, ADMIN_USER, ADMIN_PASSWORD);
  await page.waitForURL(`${BASE_URL}/`);

  // The article, with one example question written by staff.
  await page.goto(`${BASE_URL}/knowledge/new`);
  await waitForHydration(page);
  const form = page.getByTestId('article-form');
  await form.locator('input[name=title]').fill(TITLE);
  await form.locator('input[name=category]').fill('tarjetas');
  await form.locator('select[name=language]').selectOption('es');
  await form.getByTestId('article-examples').fill('¿puedo apagar mi tarjeta un rato?');
  await form.locator('textarea[name=content]').fill('Desde la app puedes apagar la tarjeta y volver a encenderla cuando quieras.');
  await form.locator('button[type=submit]').click();
  await page.waitForURL(/\/knowledge\/\d+$/);
  const articleUrl = page.url();

  // A question in words nobody wrote in the article.
  await page.goto(`${BASE_URL}/assistant`);
  await waitForHydration(page);
  await ask(page, QUESTION);

  // Review it: wrong, and this is the article that should have answered.
  await page.goto(`${BASE_URL}/assistant/answers`);
  await waitForHydration(page);
  const row = page.getByTestId('answers-table').locator('tr[data-answer-id]', { hasText: 'zafiro' }).first();
  const teach = row.getByTestId('teach');
  await teach.locator('select[name=article_id]').selectOption({ label: TITLE });
  await teach.getByRole('button', { name: 'Teach', exact: true }).click();
  const reviewed = page.getByTestId('answers-table').locator('tr[data-answer-id]', { hasText: 'zafiro' }).first();
  await reviewed.getByTestId('learned').filter({ hasText: TITLE }).waitFor();
  assert.match(await reviewed.getByTestId('verdict').innerText(), /wrong/);

  // The article now carries the question among its examples.
  await page.goto(articleUrl);
  await waitForHydration(page);
  assert.match(await page.getByTestId('article-examples').inputValue(), /zafiro/);

  // Asked again, the assistant answers from that article and cites it.
  await page.goto(`${BASE_URL}/assistant`);
  await waitForHydration(page);
  const answer = await ask(page, QUESTION);
  await answer.getByTestId('ask-sources').getByRole('link', { name: TITLE }).waitFor();
  await context.close();
});
