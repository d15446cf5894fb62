import type { Locale } from '@kontor/contracts';
import { locales } from '@kontor/contracts';
import { activeUsersHolding, userContact } from '../../identity/index.js';
import type { MailMessage } from '../../platform/mail/mail-queue.js';
import type { Db, Platform } from '../../platform/platform.js';
import type { TranslatedText } from './tables.js';
import { localized } from './translations.js';

export interface LowStockFact {
  variantId: string;
  sku: string;
  productName: TranslatedText;
  onHand: number;
  threshold: number;
  backorder: boolean;
  alertedAt: Date;
}

type Texts = { subject: (f: LowStockFact, name: string) => string; body: (f: LowStockFact, name: string) => string };

const texts: Record<Locale, Texts> = {
  sv: {
    subject: (f, name) => `Lågt lager: ${f.sku} ${name}`,
    body: (f, name) =>
      `${name} (${f.sku}) har ${f.onHand} st kvar i lager; gränsen för lågt lager är ${f.threshold}.` +
      (f.backorder ? ' Restorder är tillåten.' : ' Varan kan inte restnoteras: fyll på innan den tar slut.'),
  },
  en: {
    subject: (f, name) => `Low stock: ${f.sku} ${name}`,
    body: (f, name) =>
      `${name} (${f.sku}) has ${f.onHand} left in stock; its low-stock threshold is ${f.threshold}.` +
      (f.backorder ? ' Backorders are allowed.' : ' It cannot be backordered: restock it before it runs out.'),
  },
  pl: {
    subject: (f, name) => `Niski stan magazynowy: ${f.sku} ${name}`,
    body: (f, name) =>
      `${name} (${f.sku}): w magazynie zostało ${f.onHand} szt.; próg niskiego stanu to ${f.threshold}.` +
      (f.backorder ? ' Zamówienia oczekujące są dozwolone.' : ' Nie można zamawiać na zapas: uzupełnij stan.'),
  },
  ru: {
    subject: (f, name) => `Мало на складе: ${f.sku} ${name}`,
    body: (f, name) =>
      `${name} (${f.sku}): на складе осталось ${f.onHand} шт.; порог низкого остатка — ${f.threshold}.` +
      (f.backorder ? ' Предзаказ разрешён.' : ' Предзаказ невозможен: пополните запас.'),
  },
};

const mailLocale = (wanted: string | null | undefined): Locale =>
  (locales as readonly string[]).includes(wanted ?? '') ? (wanted as Locale) : 'sv';

/**
 * Tells every active user who keeps the catalog (commerce.catalog) that a level fell to its threshold, each in
 * their language, queued in the caller's transaction: if the sale that took the stock rolls back, so does the mail.
 */
export async function sendLowStockAlert(platform: Platform, trx: Db, fact: LowStockFact): Promise<number> {
  let sent = 0;
  for (const user of await activeUsersHolding(trx, 'commerce.catalog')) {
    const contact = await userContact(trx, user.id);
    if (!contact?.email) continue;
    const locale = mailLocale(contact.locale);
    const name = localized(fact.productName, locale === 'pl' || locale === 'ru' ? 'en' : locale);
    const message: MailMessage = {
      to: contact.email,
      subject: texts[locale].subject(fact, name).replace(/[\r\n]+/g, ' '),
      text: texts[locale].body(fact, name),
      dedupeKey: `commerce.low_stock:${fact.variantId}:${fact.alertedAt.toISOString()}:${user.id}`,
    };
    await platform.mail.enqueue(trx, message);
    sent += 1;
  }
  return sent;
}
