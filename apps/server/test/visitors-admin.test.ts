import type { Entry } from '@kontor/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDemo } from '../src/node.js';
import { describeEachStore } from './stores.js';
import { expectStatus, type Session } from './test-node.js';
import { freshAddress, guest, startVisitorsNode, type VisitorsNode } from './visitors-fixtures.js';

const DEFAULT_TYPES = [
  { key: 'regular', name: 'Regular guest', from: 100, to: 199 },
  { key: 'full-service', name: 'Full service', from: 200, to: 299 },
  { key: 'administrator', name: 'Administrator', from: 700, to: 799 },
];
const localDate = (offsetDays = 0) => {
  const at = new Date(Date.now() + offsetDays * 86_400_000);
  return `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`;
};

describeEachStore('visitors: administration, invitations, retention', (store) => {
  let v: VisitorsNode;
  let release: () => Promise<void>;
  let inviter: Session & { id: string };

  beforeAll(async () => {
    const created = await store.create();
    release = created.release;
    v = await startVisitorsNode(created.location);
    inviter = await v.node.userWith(['visitors.invite']);
  });
  afterAll(async () => {
    await v?.close();
    await release?.();
  });

  const audit = async (query: string) =>
    (await v.node.app.inject({ url: `/api/admin/audit?${query}`, headers: v.node.admin.headers })).json().entries;
  const entry = async (id: string): Promise<Entry> =>
    (await expectStatus(v.as(v.reception, 'GET', `/api/visitors/entries/${id}`), 200)).json();

  it('loads the demo a second time without adding anything', async () => {
    const counts = async () =>
      (
        await sql<Record<string, number>>`select (select count(*)::int from visitors.entries) as entries,
          (select count(*)::int from visitors.cards) as cards, (select count(*)::int from visitors.card_types) as types,
          (select count(*)::int from visitors.presence) as presence`.execute(v.node.platform.db)
      ).rows[0];
    const before = await counts();
    expect(before).toMatchObject({ cards: 45, types: 3, presence: 2 });
    await seedDemo(v.node.platform, v.node.modules);
    expect(await counts()).toEqual(before);
  });

  it('keeps card types whose ranges do not overlap, saying which fields clash', async () => {
    expect((await v.as(v.reception, 'GET', '/api/visitors/card-types')).json().types).toEqual(DEFAULT_TYPES);
    const clash = await v.as(v.admin, 'PUT', '/api/visitors/card-types', {
      types: [...DEFAULT_TYPES, { key: 'contractor', name: 'Contractor', from: 250, to: 320 }],
    });
    expect(clash.statusCode).toBe(422);
    expect(clash.json()).toMatchObject({ code: 'visitors.card_types_invalid' });
    expect(clash.json().errors).toEqual([
      expect.objectContaining({ path: 'body.types.3', message: expect.stringContaining('full-service') }),
    ]);
    const backwards = await v.as(v.admin, 'PUT', '/api/visitors/card-types', {
      types: [{ key: 'regular', name: 'Regular guest', from: 199, to: 100 }],
    });
    expect(backwards.json().errors.map((e: { path: string }) => e.path)).toEqual(['body.types.0.to']);
    const twice = await v.as(v.admin, 'PUT', '/api/visitors/card-types', {
      types: [DEFAULT_TYPES[0], { ...DEFAULT_TYPES[1], key: 'regular' }],
    });
    expect(twice.json().errors.map((e: { path: string }) => e.path)).toEqual(['body.types.1.key']);
    expect((await v.as(v.reception, 'PUT', '/api/visitors/card-types', { types: DEFAULT_TYPES })).statusCode).toBe(403);

    const widened = [...DEFAULT_TYPES, { key: 'contractor', name: 'Contractor', from: 300, to: 349 }];
    const saved = await expectStatus(v.as(v.admin, 'PUT', '/api/visitors/card-types', { types: widened }), 200);
    expect(saved.json().types).toEqual(widened);
    const [record] = await audit('action=visitors.card_types.update&limit=1');
    expect(record).toMatchObject({ before: DEFAULT_TYPES, after: widened });
  });

  it('adds ranges of cards that lie in a type, and marks cards lost', async () => {
    const added = await expectStatus(v.as(v.admin, 'POST', '/api/visitors/cards', { from: 300, to: 304 }), 201);
    expect(added.json().cards.map((c: { number: number; type: string }) => [c.number, c.type])).toEqual([
      [300, 'contractor'],
      [301, 'contractor'],
      [302, 'contractor'],
      [303, 'contractor'],
      [304, 'contractor'],
    ]);
    const outside = await v.as(v.admin, 'POST', '/api/visitors/cards', { from: 345, to: 360 });
    expect(outside.statusCode).toBe(422);
    expect(outside.json()).toMatchObject({ code: 'visitors.card_outside_types', errors: [{ path: 'body.to' }] });
    const existing = await sql<{
      n: number;
    }>`select count(*)::int as n from visitors.cards where number >= 345 and number <= 360`.execute(v.node.platform.db);
    expect(existing.rows[0]?.n).toBe(0);

    // A card someone holds may be marked lost: they keep it until released, and it is not handed out again.
    const holder = await v.admit(300);
    const lost = await expectStatus(
      v.as(v.admin, 'PATCH', '/api/visitors/cards/300', { status: 'lost', note: 'Guest lost it in the car park' }),
      200,
    );
    expect(lost.json()).toMatchObject({ status: 'lost', holderEntryId: holder, note: 'Guest lost it in the car park' });
    await expectStatus(v.as(v.reception, 'POST', `/api/visitors/entries/${holder}/release`, {}), 200);
    const free = (await v.as(v.reception, 'GET', '/api/visitors/cards?free=true&type=contractor')).json().cards;
    expect(free.map((c: { number: number }) => c.number)).toEqual([301, 302, 303, 304]);
    const [record] = await audit('entity=visitors.card&entityId=300');
    expect(record).toMatchObject({ before: { status: 'available' }, after: { status: 'lost' } });
    expect((await v.as(v.admin, 'PATCH', '/api/visitors/cards/555', { status: 'lost' })).statusCode).toBe(404);
    await expectStatus(v.as(v.admin, 'PUT', '/api/visitors/card-types', { types: DEFAULT_TYPES }), 200);
    // Out of every range now: listed without a type, never offered.
    const pool = (await v.as(v.admin, 'GET', '/api/visitors/cards')).json().cards;
    expect(pool.find((c: { number: number }) => c.number === 301)).toMatchObject({ type: null });
  });

  it('registers kiosk devices by a key kept only as a hash, and can require them', async () => {
    const created = await expectStatus(v.as(v.admin, 'POST', '/api/visitors/kiosks', { name: 'Entrance tablet' }), 201);
    const { device, key } = created.json();
    expect(device).toMatchObject({ name: 'Entrance tablet', revoked: false, lastSeenAt: null });
    const stored = await sql<{
      key_hash: string;
    }>`select key_hash from visitors.kiosks where id = ${device.id}`.execute(v.node.platform.db);
    expect(stored.rows[0]?.key_hash).not.toContain(key);
    expect(stored.rows[0]?.key_hash).toHaveLength(64);

    const withKey = await expectStatus(v.kiosk(guest(), { key }), 201);
    expect((await entry(withKey.json().id)).kioskName).toBe('Entrance tablet');
    const listed = (await v.as(v.admin, 'GET', '/api/visitors/kiosks')).json().kiosks;
    expect(listed.find((k: { id: string }) => k.id === device.id).lastSeenAt).not.toBeNull();

    const settings = (await v.as(v.admin, 'GET', '/api/visitors/settings')).json();
    expect(settings).toMatchObject({ retentionDays: 30, requireKioskDevice: false, idleResetSeconds: 60 });
    await expectStatus(v.as(v.admin, 'PUT', '/api/visitors/settings', { ...settings, requireKioskDevice: true }), 200);
    const anonymous = await v.kiosk(guest());
    expect(anonymous.statusCode).toBe(403);
    expect(anonymous.json().code).toBe('visitors.kiosk_required');
    expect((await v.kiosk(guest(), { key: 'forged-key-of-no-device' })).json().code).toBe('visitors.kiosk_unknown');
    await expectStatus(v.kiosk(guest(), { key }), 201);

    await expectStatus(v.as(v.admin, 'DELETE', `/api/visitors/kiosks/${device.id}`), 204);
    expect((await v.kiosk(guest(), { key })).statusCode).toBe(403);
    const revoked = (await v.as(v.admin, 'GET', '/api/visitors/kiosks')).json().kiosks;
    expect(revoked.find((k: { id: string }) => k.id === device.id).revoked).toBe(true);
    await expectStatus(v.as(v.admin, 'PUT', '/api/visitors/settings', settings), 200);
    await expectStatus(v.kiosk(guest()), 201);
    const [record] = await audit('action=visitors.settings.update&limit=1');
    expect(record).toMatchObject({ before: { requireKioskDevice: true }, after: { requireKioskDevice: false } });
    const invalid = await v.as(v.admin, 'PUT', '/api/visitors/settings', { ...settings, retentionDays: 0 });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().errors[0].path).toBe('body.retentionDays');
  });

  it('reports visits per day, host and company, as JSON and as CSV', async () => {
    await v.admit(125, { company: 'Report Test AB', hostId: v.hostId });
    const from = localDate(-10);
    const to = localDate();
    const byDay = (await v.as(v.admin, 'GET', `/api/visitors/reports?by=day&from=${from}&to=${to}`)).json();
    expect(byDay.by).toBe('day');
    expect(byDay.rows.map((r: { key: string }) => r.key)).toEqual(
      [...byDay.rows.map((r: { key: string }) => r.key)].sort(),
    );
    expect(byDay.rows.at(-1)).toMatchObject({ key: to });
    const byCompany = (await v.as(v.admin, 'GET', `/api/visitors/reports?by=company&from=${from}&to=${to}`)).json();
    expect(byCompany.rows).toContainEqual({ key: 'Report Test AB', visits: 1, guests: 1 });
    const nordic = byCompany.rows.find((r: { key: string }) => r.key === 'Nordic Medtech AB');
    expect(nordic.visits).toBeGreaterThan(nordic.guests);
    const byHost = (await v.as(v.admin, 'GET', `/api/visitors/reports?by=host&from=${from}&to=${to}`)).json();
    expect(byHost.rows.find((r: { key: string }) => r.key === 'Märta Sjöberg').visits).toBeGreaterThan(1);

    const csv = await expectStatus(
      v.as(v.admin, 'GET', `/api/visitors/reports?by=company&from=${from}&to=${to}&format=csv`),
      200,
    );
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toBe(`attachment; filename="visits-by-company-${from}-${to}.csv"`);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('company;visits;guests');
    expect(lines).toContain('Report Test AB;1;1');
    const backwards = await v.as(v.admin, 'GET', `/api/visitors/reports?by=day&from=${to}&to=${from}`);
    expect(backwards.statusCode).toBe(422);
    expect((await v.as(v.reception, 'GET', `/api/visitors/reports?from=${from}&to=${to}`)).statusCode).toBe(403);
  });

  it('invites a guest with a QR code that fills in the kiosk and links the entry', async () => {
    const created = await expectStatus(
      v.as(inviter, 'POST', '/api/visitors/invitations', {
        firstName: 'Ingrid',
        lastName: 'Bergman',
        company: 'Svensk Filmindustri <b>',
        purpose: 'Interview',
        hostId: v.hostId,
        expectedOn: localDate(),
        guestEmail: 'ingrid@example.org',
      }),
      201,
    );
    const invitation = created.json();
    expect(invitation).toMatchObject({ hostName: 'Märta Sjöberg', usedAt: null, expectedOn: localDate() });
    const token = new URL(invitation.kioskUrl).searchParams.get('invitation') as string;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new URL(invitation.kioskUrl).pathname).toBe('/kiosk');
    expect(invitation.qrSvg).toMatch(/<svg[^>]*>/);
    const hashed = await sql<{ token_hash: string }>`select token_hash from visitors.invitations`.execute(
      v.node.platform.db,
    );
    expect(JSON.stringify(hashed.rows)).not.toContain(token);

    // The guest's e-mail carries the QR code as an inline PNG, the guest's text escaped.
    const mail = await v.smtp.waitFor((m) => m.envelope.to.includes('ingrid@example.org'));
    expect(mail.parsed.text).toContain(invitation.kioskUrl);
    const [png] = mail.parsed.attachments;
    expect(png).toMatchObject({ contentType: 'image/png', cid: 'invitation-qr@kontor' });
    // mailparser inlines what a cid: reference names as a data: URL.
    expect(mail.parsed.html).toContain('<img src="data:image/png;base64,');

    const read = await expectStatus(
      v.node.app.inject({ url: `/api/visitors/kiosk/invitations/${token}`, remoteAddress: freshAddress() }),
      200,
    );
    expect(read.json()).toEqual({
      firstName: 'Ingrid',
      lastName: 'Bergman',
      company: 'Svensk Filmindustri <b>',
      purpose: 'Interview',
      host: { id: v.hostId, name: 'Märta Sjöberg', unit: expect.any(String) },
      expectedOn: localDate(),
    });
    const submitted = await expectStatus(
      v.kiosk(guest({ firstName: 'Ingrid', lastName: 'Bergman', invitation: token })),
      201,
    );
    expect(await entry(submitted.json().id)).toMatchObject({ invited: true, hostName: 'Märta Sjöberg' });
    // Used: the kiosk can neither read it nor use it again.
    expect(
      (await v.node.app.inject({ url: `/api/visitors/kiosk/invitations/${token}`, remoteAddress: freshAddress() }))
        .statusCode,
    ).toBe(404);
    const reused = await v.kiosk(guest({ invitation: token }));
    expect(reused.statusCode).toBe(422);
    expect(reused.json()).toMatchObject({ code: 'visitors.invitation_invalid', errors: [{ path: 'body.invitation' }] });

    // A host lists their own; reception lists all; lists never carry the link again.
    const own = (await v.as(inviter, 'GET', '/api/visitors/invitations')).json().invitations;
    expect(own).toEqual([expect.objectContaining({ id: invitation.id, kioskUrl: null, qrSvg: null })]);
    expect(own[0].usedAt).not.toBeNull();
    const other = await v.node.userWith(['visitors.invite']);
    expect((await v.as(other, 'GET', '/api/visitors/invitations')).json().invitations).toEqual([]);
    expect((await v.as(other, 'DELETE', `/api/visitors/invitations/${invitation.id}`)).statusCode).toBe(404);
    const all = (await v.as(v.reception, 'GET', '/api/visitors/invitations')).json().invitations;
    expect(all.map((i: { id: string }) => i.id)).toContain(invitation.id);
  });

  it('honours an invitation only on its day and refuses a past day', async () => {
    const tomorrow = await expectStatus(
      v.as(inviter, 'POST', '/api/visitors/invitations', {
        firstName: 'Tove',
        lastName: 'Jansson',
        expectedOn: localDate(1),
      }),
      201,
    );
    const token = new URL(tomorrow.json().kioskUrl).searchParams.get('invitation');
    expect(
      (await v.node.app.inject({ url: `/api/visitors/kiosk/invitations/${token}`, remoteAddress: freshAddress() }))
        .statusCode,
    ).toBe(404);
    expect((await v.kiosk(guest({ invitation: token }))).statusCode).toBe(422);
    const past = await v.as(inviter, 'POST', '/api/visitors/invitations', {
      firstName: 'Tove',
      lastName: 'Jansson',
      expectedOn: localDate(-1),
    });
    expect(past.statusCode).toBe(422);
    expect(past.json().errors[0].path).toBe('body.expectedOn');
    const unknownHost = await v.as(inviter, 'POST', '/api/visitors/invitations', {
      firstName: 'Tove',
      lastName: 'Jansson',
      expectedOn: localDate(),
      hostId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknownHost.json().code).toBe('visitors.unknown_host');
    await expectStatus(v.as(inviter, 'DELETE', `/api/visitors/invitations/${tomorrow.json().id}`), 204);
  });

  it('anonymises closed visits past the retention period and deletes spent invitations, auditing the counts', async () => {
    const db = v.node.platform.db;
    const old = await v.admit(126, { firstName: 'Gammal', lastName: 'Besökare', company: 'Kvar AB', hostId: v.hostId });
    await expectStatus(
      v.as(v.reception, 'POST', `/api/visitors/entries/${old}/release`, { notes: 'Privat anteckning' }),
      200,
    );
    const recent = await v.admit(127, { firstName: 'Ny', lastName: 'Besökare' });
    await expectStatus(v.as(v.reception, 'POST', `/api/visitors/entries/${recent}/release`, {}), 200);
    const stillIn = await v.admit(128, { firstName: 'Inne', lastName: 'Fortfarande' });
    await sql`update visitors.entries set submitted_at = now() - interval '40 days', card_given_at = now() - interval '40 days',
      exited_at = now() - interval '40 days' where id = ${old}`.execute(db);
    await sql`insert into visitors.invitations (id, token_hash, first_name, last_name, expected_on, created_by_name)
      values (gen_random_uuid(), 'old-hash', 'Förra', 'Veckan', current_date - 7, 'test')`.execute(db);

    expect(await v.node.platform.jobs.runNow('visitors.retention')).toBe('ran');
    expect(await entry(old)).toMatchObject({
      firstName: '',
      lastName: '',
      notes: '',
      purpose: '',
      company: 'Kvar AB',
      hostName: 'Märta Sjöberg',
      anonymised: true,
      state: 'closed',
    });
    expect(await entry(recent)).toMatchObject({ firstName: 'Ny', anonymised: false });
    expect(await entry(stillIn)).toMatchObject({ firstName: 'Inne', anonymised: false });
    const left = await sql`select 1 from visitors.invitations where token_hash = 'old-hash'`.execute(db);
    expect(left.rows).toEqual([]);
    const [record] = await audit('action=visitors.retention');
    expect(record.after).toMatchObject({ anonymisedVisits: 1, deletedInvitations: 1, retentionDays: 30 });
    expect(JSON.stringify(record)).not.toMatch(/Gammal|Besökare|Förra/);
    // Found by what remains, not by what is gone.
    const search = async (q: string) =>
      (await v.as(v.reception, 'GET', `/api/visitors/entries?q=${encodeURIComponent(q)}`))
        .json()
        .entries.map((e: Entry) => e.id);
    expect(await search('kvar')).toContain(old);
    expect(await search('gammal')).not.toContain(old);
    // Nothing more to do: no second record.
    expect(await v.node.platform.jobs.runNow('visitors.retention')).toBe('ran');
    expect(await audit('action=visitors.retention')).toHaveLength(1);
    const notes = await v.as(v.reception, 'PATCH', `/api/visitors/entries/${old}`, { notes: 'again' });
    expect(notes.json().code).toBe('visitors.anonymised');
  });
});
