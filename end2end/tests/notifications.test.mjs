// The notification bell: an agent's bell counts a ticket assigned to them live (no reload), the
// notifications page lists it, and "Mark all read" clears the count.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { api, adminToken, launch, signIn, staffMember, waitForHydration, BASE_URL } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the bell rings live for a ticket assigned to the agent, and clears when read', async () => {
  const admin = await adminToken();
  const agent = await staffMember('bell', 'AGENT', 'Bell Agent');

  const page = await browser.newPage();
  await signIn(page, agent.username, agent.password);
  await page.waitForURL(`${BASE_URL}/`);
  await waitForHydration(page);
  const bell = page.getByTestId('bell');
  await bell.waitFor();
  assert.equal(await page.getByTestId('bell-count').count(), 0, 'nothing unread yet');
  // The bell listens on the staff socket: wait until it is connected.
  await page.locator('[data-testid=bell][data-live=true]').waitFor();

  const ticket = await api('POST', '/tickets', {
    subject: 'Card blocked abroad', description: 'Customer is travelling', priority: 'high', category: 'cards', customer_name: 'Lia',
  }, admin);
  await api('POST', `/tickets/${ticket.ticket_id}/assign`, { agentId: agent.id }, admin);
  await page.getByTestId('bell-count').filter({ hasText: '1' }).waitFor({ timeout: 10000 });
  assert.match(await bell.getAttribute('aria-label'), /1 unread/);

  await bell.click();
  await page.waitForURL(`${BASE_URL}/notifications`);
  await waitForHydration(page);
  const list = page.getByTestId('my-notifications');
  await list.getByText('New Ticket Assigned').waitFor();
  await list.getByRole('link', { name: ticket.ticket_id }).waitFor();
  await page.getByTestId('mark-read').click();
  await page.getByTestId('bell-count').waitFor({ state: 'detached' });
  await page.close();
});
