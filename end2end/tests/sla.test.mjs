// Service levels in the browser: a ticket whose first answer is overdue rings a supervisor's bell
// (once), and the queue shows it late. The server looks for breaches every second here
// (JOXAI_SLA_CHECK_SECONDS=1); the urgent first-response target is set to three seconds.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { api, adminToken, launch, signIn, staffMember, waitForHydration, BASE_URL } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const target = (first, resolution) => ({ first_response_minutes: first, resolution_minutes: resolution });

test('an overdue first answer notifies the supervisor and shows late in the queue', async () => {
  const admin = await adminToken();
  const lead = await staffMember('sla-lead', 'SUPERVISOR', 'Sla Lead');
  const page = await browser.newPage();
  await signIn(page, lead.username, lead.password);
  await page.waitForURL(`${BASE_URL}/`);
  await waitForHydration(page);
  await page.locator('[data-testid=bell][data-live=true]').waitFor();

  const targets = { URGENT: target(0.05, 60), HIGH: target(60, 480), MEDIUM: target(240, 1440), LOW: target(480, 2880) };
  await api('POST', '/settings/system', { key: 'sla.targets', value: targets }, admin);
  let ticket;
  try {
    ticket = await api('POST', '/tickets', {
      subject: 'Transfer never arrived', description: 'Urgent', priority: 'urgent', category: 'transfers', customer_name: 'Rosa',
    }, admin);
  } finally {
    await api('DELETE', '/settings/system/sla.targets', undefined, admin);
  }
  await page.getByTestId('bell-count').filter({ hasText: '1' }).waitFor({ timeout: 15000 });
  await page.getByTestId('bell').click();
  await page.waitForURL(`${BASE_URL}/notifications`);
  await waitForHydration(page);
  const list = page.getByTestId('my-notifications');
  await list.getByText(`SLA breached: ${ticket.ticket_id} first response overdue (URGENT)`).waitFor();

  await page.goto(`${BASE_URL}/tickets`);
  await waitForHydration(page);
  const late = page.locator(`tr[data-ticket-id="${ticket.ticket_id}"] [data-testid=sla]`);
  assert.match(await late.getAttribute('class'), /late/);
  assert.match(await late.textContent(), /answer: \d+m overdue/);
  // Told once: a few more rounds of the watch add nothing.
  await page.waitForTimeout(2500);
  const notes = await api('GET', '/notifications/me', undefined, lead.token);
  assert.equal(notes.filter((n) => n.subject.startsWith(`SLA breached: ${ticket.ticket_id}`)).length, 1);
  await api('PATCH', `/tickets/${ticket.ticket_id}/status`, { status: 'RESOLVED' }, admin);
  await page.close();
});
