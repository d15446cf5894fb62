import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { readInboundMail, withoutQuote } from './inbound-mail.js';

const person = { mailFrom: 'eva@kund.example' };

async function read(headers: string[], body = 'Hej', envelope: { mailFrom: string | false } = person) {
  const raw = Buffer.from([...headers, '', body, ''].join('\r\n'));
  return readInboundMail(await simpleParser(raw), raw, envelope);
}

describe('reading an inbound e-mail', () => {
  it('names a message by its Message-ID and threads by In-Reply-To and References', async () => {
    const mail = await read([
      'From: Eva Lind <Eva@Kund.example>',
      'Subject: SV: Re: [INC-000042] Skrivaren',
      'Message-ID: <c@kund.example>',
      'In-Reply-To: <b@desk.example>',
      'References: <a@kund.example> <b@desk.example>',
    ]);
    expect(mail).toMatchObject({
      kind: 'message',
      reference: 42,
      message: {
        externalId: '<c@kund.example>',
        threadKeys: ['<c@kund.example>'],
        inReplyTo: ['<b@desk.example>', '<a@kund.example>'],
        from: { name: 'Eva Lind', address: 'eva@kund.example' },
        subject: 'Skrivaren',
      },
    });
  });

  it('names a message without a Message-ID by the hash of its bytes', async () => {
    const mail = await read(['From: eva@kund.example', 'Subject: Utan id']);
    expect(mail.kind === 'message' && mail.message.externalId).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(mail.kind === 'message' && mail.message.threadKeys).toEqual([]);
  });

  it.each([
    [['Auto-Submitted: auto-replied'], person, 'Auto-Submitted: auto-replied'],
    [['X-Autorespond: yes'], person, 'X-Autoreply'],
    [['Precedence: list'], person, 'Precedence: list'],
    [[], { mailFrom: false as const }, 'empty return path'],
    [['Return-Path: <>'], person, 'empty return path'],
  ])('ignores automatic mail (%j)', async (headers, envelope, reason) => {
    const mail = await read(['From: eva@kund.example', 'Subject: Frånvaro', ...headers], 'Borta', envelope);
    expect(mail).toEqual({ kind: 'ignored', reason });
  });

  it('takes mail that says Auto-Submitted: no', async () => {
    expect((await read(['From: eva@kund.example', 'Auto-Submitted: no'])).kind).toBe('message');
  });
});

describe('the new text of a reply', () => {
  it('drops the quoted mail and its attribution line', () => {
    expect(withoutQuote('Fungerar inte.\r\n\r\nOn Mon, Kontor wrote:\r\n> Fixed.\r\n> Bye')).toBe('Fungerar inte.');
    expect(withoutQuote('Rad ett\nRad två: slut')).toBe('Rad ett\nRad två: slut');
  });
});
