import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

export interface Asset {
  /** The name the pages link to: content-hashed, so it can be cached for a year. */
  name: string;
  contentType: string;
  body: Buffer;
  gzipped: Buffer;
}

const SOURCES = [
  { file: 'shop.css', contentType: 'text/css; charset=utf-8' },
  { file: 'shop.js', contentType: 'text/javascript; charset=utf-8' },
  { file: 'icon.svg', contentType: 'image/svg+xml' },
] as const;

export type AssetFile = (typeof SOURCES)[number]['file'];

/** The pages' stylesheet, script and icon, read once at start and named by their content. */
export function loadAssets(): { byName: Map<string, Asset>; href: (file: AssetFile) => string } {
  const byName = new Map<string, Asset>();
  const hrefs = new Map<string, string>();
  for (const source of SOURCES) {
    const body = readFileSync(new URL(`./assets/${source.file}`, import.meta.url));
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
    const [stem, extension] = source.file.split('.') as [string, string];
    const name = `${stem}.${hash}.${extension}`;
    byName.set(name, { name, contentType: source.contentType, body, gzipped: gzipSync(body, { level: 9 }) });
    hrefs.set(source.file, `/shop/assets/${name}`);
  }
  return { byName, href: (file) => hrefs.get(file) as string };
}
