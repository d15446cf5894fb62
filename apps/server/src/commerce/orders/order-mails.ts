import type { MailMessage } from '../../platform/mail/mail-queue.js';
import { formatMoney, formatRate } from '../money.js';
import { displayNumber } from './order-states.js';
import type { StoredLine, StoredOrder } from './orders-repository.js';

/** The languages the shop writes e-mails in; an order in another language gets English. */
type MailLocale = 'sv' | 'en';
const mailLocale = (locale: string): MailLocale => (locale === 'sv' ? 'sv' : 'en');

const texts = {
  sv: {
    confirmationSubject: (n: string) => `Tack för din beställning ${n}`,
    confirmationIntro: (name: string, n: string) =>
      `Hej ${name}!\n\nVi har tagit emot din betalning för order ${n}. Vi skickar ett nytt e-postmeddelande när paketet lämnar vårt lager.`,
    shippedSubject: (n: string) => `Din order ${n} är skickad`,
    shippedIntro: (name: string, n: string) => `Hej ${name}!\n\nDin order ${n} har lämnat vårt lager.`,
    tracking: 'Spårningsnummer',
    refundSubject: (n: string) => `Återbetalning för order ${n}`,
    refundIntro: (name: string, n: string, amount: string) =>
      `Hej ${name}!\n\nVi har återbetalat ${amount} för order ${n}. Pengarna syns på ditt kort inom några bankdagar.`,
    cancelledNote: 'Ordern är avbruten.',
    subtotal: 'Varor',
    discount: 'Rabatt',
    shipping: 'Frakt',
    total: 'Att betala',
    vatOf: (rate: string) => `varav moms ${rate}`,
    shipTo: 'Leveransadress',
    scheduled: 'Skrymmande gods: vi kontaktar dig för att boka leveransdag.',
    backordered: (count: number) => `${count} st restnoterade, skickas när de kommer in`,
    view: 'Se din order',
    signature: 'Vänliga hälsningar\nWestGear AB',
  },
  en: {
    confirmationSubject: (n: string) => `Thank you for your order ${n}`,
    confirmationIntro: (name: string, n: string) =>
      `Hello ${name},\n\nWe have received your payment for order ${n}. We will e-mail you again when the parcel leaves our warehouse.`,
    shippedSubject: (n: string) => `Your order ${n} has shipped`,
    shippedIntro: (name: string, n: string) => `Hello ${name},\n\nYour order ${n} has left our warehouse.`,
    tracking: 'Tracking number',
    refundSubject: (n: string) => `Refund for order ${n}`,
    refundIntro: (name: string, n: string, amount: string) =>
      `Hello ${name},\n\nWe have refunded ${amount} for order ${n}. It will reach your card within a few banking days.`,
    cancelledNote: 'The order is cancelled.',
    subtotal: 'Items',
    discount: 'Discount',
    shipping: 'Shipping',
    total: 'Total',
    vatOf: (rate: string) => `of which VAT ${rate}`,
    shipTo: 'Delivery address',
    scheduled: 'Bulky goods: we will contact you to book a delivery day.',
    backordered: (count: number) => `${count} on back order, shipped when they arrive`,
    view: 'View your order',
    signature: 'Kind regards\nWestGear AB',
  },
} as const;

/** Customer text goes into HTML mail escaped: a name like `<img onerror=…>` stays text. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character] ?? character,
  );
}

const oneLine = (text: string) => text.replace(/[\r\n]+/g, ' ').trim();
const paragraphs = (text: string) =>
  text
    .split('\n\n')
    .map((part) => `<p>${escapeHtml(part).replace(/\n/g, '<br>')}</p>`)
    .join('');

export interface OrderForMail {
  order: StoredOrder;
  lines: StoredLine[];
  /** Where the customer reads the order (the guest link with its token). */
  link: string;
}

/** The lines and totals, VAT per rate, as rows of two columns: used by the text and the HTML body alike. */
function summaryRows({ order, lines }: OrderForMail, t: (typeof texts)[MailLocale], locale: MailLocale) {
  const money = (amount: number) => formatMoney(amount, order.currency, locale);
  const lineRows = lines.map((line) => {
    const options = Object.values(line.option_values).join(', ');
    const label = `${line.quantity} × ${line.name}${options ? ` (${options})` : ''} · ${line.sku}`;
    const notes = line.backordered > 0 ? ` — ${t.backordered(line.backordered)}` : '';
    return [label + notes, money(line.total_minor)] as const;
  });
  const totals: Array<readonly [string, string]> = [[t.subtotal, money(order.subtotal_minor)]];
  if (order.discount_minor > 0) totals.push([t.discount, `−${money(order.discount_minor)}`]);
  totals.push([`${t.shipping}: ${order.shipping.name}`, money(order.shipping_minor)]);
  totals.push([t.total, money(order.total_minor)]);
  for (const rate of order.vat_by_rate) totals.push([t.vatOf(formatRate(rate.rateBp, locale)), money(rate.vatMinor)]);
  return { lineRows, totals };
}

function addressLines(address: StoredOrder['shipping']['address']): string[] {
  return [
    address.name,
    address.company,
    address.line1,
    address.line2,
    `${address.postalCode} ${address.city}`,
    address.country,
  ].filter((part): part is string => Boolean(part));
}

function compose(
  mail: OrderForMail,
  subject: string,
  intro: string,
  extra: { lines?: string[]; withSummary: boolean; dedupeKey: string },
): MailMessage {
  const locale = mailLocale(mail.order.locale);
  const t = texts[locale];
  const { lineRows, totals } = summaryRows(mail, t, locale);
  const address = addressLines(mail.order.shipping.address);
  const textParts = [intro, ...(extra.lines ?? [])];
  if (extra.withSummary) {
    textParts.push([...lineRows, ...totals].map(([label, amount]) => `${label}: ${amount}`).join('\n'));
    textParts.push(`${t.shipTo}:\n${address.join('\n')}`);
    if (mail.order.shipping.scheduled) textParts.push(t.scheduled);
  }
  textParts.push(`${t.view}: ${mail.link}`, t.signature);
  const row = ([label, amount]: readonly [string, string], strong = false) =>
    `<tr><td style="padding:2px 12px 2px 0">${strong ? '<strong>' : ''}${escapeHtml(label)}${strong ? '</strong>' : ''}</td><td style="padding:2px 0;text-align:right;white-space:nowrap">${escapeHtml(amount)}</td></tr>`;
  const html = [
    '<div style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#1a1a1a;max-width:600px">',
    paragraphs(intro),
    ...(extra.lines ?? []).map((line) => paragraphs(line)),
    extra.withSummary
      ? `<table style="border-collapse:collapse;width:100%">${lineRows.map((r) => row(r)).join('')}${totals
          .map((r) => row(r, r[0] === t.total))
          .join('')}</table><p><strong>${escapeHtml(t.shipTo)}</strong><br>${address.map(escapeHtml).join('<br>')}</p>${
          mail.order.shipping.scheduled ? `<p>${escapeHtml(t.scheduled)}</p>` : ''
        }`
      : '',
    `<p><a href="${escapeHtml(mail.link)}">${escapeHtml(t.view)}</a></p>`,
    paragraphs(t.signature),
    '</div>',
  ].join('');
  return {
    to: mail.order.email,
    subject: oneLine(subject),
    text: textParts.join('\n\n'),
    html,
    dedupeKey: extra.dedupeKey,
  };
}

/** Sent once when the order is paid: what was bought, the totals with VAT per rate, where it goes. */
export function confirmationMail(mail: OrderForMail): MailMessage {
  const t = texts[mailLocale(mail.order.locale)];
  const number = displayNumber(mail.order.number);
  return compose(mail, t.confirmationSubject(number), t.confirmationIntro(mail.order.customer_name, number), {
    withSummary: true,
    dedupeKey: `commerce.order-paid:${mail.order.id}`,
  });
}

export function shippedMail(mail: OrderForMail, trackingNumber: string): MailMessage {
  const t = texts[mailLocale(mail.order.locale)];
  const number = displayNumber(mail.order.number);
  return compose(mail, t.shippedSubject(number), t.shippedIntro(mail.order.customer_name, number), {
    lines: [`${t.tracking}: ${trackingNumber}`],
    withSummary: true,
    dedupeKey: `commerce.order-shipped:${mail.order.id}`,
  });
}

/** One per refund: `refundId` keeps a retried refund from telling the customer twice. */
export function refundMail(
  mail: OrderForMail,
  refund: { id: string; amountMinor: number; cancelled: boolean },
): MailMessage {
  const locale = mailLocale(mail.order.locale);
  const t = texts[locale];
  const number = displayNumber(mail.order.number);
  const amount = formatMoney(refund.amountMinor, mail.order.currency, locale);
  return compose(mail, t.refundSubject(number), t.refundIntro(mail.order.customer_name, number, amount), {
    lines: refund.cancelled ? [t.cancelledNote] : [],
    withSummary: false,
    dedupeKey: `commerce.order-refund:${refund.id}`,
  });
}
