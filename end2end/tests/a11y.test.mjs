// Every admin page, with something on it, passes axe-core's WCAG 2.1 AA rules in the browser.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

import { api, adminToken, customerSays, launch, signIn, waitForHydration, BASE_URL, ADMIN_USER, ADMIN_PASSWORD } from './helpers.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const RULES = { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] };

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/// axe's findings on the page as it is now, one line each.
async function violations(page) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate((rules) => window.axe.run(document, rules), RULES);
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`);
}

test('axe finds nothing on any admin page', async () => {
  const token = await adminToken();
  const call = (method, path, body) => api(method, path, body, token);
  // Something on every page: a conversation handed to a person (a ticket), a customer, an
  // article, an inbox.
  const chat = await call('POST', '/chat/start', {});
  await customerSays(chat, 'Me robaron la tarjeta, quiero hablar con una persona');
  const [ticket] = await call('GET', '/tickets');
  const customer = await call('POST', '/customers', { full_name: 'Ada Axe', email: `ada.axe.${Date.now()}@bank.test` });
  const article = await call('POST', '/knowledge', {
    title: 'Horario de atención', content: 'Atendemos de lunes a viernes de 9 a 18 h.', category: 'general', language: 'es',
  });
  const inbox = await call('POST', '/inboxes', { name: 'Web a11y', allowed_origins: ['https://bank.test'] });

  const pages = [
    '/', '/account', '/figures', '/users', '/tickets', `/tickets/${ticket.ticket_id}`, '/conversations',
    `/conversations/${chat.conversation_id}`, '/customers', '/customers/new', `/customers/${customer.id}`,
    '/settings', '/audit', '/system', '/notifications', '/inboxes', '/inboxes/new', `/inboxes/${inbox.id}`,
    '/knowledge', '/knowledge/new', `/knowledge/${article.id}`, '/assistant', '/assistant/answers',
  ];
  // The admin's CSP (rightly) refuses injected scripts; axe is let in by the test's context.
  const page = await (await browser.newContext({ bypassCSP: true })).newPage();
  const found = {};
  const login = await violations(await (async () => { await page.goto(`${BASE_URL}/login`); await waitForHydration(page); return page; })());
  if (login.length) found['/login'] = login;
  await signIn(page, ADMIN_USER, ADMIN_PASSWORD);
  await page.waitForURL(`${BASE_URL}/`);
  for (const path of pages) {
    await page.goto(`${BASE_URL}${path}`);
    await waitForHydration(page);
    const list = await violations(page);
    if (list.length) found[path] = list;
  }
  assert.deepEqual(found, {});
  await page.close();
});
