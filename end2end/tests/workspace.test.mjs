// The live hand-over in a real browser: a customer (driven through the API, listening on its own
// socket in a browser page) asks for a person; the ticket appears in the agent's list without a
// reload; the agent takes it and replies; the customer's socket receives the reply; the
// customer's next message appears on the agent's page live.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { api, customerSays, launch, signIn, waitForHydration, customerSocket, BASE_URL, ADMIN_USER, ADMIN_PASSWORD } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });


test('a customer escalates, the agent sees it live, replies, and the customer receives the reply', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, ADMIN_USER, ADMIN_PASSWORD);
  await page.waitForURL(`${BASE_URL}/`);
  await page.goto(`${BASE_URL}/tickets`);
  await waitForHydration(page);
  await page.getByTestId('live-state').filter({ hasText: 'live' }).waitFor();
  // Presence: the agent goes online (an admin is not routed tickets, so the queue stays manual here).
  const presence = page.getByTestId('presence');
  await presence.locator('select[name=status]').selectOption('online');
  await presence.getByRole('button', { name: 'Set' }).click();
  await page.getByTestId('presence').locator('option[selected]').filter({ hasText: 'online' }).waitFor({ state: 'attached' });

  // The customer starts a chat and listens on its socket from a browser page.
  const chat = await api('POST', '/chat/start', { user_id: 'e2e-customer', metadata: { name: 'Carla Cliente' } });
  const customer = await customerSocket(browser, chat);

  const reply = await customerSays(chat, 'Quiero hablar con un agente, por favor');
  assert.ok(reply.ticket_id, 'escalated with a ticket');
  assert.equal(reply.status, 'WAITING');

  // The new ticket shows up in the agent's list without a reload.
  const row = page.locator(`tr[data-ticket-id="${reply.ticket_id}"]`);
  await row.waitFor({ timeout: 10000 });
  await row.getByRole('link', { name: reply.ticket_id }).click();
  await page.waitForURL(`${BASE_URL}/tickets/${reply.ticket_id}`);
  await waitForHydration(page);
  await page.getByTestId('take-ticket').click();
  await page.getByTestId('ticket-assignee').filter({ hasText: 'Administrator' }).waitFor();

  const form = page.getByTestId('reply-form');
  await form.locator('textarea[name=content]').fill('Hola Carla, soy tu asesor. ¿En qué te ayudo?');
  await form.locator('button[type=submit]').click();
  await page.locator('li[data-role=agent]', { hasText: 'soy tu asesor' }).waitFor();

  // The customer's socket receives the agent's reply.
  await customer.waitForFunction(
    () => window.__events.some((e) => e.message?.role === 'agent' && e.message.content.includes('soy tu asesor')),
    null,
    { timeout: 10000 },
  );
  const events = await customer.evaluate(() => window.__events);
  const seqs = events.filter((e) => e.seq).map((e) => e.seq);
  assert.deepEqual(seqs, [...seqs].sort((a, b) => a - b), 'in order');
  assert.equal(new Set(seqs).size, seqs.length, 'no duplicates');

  // And the customer's next message appears on the agent's page live.
  await customerSays(chat, 'Perdí acceso a mi banca en línea');
  await page.locator('li[data-role=customer]', { hasText: 'Perdí acceso' }).waitFor({ timeout: 10000 });
  await context.close();
  await customer.close();
});
