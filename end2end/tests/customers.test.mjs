// The CRM in the admin panel: a new customer is saved and opens on their profile; the list
// searches them; a duplicate e-mail is refused with the reason; the profile shows their history
// (a conversation started with their verified identity); edits and deactivation stick; an admin
// downloads what is held about a customer and erases it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { api, adminToken, sign, launch, signIn, waitForHydration, BASE_URL, ADMIN_USER, ADMIN_PASSWORD } from './helpers.mjs';

let browser;
let token;
before(async () => {
  browser = await launch();
  token = await adminToken();
});
after(async () => { await browser?.close(); });


test('staff add a customer, find them, see their history, edit and deactivate them', async () => {
  const account = `ACC-${Date.now()}`;
  const page = await browser.newPage();
  await signIn(page, ADMIN_USER, ADMIN_PASSWORD);
  await page.waitForURL(`${BASE_URL}/`);
  await page.goto(`${BASE_URL}/customers/new`);
  await waitForHydration(page);
  const form = page.getByTestId('customer-form');
  await form.locator('input[name=full_name]').fill('Mariana Ortiz');
  await form.locator('input[name=email]').fill(`mariana.${account}@example.com`);
  await form.locator('input[name=phone]').fill('+52 33 5555 0101');
  await form.locator('input[name=account_number]').fill(account);
  await form.locator('input[name=tags]').fill('VIP, hipoteca');
  await form.getByTestId('save-customer').click();
  await page.waitForURL(/\/customers\/\d+$/);
  const id = page.url().match(/(\d+)$/)[1];
  await page.getByTestId('customer-name').filter({ hasText: 'Mariana Ortiz' }).waitFor();
  assert.equal(await page.getByTestId('customer-tags').textContent(), 'vip, hipoteca');

  // The customer chats from the bank's site, identified by account number: the profile shows it.
  const inbox = await api('POST', '/inboxes', { name: 'CRM', allowed_origins: [BASE_URL] }, token);
  const identity = sign(inbox.identity_secret, { sub: account, aud: inbox.key, iat: Math.floor(Date.now() / 1000), exp: Math.floor(Date.now() / 1000) + 300 });
  const chat = await api('POST', '/chat/start', { inbox: inbox.key, identity_token: identity });
  await page.reload();
  await waitForHydration(page);
  const link = page.getByTestId('customer-conversations').locator(`a[href="/conversations/${chat.conversation_id}"]`);
  await link.waitFor();

  // The list finds them by tag, and by part of the phone.
  for (const q of ['hipoteca', '5555 0101']) {
    await page.goto(`${BASE_URL}/customers?q=${encodeURIComponent(q)}`);
    await page.locator(`tr[data-customer-id="${id}"]`).waitFor();
  }

  // A second customer with the same e-mail is refused, with the reason.
  await page.goto(`${BASE_URL}/customers/new`);
  await waitForHydration(page);
  await form.locator('input[name=full_name]').fill('Otra Persona');
  await form.locator('input[name=email]').fill(`MARIANA.${account}@example.com`);
  await form.getByTestId('save-customer').click();
  await page.getByTestId('customer-error').filter({ hasText: 'already exists' }).waitFor();
  assert.ok(page.url().endsWith('/customers/new'), 'stays on the form');

  // Edit, then deactivate.
  await page.goto(`${BASE_URL}/customers/${id}`);
  await waitForHydration(page);
  await form.locator('input[name=tags]').fill('vip, hipoteca, nómina');
  await form.getByTestId('save-customer').click();
  await page.getByTestId('customer-tags').filter({ hasText: 'vip, hipoteca, nómina' }).waitFor();
  await page.getByTestId('deactivate-customer').click();
  await page.locator('.page-head .badge', { hasText: 'INACTIVE' }).waitFor();
  await page.goto(`${BASE_URL}/customers?status=INACTIVE`);
  await page.locator(`tr[data-customer-id="${id}"]`).waitFor();
  await page.close();
});

test('an admin downloads everything held about a customer, then erases it after confirming', async () => {
  const account = `ERA-${Date.now()}`;
  const customer = await api('POST', '/customers', { full_name: 'Prudencia Olvera', email: `p.${account}@example.com`, account_number: account }, token);
  const page = await browser.newPage();
  await signIn(page, ADMIN_USER, ADMIN_PASSWORD);
  await page.waitForURL(`${BASE_URL}/`);
  await page.goto(`${BASE_URL}/customers/${customer.id}`);
  await waitForHydration(page);
  await page.getByTestId('customer-name').filter({ hasText: 'Prudencia Olvera' }).waitFor();

  // The download link works with the panel's session: one JSON document about her.
  const href = await page.getByTestId('customer-export').getAttribute('href');
  const res = await page.request.get(`${BASE_URL}${href}`);
  assert.equal(res.status(), 200);
  assert.match(res.headers()['content-disposition'], /attachment/);
  const held = await res.json();
  assert.equal(held.customer.full_name, 'Prudencia Olvera');
  assert.ok(Array.isArray(held.conversations) && Array.isArray(held.tickets) && Array.isArray(held.audit));

  // Erasing needs a reason and the confirmation ticked.
  const form = page.getByTestId('customer-erase');
  await form.locator('input[name=reason]').fill('ARCO cancellation request');
  await form.getByTestId('erase-customer').click();
  assert.equal(await page.getByTestId('customer-name').textContent(), 'Prudencia Olvera', 'not without the confirmation');
  await form.getByTestId('erase-confirm').check();
  await form.getByTestId('erase-customer').click();
  await page.getByTestId('customer-name').filter({ hasText: '[erased]' }).waitFor();
  await page.locator('.page-head .badge', { hasText: 'INACTIVE' }).waitFor();
  await page.close();
});
