import type { Page } from 'playwright-core';

/** A signed-in API session, as a script would hold it: the session cookie and the CSRF token to echo. */
export interface ApiSession {
  request<T>(path: string, init?: { method?: string; body?: unknown }): Promise<T>;
}

export async function apiSession(url: string, username: string, password: string): Promise<ApiSession> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!login.ok) throw new Error(`signing in as ${username} answered ${login.status}: ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return {
    async request<T>(path: string, init: { method?: string; body?: unknown } = {}) {
      const response = await fetch(`${url}${path}`, {
        method: init.method ?? 'GET',
        headers: {
          cookie,
          'x-csrf-token': csrfToken,
          ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path} answered ${response.status}: ${text}`);
      return (text ? JSON.parse(text) : undefined) as T;
    },
  };
}

/** Demo users have no password until an administrator sets one: the journeys do that as `admin`. */
export async function setDemoPassword(admin: ApiSession, username: string, password: string) {
  const users = await admin.request<Array<{ id: string; username: string }>>('/api/admin/users');
  const user = users.find((candidate) => candidate.username === username);
  if (!user) throw new Error(`the demo organisation has no user ${username}`);
  await admin.request(`/api/admin/users/${user.id}/password`, { method: 'POST', body: { password } });
}

/** Signs in through the page as `username` and waits for the signed-in shell. */
export async function signInAs(page: Page, url: string, username: string, password: string) {
  await page.goto(`${url}/sign-in`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('user-menu').waitFor();
}

export interface KioskGuest {
  firstName: string;
  lastName: string;
  company?: string;
  purpose?: string;
  hostId?: string | null;
}

/** What the kiosk page sends, sent straight to the public API. */
export async function submitAtKiosk(url: string, guest: KioskGuest): Promise<{ id: string }> {
  const response = await fetch(`${url}/api/visitors/kiosk/entries`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ company: '', purpose: '', ...guest, consent: true }),
  });
  const text = await response.text();
  if (response.status !== 201) throw new Error(`the kiosk answered ${response.status}: ${text}`);
  return JSON.parse(text) as { id: string };
}
