import type { Locale } from '@kontor/contracts';
import { locales } from '@kontor/contracts';

/** A mail as the visitors module composes it; the platform's mail queue sends it after commit. */
export interface ComposedMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments?: Array<{ filename: string; content: Buffer; contentType: string; cid: string }>;
  dedupeKey: string;
}

/** Guest text goes into HTML mail escaped: a company called `<img onerror=…>` stays text. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character] ?? character,
  );
}

/** A header line never carries a line break, whatever a guest typed. */
const oneLine = (text: string) => text.replace(/[\r\n]+/g, ' ').trim();

export const mailLocale = (wanted: string | null | undefined): Locale =>
  (locales as readonly string[]).includes(wanted ?? '') ? (wanted as Locale) : 'en';

interface Arrival {
  guest: string;
  company: string;
  purpose: string;
  card: number;
}

const arrivalTexts: Record<Locale, { subject: (a: Arrival) => string; body: (a: Arrival) => string; purpose: string }> =
  {
    sv: {
      subject: (a) => `Din gäst har kommit: ${a.guest}`,
      body: (a) =>
        `${a.guest}${a.company ? ` (${a.company})` : ''} har kommit till receptionen och fått kort ${a.card}.`,
      purpose: 'Ärende',
    },
    en: {
      subject: (a) => `Your guest has arrived: ${a.guest}`,
      body: (a) => `${a.guest}${a.company ? ` (${a.company})` : ''} has arrived at reception and has card ${a.card}.`,
      purpose: 'Purpose',
    },
    pl: {
      subject: (a) => `Twój gość przybył: ${a.guest}`,
      body: (a) => `${a.guest}${a.company ? ` (${a.company})` : ''} jest w recepcji i otrzymał(a) kartę ${a.card}.`,
      purpose: 'Cel wizyty',
    },
    ru: {
      subject: (a) => `Ваш гость прибыл: ${a.guest}`,
      body: (a) =>
        `${a.guest}${a.company ? ` (${a.company})` : ''} прибыл(а) на ресепшен и получил(а) карту ${a.card}.`,
      purpose: 'Цель визита',
    },
  };

/** The host's notice that their guest was admitted (given a card). */
export function arrivalMail(to: string, entryId: string, arrival: Arrival, locale: Locale): ComposedMail {
  const texts = arrivalTexts[locale];
  const purposeLine = arrival.purpose ? `${texts.purpose}: ${arrival.purpose}` : '';
  const escaped = { ...arrival, guest: escapeHtml(arrival.guest), company: escapeHtml(arrival.company) };
  return {
    to,
    subject: oneLine(texts.subject(arrival)),
    text: [texts.body(arrival), purposeLine].filter(Boolean).join('\n\n'),
    html: [
      `<p>${texts.body(escaped)}</p>`,
      purposeLine ? `<p>${escapeHtml(texts.purpose)}: ${escapeHtml(arrival.purpose)}</p>` : '',
    ].join(''),
    dedupeKey: `visitors.arrival:${entryId}`,
  };
}

interface Invite {
  guest: string;
  host: string;
  date: string;
  url: string;
}

const inviteTexts: Record<Locale, { subject: (i: Invite) => string; body: (i: Invite) => string; scan: string }> = {
  sv: {
    subject: (i) => `Ditt besök ${i.date}`,
    body: (i) => `Hej ${i.guest}! ${i.host} har anmält ditt besök ${i.date}.`,
    scan: 'Visa QR-koden i gästterminalen i receptionen, eller öppna länken där:',
  },
  en: {
    subject: (i) => `Your visit on ${i.date}`,
    body: (i) => `Hello ${i.guest}, ${i.host} has registered your visit on ${i.date}.`,
    scan: 'Show the QR code at the guest kiosk in reception, or open the link there:',
  },
  pl: {
    subject: (i) => `Twoja wizyta ${i.date}`,
    body: (i) => `Dzień dobry ${i.guest}, ${i.host} zarejestrował(a) Twoją wizytę ${i.date}.`,
    scan: 'Pokaż kod QR w kiosku gościa w recepcji lub otwórz tam link:',
  },
  ru: {
    subject: (i) => `Ваш визит ${i.date}`,
    body: (i) => `Здравствуйте, ${i.guest}! ${i.host} зарегистрировал(а) ваш визит ${i.date}.`,
    scan: 'Покажите QR-код в киоске для гостей на ресепшене или откройте там ссылку:',
  },
};

const QR_CID = 'invitation-qr@kontor';

/** The guest's invitation with its QR code as an inline PNG (mail clients do not show SVG). */
export function invitationMail(
  to: string,
  invitationId: string,
  invite: Invite,
  qrPng: Buffer,
  locale: Locale,
): ComposedMail {
  const texts = inviteTexts[locale];
  const escaped = { ...invite, guest: escapeHtml(invite.guest), host: escapeHtml(invite.host) };
  return {
    to,
    subject: oneLine(texts.subject(invite)),
    text: `${texts.body(invite)}\n\n${texts.scan}\n${invite.url}`,
    html:
      `<p>${texts.body(escaped)}</p><p>${escapeHtml(texts.scan)}</p>` +
      `<p><img src="cid:${QR_CID}" alt="QR" width="240" height="240"></p>` +
      `<p><a href="${escapeHtml(invite.url)}">${escapeHtml(invite.url)}</a></p>`,
    attachments: [{ filename: 'invitation-qr.png', content: qrPng, contentType: 'image/png', cid: QR_CID }],
    dedupeKey: `visitors.invitation:${invitationId}`,
  };
}
