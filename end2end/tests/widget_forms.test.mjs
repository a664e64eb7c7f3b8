// The widget's other paths: the privacy notice the bank requires, the pre-chat form, the offline form outside business hours, a bank
// page proving who the customer is with JoxAI('identify'), a 360 px phone (full screen) and 200% zoom.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { api, adminToken, sign, launch, BASE_URL } from './helpers.mjs';

let browser;
let token;
/// The REST API as the admin.
const call = (method, path, body) => api(method, path, body, token);
before(async () => {
  browser = await launch();
  token = await adminToken();
});
after(async () => { await browser?.close(); });


function frameOf(page) {
  return page.frameLocator('iframe[data-joxai=frame]');
}

/// Opened and ready: the panel puts the customer in its first field 50 ms after it opens. Filling
/// before that races it: the focus can move mid-fill and send the e-mail into the name field.
async function openedIn(form) {
  await form.locator('#joxai-name:focus').waitFor();
}


test('a required privacy notice is accepted before the chat starts, and the profile shows it', async () => {
  const notice = { required: true, version: '2026-12', text_es: 'Banco Aviso trata tus datos para atenderte.', text_en: '' };
  const inbox = await call('POST', '/inboxes', { name: 'Aviso', allowed_origins: [BASE_URL], privacy_notice: notice });
  const customer = await call('POST', '/customers', { full_name: 'Rosa Aviso', account_number: 'AVISO-2612' });
  const page = await browser.newPage();
  await page.goto(`${BASE_URL}/demo?inbox=${inbox.key}`);
  const now = Math.floor(Date.now() / 1000);
  const identity = sign(inbox.identity_secret, { sub: 'AVISO-2612', aud: inbox.key, iat: now, exp: now + 300 });
  await page.evaluate((t) => window.JoxAI('identify', { token: t }), identity);
  await page.locator('button[data-joxai=launcher]').click();
  const form = frameOf(page).getByTestId('privacy-notice');
  await form.locator('#joxai-consent:focus').waitFor();
  assert.match(await form.textContent(), /Banco Aviso trata tus datos/);
  // Not ticked: the browser keeps the form, and nothing starts.
  await form.locator('button[type=submit]').click();
  assert.equal(await frameOf(page).locator('li[data-role=assistant]').count(), 0);
  await form.locator('#joxai-consent').check();
  await form.locator('button[type=submit]').click();
  await frameOf(page).locator('li[data-role=assistant]').first().waitFor();
  const profile = await call('GET', `/customers/${customer.id}`);
  assert.equal(profile.consents.length, 1);
  assert.equal(profile.consents[0].version, '2026-12');
  await page.close();
});

test('the pre-chat form asks for name and e-mail before the chat starts', async () => {
  const inbox = await call('POST', '/inboxes', { name: 'Pre', allowed_origins: [BASE_URL], prechat_form: true });
  const page = await browser.newPage();
  await page.goto(`${BASE_URL}/demo?inbox=${inbox.key}`);
  await page.getByTestId('demo-open-chat').click();
  const form = frameOf(page).getByTestId('prechat-form');
  await openedIn(form);
  await form.locator('#joxai-name').fill('Carla Cliente');
  await form.locator('#joxai-email').fill('carla@example.com');
  await form.locator('button[type=submit]').click();
  await frameOf(page).locator('li[data-role=assistant]').first().waitFor();
  const list = await call('GET', '/conversations?limit=5');
  const mine = list.find((c) => c.inbox_id === inbox.id);
  assert.equal(mine.metadata.name, 'Carla Cliente');
  await page.close();
});

test('outside business hours the customer leaves a message and gets a case number', async () => {
  const inbox = await call('POST', '/inboxes', {
    name: 'Cerrado', allowed_origins: [BASE_URL], business_hours: { utc_offset_minutes: 0, days: [] },
  });
  const page = await browser.newPage();
  await page.goto(`${BASE_URL}/demo?inbox=${inbox.key}`);
  await page.locator('button[data-joxai=launcher]').click();
  const form = frameOf(page).getByTestId('offline-form');
  await openedIn(form);
  await form.locator('#joxai-name').fill('Luis');
  await form.locator('#joxai-email').fill('luis@example.com');
  await form.locator('#joxai-offline').fill('Necesito un estado de cuenta de marzo');
  await form.locator('button[type=submit]').click();
  const done = await frameOf(page).getByTestId('offline-sent').textContent().catch(async (e) => {
    // Say what the customer saw: the fields as they stood and any error the widget showed.
    const fields = await form.evaluate((f) => [...f.elements].map((el) => `${el.id}=${el.value}`).join(' '))
      .catch(() => 'no form');
    const error = await frameOf(page).locator('.joxai-error').textContent().catch(() => '');
    throw new Error(`no case number: ${fields}; error "${error}"; ${e.message}`);
  });
  const ticketId = done.match(/TKT-[0-9A-F]{8}/)[0];
  const ticket = await call('GET', `/tickets/${ticketId}`);
  assert.equal(ticket.category, 'offline');
  assert.equal(ticket.customer_email, 'luis@example.com');
  await page.close();
});

test('the bank page identifies the customer, and a phone gets the chat full screen', async () => {
  const inbox = await call('POST', '/inboxes', { name: 'Móvil', allowed_origins: [BASE_URL] });
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto(`${BASE_URL}/demo?inbox=${inbox.key}`);
  const identity = sign(inbox.identity_secret, { sub: 'cliente-77', aud: inbox.key, iat: Math.floor(Date.now() / 1000), exp: Math.floor(Date.now() / 1000) + 300 });
  await page.evaluate((t) => window.JoxAI('identify', { token: t }), identity);
  await page.locator('button[data-joxai=launcher]').click();
  await frameOf(page).locator('li[data-role=assistant]').first().waitFor();
  const box = await page.locator('iframe[data-joxai=frame]').boundingBox();
  assert.deepEqual([box.x, box.y, box.width, box.height], [0, 0, 360, 740], 'full screen on a phone');
  // Keyboard: Escape closes it and the launcher comes back.
  await frameOf(page).locator('#joxai-input').press('Escape');
  await page.locator('button[data-joxai=launcher]').waitFor();
  const list = await call('GET', '/conversations?limit=5');
  const mine = list.find((c) => c.inbox_id === inbox.id);
  assert.equal(mine.customer_ref, 'cliente-77');
  await context.close();
});

test('at 200% zoom the whole chat fits and works without scrolling sideways', async () => {
  // A 1280 × 720 screen at 200% zoom is a 640 × 360 CSS-pixel viewport drawn with two device
  // pixels per CSS pixel: that is how the browser lays the page out when zoomed.
  const inbox = await call('POST', '/inboxes', { name: 'Zoom', allowed_origins: [BASE_URL] });
  const context = await browser.newContext({ viewport: { width: 640, height: 360 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  await page.goto(`${BASE_URL}/demo?inbox=${inbox.key}`);
  await page.locator('button[data-joxai=launcher]').click();
  const frame = frameOf(page);
  await frame.locator('li[data-role=assistant]').first().waitFor();
  const box = await page.locator('iframe[data-joxai=frame]').boundingBox();
  assert.ok(box.x >= 0 && box.y >= 0 && box.x + box.width <= 640 && box.y + box.height <= 360, `frame ${JSON.stringify(box)} inside the viewport`);
  // Every control is on screen, inside the frame, and nothing scrolls sideways.
  for (const selector of ['#joxai-input', 'button.joxai-send', '[data-testid=talk-to-person]', 'button.joxai-lang', '[data-testid=widget-close]']) {
    const control = await frame.locator(selector).boundingBox();
    assert.ok(control && control.height > 0, `${selector} is shown`);
    assert.ok(control.y >= box.y && control.y + control.height <= box.y + box.height + 0.5, `${selector} is inside the frame`);
    assert.ok(control.x >= box.x && control.x + control.width <= box.x + box.width + 0.5, `${selector} fits across`);
  }
  const widget = page.frames().find((f) => f.url().includes('/widget?'));
  const sideways = await widget.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(sideways, 0, 'no horizontal scrolling');
  // And it still works: a question by keyboard gets its answer.
  await frame.locator('#joxai-input').fill('Hola, ¿qué horario tienen?');
  await frame.locator('#joxai-input').press('Enter');
  await frame.locator('li[data-role=assistant]').nth(1).waitFor();
  await context.close();
});
