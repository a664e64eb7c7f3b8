// An agent's own figures: the tickets they resolved and the time they were online, on /figures;
// a supervisor picks the agent there and downloads everyone's working hours as CSV.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import { api, adminToken, launch, signIn, staffMember, waitForHydration, BASE_URL } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('an agent sees their own figures and a supervisor sees theirs and the hours CSV', async () => {
  const admin = await adminToken();
  const person = (role) => staffMember(`fig-${role.toLowerCase()}`, role, `Fig ${role}`);
  const agent = await person('AGENT');
  const lead = await person('SUPERVISOR');
  await api('PUT', '/agents/me/presence', { status: 'online' }, agent.token);
  const ticket = await api('POST', '/tickets', {
    subject: 'Card blocked abroad', description: 'Customer is travelling', priority: 'high', category: 'cards', customer_name: 'Lia',
  }, admin);
  await api('POST', `/tickets/${ticket.ticket_id}/assign`, { agentId: agent.id }, admin);
  await api('PATCH', `/tickets/${ticket.ticket_id}/status`, { status: 'RESOLVED' }, agent.token);

  const page = await browser.newPage();
  await signIn(page, agent.username, agent.password);
  await page.waitForURL(`${BASE_URL}/`);
  await page.getByRole('link', { name: 'Figures' }).click();
  await page.waitForURL(`${BASE_URL}/figures`);
  await waitForHydration(page);
  assert.match(await page.getByTestId('figures-name').textContent(), /Fig AGENT, last 7 days/);
  const cards = await page.getByTestId('figures-cards').textContent();
  // (Going online also routed them any ticket waiting from earlier tests: assigned is 1 or more.)
  assert.match(cards, /Tickets resolved1/);
  const today = new Date().toISOString().slice(0, 10);
  await page.getByTestId('worked-days').getByRole('cell', { name: today }).waitFor();
  assert.equal(await page.locator('select[name=agent]').count(), 0, 'an agent has no one else to choose');
  assert.equal(await page.getByTestId('hours-csv').count(), 0);
  await page.close();

  const context = await browser.newContext();
  const lp = await context.newPage();
  await signIn(lp, lead.username, lead.password);
  await lp.waitForURL(`${BASE_URL}/`);
  await lp.goto(`${BASE_URL}/figures`);
  await waitForHydration(lp);
  await lp.locator('select[name=agent]').selectOption(String(agent.id));
  await lp.locator('select[name=days]').selectOption('30');
  await lp.getByTestId('figures-choice').getByRole('button', { name: 'Show' }).click();
  await lp.getByTestId('figures-name').filter({ hasText: 'Fig AGENT, last 30 days' }).waitFor();
  assert.match(await lp.getByTestId('figures-cards').textContent(), /Tickets resolved1/);
  const [download] = await Promise.all([lp.waitForEvent('download'), lp.getByTestId('hours-csv').click()]);
  const csv = await readFile(await download.path(), 'utf8');
  assert.match(csv, /^agent_id,name,email,date,hours\r\n/);
  assert.ok(csv.includes(`${agent.id},Fig AGENT,${agent.username}@bank.test,${today},`), csv);
  await context.close();
  // Offline again, so later tests' tickets wait in the queue rather than go to this agent.
  await api('PUT', '/agents/me/presence', { status: 'offline' }, agent.token);
});
