// The live conversations view in a real browser: a customer's chat with the assistant shows up
// without a reload; the agent opens it, sees the customer's next message arrive live, takes over,
// answers with a canned response (the customer's socket sees the agent typing, then the reply),
// hands it back to the assistant, and closes it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { adminToken, api, customerSays, launch, signIn, waitForHydration, customerSocket, BASE_URL, ADMIN_USER, ADMIN_PASSWORD } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });


test('an agent follows a conversation live, takes over with a canned response, hands back and closes', async () => {
  const token = await adminToken();
  await api('POST', '/canned-responses', {
    shortcut: 'bienvenida', title: 'Bienvenida', content: 'Hola, soy Ana del banco. Ya reviso tu caso.',
  }, token);

  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, ADMIN_USER, ADMIN_PASSWORD);
  await page.waitForURL(`${BASE_URL}/`);
  await page.goto(`${BASE_URL}/conversations`);
  await waitForHydration(page);
  await page.getByTestId('live-state').filter({ hasText: 'live' }).waitFor();

  // A customer chats with the assistant; the conversation appears in the list live.
  const chat = await api('POST', '/chat/start', { user_id: 'e2e-live', language: 'es' });
  const customer = await customerSocket(browser, chat);
  await customerSays(chat, '¿Cuál es el horario de atención?');

  const row = page.locator(`li[data-conversation-id="${chat.conversation_id}"]`);
  await row.waitFor({ timeout: 10000 });
  assert.match(await row.textContent(), /BOT/);
  await row.locator('a').click();
  await page.waitForURL(`${BASE_URL}/conversations/${chat.conversation_id}`);
  const pane = page.getByTestId('transcript');
  await pane.locator('li[data-role=customer]', { hasText: 'horario de atención' }).waitFor();
  await pane.locator('li[data-role=assistant]').first().waitFor();

  // The customer's next message appears in the open conversation without a reload.
  await customerSays(chat, 'Gracias, otra pregunta sobre mi tarjeta');
  await pane.locator('li[data-role=customer]', { hasText: 'otra pregunta' }).waitFor({ timeout: 10000 });

  // Take over; answer with a canned response, edited before sending.
  await page.getByTestId('conversation-takeover').click();
  await page.getByTestId('conversation-status').filter({ hasText: 'ASSIGNED' }).waitFor();
  await page.getByTestId('canned').selectOption({ label: '/bienvenida — Bienvenida' });
  const box = page.getByTestId('reply-form').locator('textarea[name=content]');
  assert.equal(await box.inputValue(), 'Hola, soy Ana del banco. Ya reviso tu caso.');
  await box.press('End');
  await box.pressSequentially(' Un momento.');
  await customer.waitForFunction(() => window.__events.some((e) => e.type === 'typing' && e.role === 'agent'), null, { timeout: 10000 });
  await page.getByTestId('reply-form').locator('button[type=submit]').click();
  await pane.locator('li[data-role=agent]', { hasText: 'Ya reviso tu caso. Un momento.' }).waitFor();
  await customer.waitForFunction(
    () => window.__events.some((e) => e.message?.role === 'agent' && e.message.content.endsWith('Un momento.')),
    null,
    { timeout: 10000 },
  );
  assert.equal(await page.getByTestId('reply-form').locator('textarea[name=content]').inputValue(), '', 'sent reply leaves an empty box');

  // Hand back: the assistant answers the customer again.
  await page.getByTestId('conversation-handback').click();
  await page.getByTestId('conversation-status').filter({ hasText: 'BOT' }).waitFor();
  const answer = await customerSays(chat, '¿Cómo bloqueo mi tarjeta desde la app?');
  assert.ok(answer.message.length > 0);
  await pane.locator('li[data-role=customer]', { hasText: 'bloqueo mi tarjeta' }).waitFor({ timeout: 10000 });

  // Close: the customer's socket hears it and the reply box gives way to a notice.
  await page.getByTestId('conversation-close').click();
  await page.getByTestId('conversation-closed').waitFor();
  await customer.waitForFunction(() => window.__events.some((e) => e.type === 'conversation_closed'), null, { timeout: 10000 });
  await page.goto(`${BASE_URL}/conversations?status=CLOSED`);
  await page.locator(`li[data-conversation-id="${chat.conversation_id}"][data-status=CLOSED]`).waitFor();
  await context.close();
  await customer.close();
});
