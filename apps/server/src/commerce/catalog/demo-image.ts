/** The kinds of product a demo picture draws. */
export type DemoIcon =
  | 'boat'
  | 'trailer'
  | 'motor'
  | 'screen'
  | 'propeller'
  | 'anchor'
  | 'fender'
  | 'vest'
  | 'reel'
  | 'rod'
  | 'lure'
  | 'rope';

const shapes: Record<DemoIcon, string> = {
  boat: '<path d="M40 170h320l-50 50H90z" fill="#f5f5f5"/><path d="M150 170V90l90 80z" fill="#fff" opacity=".8"/>',
  trailer:
    '<rect x="60" y="150" width="260" height="20" fill="#d9d9d9"/><circle cx="150" cy="190" r="22" fill="#333"/><circle cx="230" cy="190" r="22" fill="#333"/><path d="M320 160h50" stroke="#d9d9d9" stroke-width="8"/>',
  motor:
    '<rect x="160" y="50" width="90" height="80" rx="18" fill="#f5f5f5"/><rect x="190" y="130" width="30" height="90" fill="#e0e0e0"/><path d="M175 225h60" stroke="#e0e0e0" stroke-width="10"/>',
  screen:
    '<rect x="90" y="60" width="220" height="150" rx="12" fill="#222"/><rect x="105" y="75" width="190" height="120" fill="#1e88e5"/><path d="M110 170q40-60 80-20t80-40" stroke="#ffeb3b" stroke-width="5" fill="none"/>',
  propeller:
    '<circle cx="200" cy="140" r="16" fill="#eee"/><ellipse cx="200" cy="85" rx="22" ry="48" fill="#f5f5f5"/><ellipse cx="200" cy="85" rx="22" ry="48" fill="#e0e0e0" transform="rotate(120 200 140)"/><ellipse cx="200" cy="85" rx="22" ry="48" fill="#fafafa" transform="rotate(240 200 140)"/>',
  anchor:
    '<circle cx="200" cy="60" r="16" fill="none" stroke="#eee" stroke-width="8"/><path d="M200 76v130M150 110h100M120 160q80 90 160 0" stroke="#eee" stroke-width="12" fill="none"/>',
  fender:
    '<rect x="150" y="50" width="100" height="170" rx="50" fill="#fafafa"/><path d="M200 30v20M200 220v20" stroke="#333" stroke-width="6"/>',
  vest: '<path d="M140 50h40l20 30 20-30h40l30 40v130H110V90z" fill="#ff6d00"/><path d="M200 80v140" stroke="#333" stroke-width="4"/>',
  reel: '<circle cx="200" cy="140" r="60" fill="#c62828"/><circle cx="200" cy="140" r="22" fill="#eee"/><path d="M260 140h50" stroke="#eee" stroke-width="10"/>',
  rod: '<path d="M60 220L340 40" stroke="#f5f5f5" stroke-width="8"/><circle cx="120" cy="182" r="14" fill="#888"/>',
  lure: '<path d="M90 140q110-70 220 0q-110 70-220 0z" fill="#c0ca33"/><circle cx="270" cy="135" r="7" fill="#222"/><path d="M300 140l40 10-40 10" fill="#eee"/>',
  rope: '<circle cx="200" cy="140" r="70" fill="none" stroke="#fff8e1" stroke-width="18"/><circle cx="200" cy="140" r="40" fill="none" stroke="#ffe082" stroke-width="14"/>',
};

const backgrounds: Record<DemoIcon, string> = {
  boat: '#0277bd',
  trailer: '#455a64',
  motor: '#37474f',
  screen: '#546e7a',
  propeller: '#1565c0',
  anchor: '#2e7d32',
  fender: '#00838f',
  vest: '#0d47a1',
  reel: '#4e342e',
  rod: '#33691e',
  lure: '#006064',
  rope: '#5d4037',
};

const escapeXml = (text: string) =>
  text.replace(
    /[&<>"]/g,
    (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[character] ?? character,
  );

/**
 * A small picture of a demo product: its kind drawn in a few shapes and its brand below, 400 × 300. The same
 * product always gets the same bytes, so seeding twice or on two machines gives the same pictures.
 */
export function demoSvg(icon: DemoIcon, brand: string): Buffer {
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300" viewBox="0 0 400 300">` +
      `<rect width="400" height="300" fill="${backgrounds[icon]}"/>${shapes[icon]}` +
      `<text x="200" y="275" font-family="sans-serif" font-size="24" fill="#fff" text-anchor="middle">${escapeXml(brand)}</text></svg>`,
    'utf8',
  );
}
