import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { chromium } from 'playwright-core';
import { loadConfig } from '../apps/server/src/config.js';
import { createNode } from '../apps/server/src/node.js';

const dataDir = mkdtempSync(join(tmpdir(), 'kontor-shots-'));
const config = loadConfig({ flags: { dataDir, adminPassword: 'bench-admin-password-1234', logLevel: 'silent', port: 0, host: '127.0.0.1' }, env: {} });
const node = await createNode(config, { store: { kind: 'pglite', dir: 'memory' } });
const url = await node.app.listen({ host: '127.0.0.1', port: 0 });
const { rows } = await sql<{ slug: string }>`select slug from commerce.products where status='published' order by slug`.execute(node.platform.db);
const cats = await sql<{ slug: string }>`select slug from commerce.categories order by position, slug`.execute(node.platform.db);
console.log(rows.length, 'products', rows.slice(0, 50).map((r) => r.slug).join(' '));
console.log(cats.rows.map((r) => r.slug).join(' '));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1 });
const errors: string[] = [];
page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
page.on('pageerror', (e) => errors.push(e.message));
const paths = (process.argv[2] ?? '').split(',').filter(Boolean);
const targets = paths.length ? paths : ['/shop', `/shop/c/${cats.rows[0]?.slug}`, '/shop/search?q=propeller', '/shop/search?q=xyzzy', `/shop/p/solas-amita-3-yamaha-40-60`];
let i = 0;
for (const target of targets) {
  await page.goto(url + target);
  await page.screenshot({ path: `/tmp/sf/shots/${++i}.png`, fullPage: true });
  console.log(i, target);
}
console.log('errors', errors);
await browser.close();
await node.close();
