// Staff sign-in, the shell, user management, one's own account and sign-out in a real browser.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { api, adminToken, launch, signIn, waitForHydration, BASE_URL, ADMIN_USER, ADMIN_PASSWORD } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('a wrong password shows an error and stays on /login', async () => {
  const page = await browser.newPage();
  await signIn(page, ADMIN_USER, 'definitely-wrong');
  await page.getByText('Incorrect username or password').waitFor();
  assert.equal(new URL(page.url()).pathname, '/login');
  await page.close();
});

test('an admin signs in, creates an agent who then signs in, and sign-out works', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, ADMIN_USER, ADMIN_PASSWORD);
  await page.waitForURL(`${BASE_URL}/`);
  await page.getByTestId('user-role').filter({ hasText: 'ADMIN' }).waitFor();
  const cookies = await context.cookies();
  const access = cookies.find((c) => c.name === 'joxai_access');
  assert.ok(access, 'access cookie set');
  assert.equal(access.httpOnly, true);
  assert.equal(access.sameSite, 'Strict');

  await page.getByRole('link', { name: 'Users' }).click();
  await page.waitForURL(`${BASE_URL}/users`);
  await waitForHydration(page);
  const form = page.getByTestId('create-user');
  await form.locator('input[name=username]').fill('e2e-agent');
  await form.locator('input[name=email]').fill('e2e-agent@bank.test');
  await form.locator('input[name=full_name]').fill('Eddie Agent');
  await form.locator('input[name=password]').fill('agent-password-1');
  await form.locator('select[name=role]').selectOption('AGENT');
  await form.locator('button[type=submit]').click();
  const row = page.locator('tr[data-username="e2e-agent"]');
  await row.waitFor();

  // Change a role and deactivate/reactivate, as an admin would.
  await row.locator('select[name=role]').selectOption('VIEWER');
  await row.getByRole('button', { name: 'Change role' }).click();
  await page.locator('tr[data-username="e2e-agent"] select[name=role] option[selected]').filter({ hasText: 'VIEWER' }).waitFor({ state: 'attached' });
  await page.locator('tr[data-username="e2e-agent"]').getByRole('button', { name: 'Deactivate' }).click();
  await page.locator('tr[data-username="e2e-agent"]').getByRole('button', { name: 'Reactivate' }).waitFor();
  await page.locator('tr[data-username="e2e-agent"]').getByRole('button', { name: 'Reactivate' }).click();
  await page.locator('tr[data-username="e2e-agent"]').getByRole('button', { name: 'Deactivate' }).waitFor();
  const agentRow = page.locator('tr[data-username="e2e-agent"]');
  await agentRow.locator('select[name=role]').selectOption('AGENT');
  await agentRow.getByRole('button', { name: 'Change role' }).click();
  await page.locator('tr[data-username="e2e-agent"] select[name=role] option[selected]').filter({ hasText: 'AGENT' }).waitFor({ state: 'attached' });

  // The system's state, refreshed in place once the page is live.
  await page.getByRole('link', { name: 'System' }).click();
  await page.waitForURL(`${BASE_URL}/system`);
  await waitForHydration(page);
  await page.locator('[data-testid=system-status] tr[data-part="Database"] td.state.ok').waitFor();
  await page.getByRole('button', { name: 'Refresh' }).click();
  await page.locator('[data-testid=system-status] tr[data-part="Version"]').waitFor();

  await page.getByTestId('sign-out').click();
  await page.waitForURL(`${BASE_URL}/login`);
  await page.goto(`${BASE_URL}/`);
  await page.waitForURL(`${BASE_URL}/login`);

  const agentContext = await browser.newContext();
  const agentPage = await agentContext.newPage();
  await signIn(agentPage, 'e2e-agent', 'agent-password-1');
  await agentPage.waitForURL(`${BASE_URL}/`);
  await agentPage.getByTestId('user-name').filter({ hasText: 'Eddie Agent' }).waitFor();
  await agentPage.getByTestId('user-role').filter({ hasText: 'AGENT' }).waitFor({ state: 'attached' });
  assert.equal(await agentPage.getByRole('link', { name: 'Users' }).count(), 0);
  const response = await agentPage.goto(`${BASE_URL}/users`);
  assert.equal(response.status(), 403);
  await agentPage.getByTestId('forbidden').waitFor();
  await agentContext.close();
  await context.close();
});

test('a staff member renames themselves and changes their own password', async () => {
  const user = { username: 'e2e-self', email: 'e2e-self@bank.test', full_name: 'Sam Self', password: 'self-password-1', role: 'AGENT' };
  await api('POST', '/users', user, await adminToken());
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, 'e2e-self', 'self-password-1');
  await page.waitForURL(`${BASE_URL}/`);
  await waitForHydration(page);
  await page.getByTestId('user-name').click();
  await page.waitForURL(`${BASE_URL}/account`);
  const name = page.getByTestId('account-name');
  await name.locator('input[name=full_name]').fill('Samantha Self');
  await name.locator('button[type=submit]').click();
  await name.getByText('Saved.').waitFor();
  const form = page.getByTestId('account-password');
  const change = async (current) => {
    await form.locator('input[name=current_password]').fill(current);
    await form.locator('input[name=new_password]').fill('self-password-2');
    await form.locator('input[name=repeat_password]').fill('self-password-2');
    await form.locator('button[type=submit]').click();
  };
  await change('not-my-password');
  await form.getByText('The current password is not right').waitFor();
  await change('self-password-1');
  await form.getByText('Password changed').waitFor();
  // This browser stays signed in (new cookies); the old password no longer works.
  await page.goto(`${BASE_URL}/`);
  await page.getByTestId('user-name').filter({ hasText: 'Samantha Self' }).waitFor();
  await page.getByTestId('sign-out').click();
  await page.waitForURL(`${BASE_URL}/login`);
  await signIn(page, 'e2e-self', 'self-password-1');
  await page.getByText('Incorrect username or password').waitFor();
  await signIn(page, 'e2e-self', 'self-password-2');
  await page.waitForURL(`${BASE_URL}/`);
  await context.close();
});

test('a page loads only its own code, hashed, brotli-compressed and cached for a year', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, ADMIN_USER, ADMIN_PASSWORD);
  await page.waitForURL(`${BASE_URL}/`);
  const wasm = [];
  page.on('request', (request) => { if (request.url().endsWith('.wasm')) wasm.push(request.url()); });
  await page.goto(`${BASE_URL}/audit`);
  await waitForHydration(page);
  assert.ok(wasm.some((url) => url.includes('/pkg/split___audit_page')), 'the audit page\'s chunk loads');
  assert.ok(!wasm.some((url) => url.includes('/pkg/split___tickets_page')), 'other pages\' chunks do not');

  const main = wasm.find((url) => /\/pkg\/joxai\.[\w-]{22}\.wasm$/.test(url));
  assert.ok(main, `the main wasm has a hashed name: ${wasm.join(' ')}`);
  const res = await fetch(main, { headers: { 'accept-encoding': 'br' } });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-encoding'), 'br');
  assert.equal(res.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  await context.close();
});

