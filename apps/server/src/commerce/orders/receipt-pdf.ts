import PDFDocument from 'pdfkit';
import { formatMoney, formatRate } from '../money.js';
import type { OrderParts } from './mappers.js';
import { displayNumber } from './order-states.js';
import { SHOP_TIME_ZONE } from './shop-days.js';

/** The seller on every receipt (Swedish receipts name the seller, its organisation and VAT numbers). */
export const SELLER = {
  name: 'WestGear AB',
  orgNumber: '556123-4567',
  vatNumber: 'SE556123456701',
  address: ['Hamnvägen 12', '426 71 Västra Frölunda', 'Sverige'],
  email: 'order@westgear.example',
} as const;

const providerName = (provider: string) =>
  ({ stripe: 'Stripe', klarna: 'Klarna', swish: 'Swish' })[provider] ?? provider;

const texts = {
  sv: {
    title: 'Kvitto',
    order: 'Order',
    paid: 'Betald',
    seller: 'Säljare',
    buyer: 'Köpare',
    org: 'Org.nr',
    vatNo: 'Momsreg.nr',
    item: 'Artikel',
    qty: 'Antal',
    unit: 'À-pris',
    vat: 'Moms',
    amount: 'Belopp',
    subtotal: 'Varor',
    discount: 'Rabatt',
    shipping: 'Frakt',
    total: 'Totalt',
    vatSummary: 'Moms per sats',
    base: 'Underlag',
    payment: 'Betalning',
    card: (provider: string) => `Kort (${providerName(provider)})`,
    refunded: 'Återbetalt',
    footer: 'Alla priser inklusive moms.',
  },
  en: {
    title: 'Receipt',
    order: 'Order',
    paid: 'Paid',
    seller: 'Seller',
    buyer: 'Buyer',
    org: 'Org. no.',
    vatNo: 'VAT no.',
    item: 'Item',
    qty: 'Qty',
    unit: 'Unit price',
    vat: 'VAT',
    amount: 'Amount',
    subtotal: 'Items',
    discount: 'Discount',
    shipping: 'Shipping',
    total: 'Total',
    vatSummary: 'VAT by rate',
    base: 'Net',
    payment: 'Payment',
    card: (provider: string) => `Card (${providerName(provider)})`,
    refunded: 'Refunded',
    footer: 'All prices include VAT.',
  },
} as const;

/** The standard PDF fonts know Latin-1: Intl's narrow and no-break spaces become plain ones, − a hyphen. */
const latin = (text: string) => text.replace(/[\u202f\u00a0\u2009]/g, ' ').replace(/\u2212/g, '-');

/** The receipt of a paid order as a PDF (A4): seller, buyer, lines, VAT per rate, totals, payment and refunds. */
export async function receiptPdf({ order, lines, payments, refunds }: OrderParts): Promise<Buffer> {
  const locale = order.locale === 'sv' ? 'sv' : 'en';
  const t = texts[locale];
  const money = (amount: number) => latin(formatMoney(amount, order.currency, locale));
  const date = (value: Date) =>
    new Intl.DateTimeFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: SHOP_TIME_ZONE,
    }).format(value);

  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: { Title: `${t.title} ${displayNumber(order.number)}`, Author: SELLER.name },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = 50;
  const right = 545;
  doc
    .font('Helvetica-Bold')
    .fontSize(20)
    .text(`${t.title} ${displayNumber(order.number)}`, left, 50);
  doc.font('Helvetica').fontSize(10);
  if (order.paid_at) doc.text(latin(`${t.paid}: ${date(order.paid_at)}`));
  doc.moveDown();

  const top = doc.y;
  doc.font('Helvetica-Bold').text(t.seller, left, top);
  doc.font('Helvetica').text(SELLER.name).text(SELLER.address.join('\n'));
  doc.text(`${t.org} ${SELLER.orgNumber}`).text(`${t.vatNo} ${SELLER.vatNumber}`).text(SELLER.email);
  const afterSeller = doc.y;
  const billing = order.billing_address;
  doc.font('Helvetica-Bold').text(t.buyer, 320, top);
  doc.font('Helvetica');
  if (order.company_name) doc.text(order.company_name, 320);
  if (order.org_number) doc.text(`${t.org} ${order.org_number}`, 320);
  doc.text(
    [billing.name, billing.line1, billing.line2, `${billing.postalCode} ${billing.city}`, billing.country]
      .filter(Boolean)
      .join('\n'),
    320,
  );
  doc.text(order.email, 320);
  doc.y = Math.max(afterSeller, doc.y) + 20;

  const columns = { item: left, qty: 300, unit: 340, vat: 420, amount: 470 };
  const header = () => {
    doc.font('Helvetica-Bold');
    const y = doc.y;
    doc.text(t.item, columns.item, y);
    doc.text(t.qty, columns.qty, y, { width: 35, align: 'right' });
    doc.text(t.unit, columns.unit, y, { width: 75, align: 'right' });
    doc.text(t.vat, columns.vat, y, { width: 45, align: 'right' });
    doc.text(t.amount, columns.amount, y, { width: right - columns.amount, align: 'right' });
    doc
      .moveTo(left, doc.y + 2)
      .lineTo(right, doc.y + 2)
      .stroke();
    doc.moveDown(0.5);
    doc.font('Helvetica');
  };
  header();
  for (const line of lines) {
    if (doc.y > 740) {
      doc.addPage();
      header();
    }
    const y = doc.y;
    const options = Object.values(line.option_values).join(', ');
    doc.text(`${line.name}${options ? ` (${options})` : ''}\n${line.sku}`, columns.item, y, { width: 245 });
    const after = doc.y;
    doc.text(String(line.quantity), columns.qty, y, { width: 35, align: 'right' });
    doc.text(money(line.unit_price_minor), columns.unit, y, { width: 75, align: 'right' });
    doc.text(latin(formatRate(line.vat_rate_bp, locale)), columns.vat, y, { width: 45, align: 'right' });
    doc.text(money(line.total_minor), columns.amount, y, { width: right - columns.amount, align: 'right' });
    if (line.discount_minor > 0)
      doc.text(`${t.discount} -${money(line.discount_minor)}`, columns.unit, doc.y, {
        width: right - columns.unit,
        align: 'right',
      });
    doc.y = Math.max(after, doc.y) + 4;
  }
  doc.moveTo(left, doc.y).lineTo(right, doc.y).stroke();
  doc.moveDown(0.5);

  const sum = (label: string, amount: string, bold = false) => {
    const y = doc.y;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica');
    doc.text(label, 300, y, { width: 160 });
    doc.text(amount, columns.amount - 40, y, { width: right - columns.amount + 40, align: 'right' });
    doc.font('Helvetica');
  };
  sum(t.subtotal, money(order.subtotal_minor));
  if (order.discount_minor > 0) sum(t.discount, `-${money(order.discount_minor)}`);
  sum(`${t.shipping}: ${order.shipping.name}`, money(order.shipping_minor));
  sum(t.total, money(order.total_minor), true);
  doc.moveDown();
  doc.font('Helvetica-Bold').text(t.vatSummary, 300);
  doc.font('Helvetica');
  for (const rate of order.vat_by_rate) {
    sum(
      latin(`${t.vat} ${formatRate(rate.rateBp, locale)} (${t.base} ${money(rate.baseMinor)})`),
      money(rate.vatMinor),
    );
  }
  doc.moveDown();

  doc.font('Helvetica-Bold').text(t.payment, left);
  doc.font('Helvetica');
  for (const payment of payments.filter((p) => ['captured', 'partially_refunded', 'refunded'].includes(p.status))) {
    doc.text(`${t.card(payment.provider)}: ${money(payment.amountMinor)} (${payment.reference ?? payment.id})`, left);
  }
  for (const refund of refunds.filter((r) => r.status === 'succeeded')) {
    doc.text(
      latin(`${t.refunded} ${date(new Date(refund.settledAt ?? refund.createdAt))}: -${money(refund.amountMinor)}`),
      left,
    );
  }
  doc.moveDown();
  doc.fontSize(8).fillColor('#555555').text(t.footer, left);
  doc.end();
  return done;
}
