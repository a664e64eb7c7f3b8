// Shared set-up for the browser tests: Debian's Chromium driven by playwright-core.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';

import { chromium } from 'playwright-core';

export const BASE_URL = process.env.BASE_URL ?? 'http://127.0.0.1:3000';
export const ADMIN_USER = process.env.ADMIN_USER ?? 'admin@joxai.local';
export const ADMIN_PASSWORD = process.env.ADMIN_PASSWORD ?? '';

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run',
    ],
  });
}

/// Signs in through the login form and waits for the shell.
export async function signIn(page, username, password) {
  await page.goto(`${BASE_URL}/login`);
  await waitForHydration(page);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', password);
  await page.click('button[type=submit]');
}

/// The admin bundle marks the page once hydrated, so clicks are handled by the app.
export async function waitForHydration(page) {
  await page.waitForFunction(() => window.__joxaiHydrated === true, null, { timeout: 15000 });
}

/// A customer listening on its conversation's socket from a browser page: events collect in
/// `window.__events`. Resolves once the greeting (seq 1) has arrived.
export async function customerSocket(browser, chat) {
  const customer = await browser.newPage();
  await customer.goto(`${BASE_URL}/healthz`);
  await customer.evaluate(({ id, token }) => {
    window.__events = [];
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const socket = new WebSocket(`${scheme}://${location.host}/api/v1/chat/ws?conversation_id=${id}&token=${token}`);
    socket.onmessage = (e) => window.__events.push(JSON.parse(e.data));
  }, { id: chat.conversation_id, token: chat.visitor_token });
  await customer.waitForFunction(() => window.__events.some((e) => e.seq === 1));
  return customer;
}

/// Asks the assistant on `/assistant` (the page must be open) and returns the answer's element.
export async function askAssistant(page, question) {
  const form = page.getByTestId('ask-form');
  await form.locator('textarea[name=question]').fill(question);
  await form.locator('button[type=submit]').click();
  const answer = page.getByTestId('ask-answer');
  await answer.waitFor();
  return answer;
}

// `POST /chat/message` as the customer of `chat` (the answer of /chat/start), with its visitor token.
export async function customerSays(chat, message) {
  const res = await fetch(`${BASE_URL}/api/v1/chat/message`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-visitor-token': chat.visitor_token },
    body: JSON.stringify({ conversation_id: chat.conversation_id, message }),
  });
  if (res.status !== 200) throw new Error(`/chat/message: ${res.status} ${await res.text()}`);
  return res.json();
}

/// `method path` on the REST API (`/api/v1` is prefixed), as the holder of `token` when one is given.
/// Fails the test on a status of 300 or more; returns the JSON body (null for a 204).
export async function api(method, path, body, token) {
  const headers = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${BASE_URL}/api/v1${path}`, { method, headers, body: body && JSON.stringify(body) });
  assert.ok(res.status < 300, `${method} ${path}: ${res.status} ${await res.clone().text()}`);
  return res.status === 204 ? null : res.json();
}

/// The admin's access token, signed in through the API.
export async function adminToken() {
  const session = await api('POST', '/auth/login', { username: ADMIN_USER, password: ADMIN_PASSWORD });
  return session.access_token;
}

/// A new staff member: `role`, a unique username starting with `prefix`, `fullName`. Returns the
/// user as the API gives it, with `username`, `password` and an API `token` of theirs.
export async function staffMember(prefix, role, fullName) {
  const username = `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1000)}`;
  const password = `${prefix}-password-1`;
  const user = await api('POST', '/users', {
    username, email: `${username}@bank.test`, full_name: fullName, password, role,
  }, await adminToken());
  const { access_token: token } = await api('POST', '/auth/login', { username, password });
  return { ...user, username, password, token };
}

/// An HS256 token the way a bank's server proves who its customer is to the widget.
export function sign(secret, claims) {
  const part = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const body = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}
