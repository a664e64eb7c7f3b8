// The widget as customers meet it: on the demo bank page, through the one tag a bank pastes.
// A customer asks and gets a cited answer; asks for a person, an agent (second browser context)
// answers, the customer sees it and rates the chat; the connection drops mid-conversation and no
// message is lost or doubled; keyboard only, and axe-core finds nothing; the customer downloads
// their own copy of the conversation; another origin cannot frame it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

import { api, adminToken, launch, signIn, waitForHydration, BASE_URL, ADMIN_USER, ADMIN_PASSWORD } from './helpers.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let browser;
let token;
/// The REST API as the admin.
const call = (method, path, body) => api(method, path, body, token);
before(async () => {
  browser = await launch();
  token = await adminToken();
  await call('POST', '/knowledge', {
    title: 'Bloquear una tarjeta perdida o robada',
    content: 'Si pierdes tu tarjeta, bloquéala de inmediato desde la app: entra a **Tarjetas**, elige la tarjeta y pulsa **Bloquear**. También puedes llamar al 800 123 4567 las 24 horas.',
    category: 'tarjetas',
    tags: ['tarjeta', 'bloqueo', 'perdida'],
    language: 'es',
  });
});
after(async () => { await browser?.close(); });


async function inbox() {
  return call('POST', '/inboxes', { name: 'Banco E2E', allowed_origins: [BASE_URL] });
}

/// Opens the demo page for `key` and the widget with the keyboard; returns the frame.
async function openWidget(page, key) {
  await page.goto(`${BASE_URL}/demo?inbox=${key}`);
  const launcher = page.locator('button[data-joxai=launcher]');
  await launcher.focus();
  await page.keyboard.press('Enter');
  const frame = page.frameLocator('iframe[data-joxai=frame]');
  await frame.locator('li[data-role=assistant]').first().waitFor(); // the greeting
  await frame.locator('#joxai-input:focus').waitFor();
  return frame;
}

async function sessionOf(page, key) {
  const frame = page.frames().find((f) => f.url().includes('/widget?'));
  return frame.evaluate((k) => JSON.parse(localStorage.getItem(`joxai:${k}:session`)), key);
}

test('a customer asks on the demo page and gets a cited answer, by keyboard alone, and axe finds nothing', async () => {
  const { key } = await inbox();
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const frame = await openWidget(page, key);
  await page.keyboard.type('¿Cómo bloqueo mi tarjeta si la pierdo?');
  await page.keyboard.press('Enter');
  const answer = frame.locator('li[data-role=assistant]').filter({ has: frame.getByTestId('sources') });
  await answer.waitFor({ timeout: 10000 });
  assert.match(await answer.getByTestId('sources').textContent(), /tarjeta/i);

  // The customer's own copy of the conversation, as a file.
  const [download] = await Promise.all([page.waitForEvent('download'), frame.getByTestId('download-copy').click()]);
  const copy = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.ok(copy.messages.some((m) => m.content === '¿Cómo bloqueo mi tarjeta si la pierdo?'), JSON.stringify(copy));

  const widget = page.frames().find((f) => f.url().includes('/widget?'));
  await widget.addScriptTag({ path: AXE });
  const result = await widget.evaluate(() => window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }));
  assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), []);

  // Escape closes the panel and gives the focus back to the launcher.
  await page.keyboard.press('Escape');
  await page.locator('iframe[data-joxai=frame]').waitFor({ state: 'hidden' });
  await page.locator('button[data-joxai=launcher]:focus').waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test('the customer waits in line for a person, each side sees the other read, and the customer rates the chat', async () => {
  const { key } = await inbox();
  const page = await browser.newPage();
  const frame = await openWidget(page, key);
  await page.keyboard.type('Necesito ayuda con una transferencia');
  await page.keyboard.press('Enter');
  await frame.locator('li[data-role=customer]', { hasText: 'transferencia' }).waitFor();
  await frame.getByTestId('talk-to-person').click();
  await frame.locator('li[data-role=system]').filter({ hasText: /TKT-/ }).waitFor({ timeout: 10000 });
  // Their place in line and an estimated wait, while nobody has the conversation yet.
  const status = frame.getByTestId('status');
  const inLine = /(Eres el número \d+ en la fila|You are number \d+ in line).*min/;
  const read = /Leído por el asesor|Read by the agent/;
  await status.filter({ hasText: inLine }).waitFor({ timeout: 10000 });
  assert.doesNotMatch(await status.textContent(), read, 'nobody has read it yet');
  const { conversation_id: id } = await sessionOf(page, key);

  const agent = await browser.newContext();
  const desk = await agent.newPage();
  await signIn(desk, ADMIN_USER, ADMIN_PASSWORD);
  await desk.waitForURL(`${BASE_URL}/`);
  // Unread in the list until someone opens it; opening it shows the customer it was read.
  await desk.goto(`${BASE_URL}/conversations`);
  await desk.locator(`li[data-conversation-id="${id}"] [data-testid=unread]`).waitFor();
  await desk.goto(`${BASE_URL}/conversations/${id}`);
  await waitForHydration(desk);
  await status.filter({ hasText: read }).waitFor({ timeout: 10000 });
  await desk.getByTestId('conversation-takeover').click();
  await desk.getByTestId('conversation-status').filter({ hasText: 'ASSIGNED' }).waitFor();
  // A person has it: the place in line goes.
  await status.filter({ hasNotText: inLine }).waitFor({ timeout: 10000 });
  await desk.getByTestId('reply-form').locator('textarea').fill('Hola, soy Ana, tu asesora. Ya veo tu caso.');
  await desk.getByTestId('reply-form').locator('button[type=submit]').click();

  await frame.locator('li[data-role=agent]', { hasText: 'Ya veo tu caso' }).waitFor({ timeout: 10000 });
  // The widget showed the reply: the agent sees it seen.
  await desk.locator('li[data-role=agent]', { hasText: 'Ya veo tu caso' }).getByTestId('seen').waitFor({ timeout: 10000 });
  await desk.getByTestId('conversation-close').click();
  const rating = frame.getByTestId('rating-form');
  await rating.waitFor({ timeout: 10000 });
  await rating.locator('input[value="5"]').check({ force: true });
  await rating.locator('textarea').fill('Muy amable');
  await rating.locator('button[type=submit]').click();
  await frame.getByTestId('rating-thanks').waitFor();
  const seen = await call('GET', `/conversations/${id}`);
  assert.equal(seen.csat_score, 5);
  await agent.close();
  await page.close();
});

test('a dropped connection loses nothing and doubles nothing', async () => {
  const { key } = await inbox();
  const context = await browser.newContext();
  const page = await context.newPage();
  const frame = await openWidget(page, key);
  await page.keyboard.type('Hola');
  await page.keyboard.press('Enter');
  await frame.locator('li[data-role=customer]', { hasText: 'Hola' }).waitFor();

  await context.setOffline(true);
  await frame.locator('#joxai-input').fill('¿Cuál es el horario de las sucursales?');
  await frame.locator('#joxai-input').press('Enter');
  await frame.getByTestId('offline-banner').waitFor({ timeout: 10000 });
  await frame.locator('li.pending', { hasText: 'horario' }).waitFor();
  await context.setOffline(false);

  await frame.locator('li[data-role=customer][data-seq]', { hasText: 'horario' }).waitFor({ timeout: 15000 });
  await frame.getByTestId('offline-banner').waitFor({ state: 'detached', timeout: 15000 });
  const { conversation_id: id } = await sessionOf(page, key);
  await frame.locator('li[data-role=assistant]').nth(2).waitFor({ timeout: 10000 });
  const stored = await call('GET', `/conversations/${id}`);
  const shown = await frame.locator('li[data-seq]').evaluateAll((items) => items.map((li) => Number(li.dataset.seq)));
  assert.deepEqual(shown, stored.messages.map((m) => m.seq), 'every stored message, once, in order');
  assert.equal(stored.messages.filter((m) => m.content.includes('horario')).length, 1, 'stored once');
  assert.equal(await frame.locator('li.pending').count(), 0);

  // A reload shows the same conversation.
  await page.reload();
  await page.locator('button[data-joxai=launcher]').click();
  await frame.locator('li[data-role=customer]', { hasText: 'horario' }).waitFor();
  await context.close();
});

test('a page on another origin cannot frame the widget', async () => {
  const { key } = await inbox();
  const page = await browser.newPage();
  const refused = new Promise((resolve) => {
    page.on('console', (m) => { if (m.text().includes('frame-ancestors')) resolve(m.text()); });
  });
  // Same server, but "localhost" is another origin than the allowed 127.0.0.1.
  const other = BASE_URL.replace('127.0.0.1', 'localhost');
  await page.goto(`${other}/demo?inbox=${key}`);
  await page.locator('button[data-joxai=launcher]').click();
  assert.match(await refused, /frame-ancestors/);
  await page.close();
});
