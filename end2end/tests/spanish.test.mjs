// The admin panel in Spanish: a browser asking for Spanish gets the sign-in page, the shell and a
// ticket in Spanish, rendered on the server (checked with JavaScript off too), and an agent
// replies from it and goes on to other pages, drawn in the browser; an English speaker switches to Spanish in the top bar and it stays chosen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { api, adminToken, customerSays, launch, staffMember, waitForHydration, BASE_URL } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('a Spanish-speaking agent signs in, opens a ticket and replies, all in Spanish', async () => {
  const admin = await adminToken();
  const agent = await staffMember('es-agent', 'AGENT', 'Agente Español');
  const chat = await api('POST', '/chat/start', {});
  await customerSays(chat, 'Quiero hablar con una persona, por favor');
  const [ticket] = (await api('GET', '/tickets?sort=newest', undefined, admin)).filter((t) => t.conversation_id === chat.conversation_id);

  const context = await browser.newContext({ locale: 'es-ES' });
  const page = await context.newPage();
  await page.goto(`${BASE_URL}/login`);
  await waitForHydration(page);
  await page.getByText('Inicia sesión en la consola de atención').waitFor();
  await page.getByLabel('Usuario o correo electrónico').fill(agent.username);
  await page.getByLabel('Contraseña').fill('not-the-password');
  await page.getByRole('button', { name: 'Iniciar sesión' }).click();
  await page.getByTestId('login-error').filter({ hasText: 'Usuario o contraseña incorrectos' }).waitFor();
  await page.getByLabel('Contraseña').fill(agent.password);
  await page.getByRole('button', { name: 'Iniciar sesión' }).click();
  await page.waitForURL(`${BASE_URL}/`);
  await page.getByRole('button', { name: 'Cerrar sesión' }).waitFor();
  assert.equal(await page.locator('div.layout').getAttribute('lang'), 'es');

  await page.getByRole('navigation', { name: 'Secciones' }).getByRole('link', { name: 'Tickets' }).click();
  await page.waitForURL(`${BASE_URL}/tickets`);
  await waitForHydration(page);
  await page.getByRole('columnheader', { name: 'Asunto' }).waitFor();
  await page.getByRole('button', { name: 'Filtrar' }).waitFor();
  await page.locator(`tr[data-ticket-id="${ticket.ticket_id}"] [data-testid=sla]`).filter({ hasText: /responder: .* restantes/ }).waitFor();
  await page.locator(`tr[data-ticket-id="${ticket.ticket_id}"] a`).first().click();
  await page.waitForURL(`${BASE_URL}/tickets/${ticket.ticket_id}`);
  await waitForHydration(page);
  await page.getByText('Nivel de servicio').waitFor();
  await page.getByRole('button', { name: 'Asignarme' }).click();
  await page.getByTestId('ticket-assignee').filter({ hasText: 'Agente Español' }).waitFor();
  const reply = page.getByTestId('reply-form');
  await reply.getByLabel('Respuesta al cliente').fill('Hola, ya estoy revisando tu caso.');
  await reply.getByRole('button', { name: 'Enviar' }).click();
  await page.locator('li[data-role=agent]', { hasText: 'ya estoy revisando' }).waitFor();

  // Other pages, drawn in the browser with the table the first page brought.
  const nav = page.getByRole('navigation', { name: 'Secciones' });
  await nav.getByRole('link', { name: 'Cifras' }).click();
  await page.getByRole('heading', { name: 'Cifras' }).waitFor();
  await page.getByText('Horas trabajadas por día (h:mm)').waitFor();
  await nav.getByRole('link', { name: 'Clientes' }).click();
  await page.getByRole('link', { name: 'Nuevo cliente' }).waitFor();
  await nav.getByRole('link', { name: 'Resumen' }).click();
  await page.getByRole('heading', { name: 'Panel' }).waitFor();
  await page.getByTestId('dashboard-cards').getByText('Tickets abiertos').waitFor();

  // The same page without JavaScript: already in Spanish from the server.
  const plain = await browser.newContext({ locale: 'es-ES', javaScriptEnabled: false });
  await plain.addCookies(await context.cookies());
  const noJs = await plain.newPage();
  await noJs.goto(`${BASE_URL}/tickets/${ticket.ticket_id}`);
  await noJs.getByText('Notas internas').waitFor();
  await noJs.getByRole('button', { name: 'Añadir nota' }).waitFor();
  await plain.close();
  await context.close();
});

test('an English speaker switches the panel to Spanish, and it stays so', async () => {
  const user = await staffMember('switch', 'AGENT', 'Switch User');
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(`${BASE_URL}/login`);
  await waitForHydration(page);
  await page.fill('input[name=username]', user.username);
  await page.fill('input[name=password]', user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${BASE_URL}/`);
  await waitForHydration(page);
  const switcher = page.getByTestId('language');
  await switcher.locator('select[name=language]').selectOption('es');
  await switcher.getByRole('button', { name: 'Change' }).click();
  await page.getByRole('button', { name: 'Cerrar sesión' }).waitFor({ timeout: 10000 });
  await page.goto(`${BASE_URL}/tickets`);
  await page.getByRole('heading', { name: 'Tickets' }).waitFor();
  await page.getByRole('button', { name: 'Filtrar' }).waitFor();
  await context.close();
});
