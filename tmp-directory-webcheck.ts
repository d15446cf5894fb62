// Temporary manual check (deleted afterwards): the web app of a client node with directoryPublicRead, anonymous.
import { createReadStream, existsSync, mkdtempSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { chromium } from 'playwright-core';
import { loadConfig } from './apps/server/src/config.js';
import { createNode } from './apps/server/src/node.js';

const DIST = '/tmp/kontor-web-dist';
const pw = 'webcheck-admin-password';
const start = async (flags: Record<string, unknown>) =>
  createNode(loadConfig({ flags: { dataDir: mkdtempSync(join(tmpdir(), 'kwc-')), adminPassword: pw, logLevel: 'silent', syncDiscovery: false, ...flags }, env: {} }), { store: { kind: 'pglite', dir: 'memory' } });
const hub = await start({});
const hubUrl = await hub.app.listen({ host: '127.0.0.1', port: 0 });
const login = await hub.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: pw } });
const cookie = `kontor_session=${login.cookies.find((c) => c.name === 'kontor_session')?.value}`;
const code = (await hub.app.inject({ method: 'POST', url: '/api/sync/enrollments', headers: { cookie, 'x-csrf-token': login.json().csrfToken } })).json().code;
const client = await start({ role: 'client', upstream: hubUrl, enrollCode: code, syncIntervalMs: 200, directoryPublicRead: process.argv[2] !== 'off' });
const clientUrl = await client.app.listen({ host: '127.0.0.1', port: 0 });
for (let i = 0; i < 300; i++) { const r = await fetch(`${clientUrl}/api/sync/first-run`).then((x) => x.json()).catch(() => null); if (r && JSON.stringify(r).includes('ready')) break; await new Promise((r) => setTimeout(r, 100)); }
await new Promise((r) => setTimeout(r, 3000));
const types: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html', '.svg': 'image/svg+xml' };
const proxy = http.createServer((req, res) => {
  const url = req.url ?? '/';
  if (url.startsWith('/api/')) {
    const upstream = http.request(`${clientUrl}${url}`, { method: req.method, headers: req.headers }, (answer) => { res.writeHead(answer.statusCode ?? 502, answer.headers); answer.pipe(res); });
    req.pipe(upstream);
    return;
  }
  const file = join(DIST, url.split('?')[0] ?? '/');
  const path = existsSync(file) && extname(file) ? file : join(DIST, 'index.html');
  res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' });
  createReadStream(path).pipe(res);
});
await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', () => r()));
const base = `http://127.0.0.1:${(proxy.address() as { port: number }).port}`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
const problems: string[] = [];
page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
const requests: string[] = [];
page.on('response', (r) => { if (r.status() >= 400) requests.push(`${r.status()} ${r.url()}`); });
try {
  await page.goto(`${base}/`);
  await page.waitForTimeout(2500);
  console.log('after / ->', page.url());
  await page.screenshot({ path: '/tmp/dirbench/web-1-start.png' });
  if (page.url().endsWith('/directory')) {
    await page.getByTestId('directory-search').fill('goran akeson');
    await page.waitForTimeout(1500);
    console.log('first result:', (await page.getByTestId('directory-entry').first().textContent())?.slice(0, 80));
    await page.screenshot({ path: '/tmp/dirbench/web-2-search.png' });
    await page.getByRole('link', { name: 'Göran Åkesson' }).first().click();
    await page.waitForTimeout(1500);
    console.log('person page ->', page.url(), 'favourite buttons:', await page.getByTestId('favourite-toggle').count());
    await page.screenshot({ path: '/tmp/dirbench/web-3-person.png' });
    await page.goto(`${base}/directory/print`);
    await page.waitForTimeout(2500);
    console.log('print footer:', await page.getByTestId('print-footer').first().textContent().catch(() => 'none'));
  }
  await page.goto(`${base}/admin/users`);
  await page.waitForTimeout(1500);
  console.log('admin ->', page.url(), 'public link:', await page.getByTestId('public-directory-link').count());
  await page.screenshot({ path: '/tmp/dirbench/web-4-signin.png' });
  await page.goto(`${base}/directory/import`);
  await page.waitForTimeout(1000);
  console.log('import ->', page.url());
} finally {
  console.log('console errors:', problems);
  console.log('failed responses:', requests);
  await browser.close();
  proxy.close();
  await client.close();
  await hub.close();
}
