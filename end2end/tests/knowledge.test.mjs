// The knowledge base and the assistant in a real browser: write an article with a live Markdown
// preview, find it, ask the assistant and see it cited, review the answer, deactivate the article.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { launch, signIn, waitForHydration, askAssistant as ask, BASE_URL, ADMIN_USER, ADMIN_PASSWORD } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const TITLE = 'Horario del centro de atención telefónica';

test('staff write an article, the assistant cites it, and answers are reviewed', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, ADMIN_USER, ADMIN_PASSWORD);
  await page.waitForURL(`${BASE_URL}/`);

  // Write an article; the preview renders the Markdown as it is typed.
  await page.getByRole('link', { name: 'Knowledge' }).click();
  await page.waitForURL(`${BASE_URL}/knowledge`);
  await waitForHydration(page);
  await page.getByTestId('new-article').click();
  await page.waitForURL(`${BASE_URL}/knowledge/new`);
  const form = page.getByTestId('article-form');
  await form.locator('input[name=title]').fill(TITLE);
  await form.locator('input[name=category]').fill('General');
  await form.locator('select[name=language]').selectOption('es');
  await form.locator('input[name=tags]').fill('horario, teléfono, call center');
  await form.locator('textarea[name=content]').fill(
    'El centro de atención telefónica atiende de **lunes a sábado** de 8:00 a 20:00.\n\n- Línea: 800 555 0100\n\n<script>alert(1)</script>',
  );
  await page.getByTestId('article-preview').locator('strong', { hasText: 'lunes a sábado' }).waitFor();
  assert.equal(await page.getByTestId('article-preview').locator('script').count(), 0, 'raw HTML is not rendered');
  await form.locator('button[type=submit]').click();
  await page.waitForURL(/\/knowledge\/\d+$/);
  const articleUrl = page.url();
  await page.getByTestId('article-active').filter({ hasText: 'active' }).waitFor();

  // Found by a search with different words and accents, in the list.
  await page.goto(`${BASE_URL}/knowledge?q=telefonico+horarios`);
  await waitForHydration(page);
  const row = page.getByTestId('kb-table').locator('tr[data-article-id]').first();
  await row.getByRole('link', { name: TITLE }).waitFor();
  await page.goto(`${BASE_URL}/knowledge?category=loans`);
  await page.getByTestId('kb-empty').waitFor();

  // The assistant answers from it and cites it.
  await page.goto(`${BASE_URL}/assistant`);
  await waitForHydration(page);
  let answer = await ask(page, '¿A qué hora atiende el centro telefónico?');
  await answer.getByTestId('ask-sources').getByRole('link', { name: TITLE }).waitFor();
  assert.match(await answer.locator('.answer-text').innerText(), /lunes a sábado/);
  assert.equal(await answer.getByTestId('ask-decision').innerText(), 'No hand-over');

  answer = await ask(page, 'Me robaron la tarjeta');
  await answer.getByTestId('ask-decision').filter({ hasText: 'URGENT' }).waitFor();

  // Review: mark the last answer wrong and filter by verdict.
  await page.goto(`${BASE_URL}/assistant/answers`);
  await waitForHydration(page);
  const first = page.getByTestId('answers-table').locator('tr[data-answer-id]').first();
  await first.getByRole('button', { name: 'Wrong' }).click();
  await page.getByTestId('answers-table').locator('tr[data-answer-id]').first().getByTestId('verdict').filter({ hasText: 'wrong' }).waitFor();
  await page.goto(`${BASE_URL}/assistant/answers?verdict=wrong`);
  assert.equal(await page.getByTestId('answers-table').locator('tr[data-answer-id]').count(), 1);

  // Deactivated: the assistant stops citing it at once.
  await page.goto(articleUrl);
  await waitForHydration(page);
  await page.getByTestId('toggle-active').click();
  await page.getByTestId('article-active').filter({ hasText: 'inactive' }).waitFor();
  await page.goto(`${BASE_URL}/assistant`);
  await waitForHydration(page);
  answer = await ask(page, '¿A qué hora atiende el centro telefónico?');
  assert.equal(await answer.getByTestId('ask-sources').getByRole('link', { name: TITLE }).count(), 0);
  await context.close();
});
