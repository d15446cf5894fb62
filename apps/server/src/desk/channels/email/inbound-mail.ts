import { createHash } from 'node:crypto';
import type { HeaderValue, ParsedMail } from 'mailparser';
import { channelFilename } from '../../attachments/attachment-names.js';
import type { InboundMessage } from '../intake.js';

/** What the SMTP conversation said besides the message: `MAIL FROM` (false for the empty `<>`). */
export interface Envelope {
  mailFrom: string | false;
}

export type ReadMail =
  | { kind: 'message'; message: InboundMessage; reference: number | null }
  | { kind: 'ignored'; reason: string };

const MAX_EXTERNAL_ID = 500;
const MAX_THREAD_KEY = 1000;

/** `[INC-000123]` anywhere in a subject: the reference Kontor's own mails carry. */
const SUBJECT_REFERENCE = /\[INC-(\d{1,12})\]/i;
/** Answer and forward prefixes of the languages the desk speaks, stacked as mail programs stack them. */
const REPLY_PREFIXES = /^\s*((re|fwd?|sv|vb|aw|odp|pd|ответ|отв|fw)\s*:\s*)+/i;

function headerText(value: HeaderValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.join(' ');
  if (value instanceof Date) return value.toISOString();
  if ('value' in value && typeof value.value === 'string') return value.value;
  if ('text' in value && typeof value.text === 'string') return value.text;
  return '';
}

/**
 * Why a message is an automatic one no person wrote (RFC 3834 auto-replies, vacation notices, list mail, bounces),
 * or undefined for a person's mail. Taking those in would open incidents nobody reported, and loop with
 * autoresponders that answer our acknowledgement.
 */
export function automaticMail(mail: ParsedMail, envelope: Envelope): string | undefined {
  const header = (name: string) => headerText(mail.headers.get(name)).trim().toLowerCase();
  const autoSubmitted = header('auto-submitted');
  if (autoSubmitted && autoSubmitted !== 'no') return `Auto-Submitted: ${autoSubmitted}`;
  if (mail.headers.has('x-autoreply') || mail.headers.has('x-autorespond')) return 'X-Autoreply';
  const precedence = header('precedence');
  if (['bulk', 'junk', 'list', 'auto_reply'].includes(precedence)) return `Precedence: ${precedence}`;
  if (!envelope.mailFrom) return 'empty return path';
  if (mail.headers.has('return-path') && /^<?\s*>?$/.test(header('return-path'))) return 'empty return path';
  const sender = mail.from?.value[0]?.address?.toLowerCase() ?? '';
  if (/^(mailer-daemon|postmaster)(@|$)/.test(sender) || /^mailer-daemon@/i.test(envelope.mailFrom))
    return `sent by ${sender || envelope.mailFrom}`;
  const contentType = mail.headers.get('content-type');
  const params =
    contentType && typeof contentType === 'object' && 'params' in contentType
      ? (contentType.params as Record<string, string | undefined>)
      : {};
  const reportType = (params['report-type'] ?? '').toLowerCase();
  if (header('content-type') === 'multipart/report' && reportType === 'delivery-status')
    return 'delivery status report';
  return undefined;
}

/** Message-IDs named in In-Reply-To and References, each once, as `<id@host>`. */
function answeredIds(mail: ParsedMail): string[] {
  const named = [mail.inReplyTo ?? '', ...[mail.references ?? []].flat()].flatMap(
    (value) => value.match(/<[^<>\s]+>/g) ?? [],
  );
  return [...new Set(named)].filter((id) => id.length <= MAX_THREAD_KEY);
}

/**
 * The new text of a reply. What follows the first `>` line, or an attribution line ("On … wrote:") just above one,
 * is the requester's copy of earlier mail that the timeline holds already.
 */
export function withoutQuote(text: string): string {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const nextText = (index: number) => lines.slice(index + 1).find((line) => line.trim() !== '') ?? '';
  const quoteStart = lines.findIndex(
    (line, index) => line.startsWith('>') || (/\S.*:\s*$/.test(line) && nextText(index).startsWith('>')),
  );
  return (quoteStart === -1 ? lines : lines.slice(0, quoteStart)).join('\n').trim();
}

/** A parsed message as the intake takes it, or why it is ignored. */
export function readInboundMail(mail: ParsedMail, raw: Buffer, envelope: Envelope): ReadMail {
  const automatic = automaticMail(mail, envelope);
  if (automatic) return { kind: 'ignored', reason: automatic };
  const sender = mail.replyTo?.value[0] ?? mail.from?.value[0];
  const address = sender?.address?.trim().toLowerCase();
  if (!address) return { kind: 'ignored', reason: 'no sender address' };
  const messageId = mail.messageId?.trim();
  const usableId = messageId && messageId.length <= MAX_EXTERNAL_ID ? messageId : undefined;
  const subject = (mail.subject ?? '').trim();
  const reference = SUBJECT_REFERENCE.exec(subject);
  return {
    kind: 'message',
    reference: reference ? Number(reference[1]) : null,
    message: {
      channel: 'email',
      // A message without a Message-ID is still taken once: its own bytes name it.
      externalId: usableId ?? `sha256:${createHash('sha256').update(raw).digest('hex')}`,
      threadKeys: usableId ? [usableId] : [],
      inReplyTo: answeredIds(mail),
      from: { name: sender?.name?.trim() || address, email: address, address },
      subject: subject.replace(SUBJECT_REFERENCE, ' ').replace(REPLY_PREFIXES, '').replace(/\s+/g, ' ').trim(),
      body: withoutQuote(mail.text ?? ''),
      attachments: mail.attachments
        // Pictures of an HTML body (logos, signatures) are part of its look, not files the requester sent.
        .filter((attachment) => !attachment.related && attachment.content.length > 0)
        .map((attachment, index) => ({
          filename: channelFilename(attachment.filename, `attachment-${index + 1}`),
          contentType: attachment.contentType,
          data: attachment.content,
        })),
    },
  };
}
