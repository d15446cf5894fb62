import type { Entry } from '@kontor/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachStore } from './stores.js';
import { expectStatus } from './test-node.js';
import { freshAddress, guest, openLiveSocket, startVisitorsNode, type VisitorsNode } from './visitors-fixtures.js';

describeEachStore('visitors: kiosk and reception', (store) => {
  let v: VisitorsNode;
  let release: () => Promise<void>;
  let baseUrl: string;

  beforeAll(async () => {
    const created = await store.create();
    release = created.release;
    v = await startVisitorsNode(created.location, { kioskRateLimitPerMinute: 5 });
    baseUrl = await v.node.app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await v?.close();
    await release?.();
  });

  const entry = async (id: string): Promise<Entry> =>
    (await expectStatus(v.as(v.reception, 'GET', `/api/visitors/entries/${id}`), 200)).json();
  const card = async (number: number) =>
    (await v.as(v.reception, 'GET', '/api/visitors/cards'))
      .json()
      .cards.find((c: { number: number }) => c.number === number);
  const presence = async () =>
    (await v.as(v.reception, 'GET', '/api/visitors/evacuation')).json().people as Array<{
      entryId: string;
      card: number;
    }>;
  const count = async (table: string) =>
    (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(v.node.platform.db)).rows[0]
      ?.n;

  it('takes a guest at the kiosk, hands them card 101, notifies the host, and releases them', async () => {
    const live = await openLiveSocket(baseUrl, v.reception.cookie, ['visitors']);
    const submitted = await expectStatus(v.kiosk(guest({ hostId: v.hostId, locale: 'sv' })), 201);
    const receipt = submitted.json();
    // The kiosk learns that the entry waits, and nothing else.
    expect(Object.keys(receipt).sort()).toEqual(['id', 'state', 'submittedAt']);
    expect(receipt.state).toBe('waiting');
    const waiting = await live.next((m) => m.type === 'event' && m.payload?.entryId === receipt.id);
    expect(waiting.payload).toEqual({ entryId: receipt.id, state: 'waiting' });

    const list = (await v.as(v.reception, 'GET', '/api/visitors/entries?state=waiting')).json();
    expect(list.entries.map((e: Entry) => e.id)).toEqual([receipt.id]);
    expect(list.entries[0]).toMatchObject({ firstName: 'Greta', hostName: 'Märta Sjöberg', card: null, locale: 'sv' });
    const before = (await v.as(v.reception, 'GET', '/api/visitors/overview')).json();

    const admitted = await expectStatus(
      v.as(v.reception, 'POST', `/api/visitors/entries/${receipt.id}/card`, { card: 101 }),
      200,
    );
    expect(admitted.json()).toMatchObject({ state: 'active', card: 101, cardType: 'regular' });
    expect(admitted.json().cardGivenAt).not.toBeNull();
    const active = await live.next((m) => m.payload?.entryId === receipt.id && m.payload?.state === 'active');
    expect(Object.keys(active.payload ?? {}).sort()).toEqual(['entryId', 'state']);
    expect(await presence()).toContainEqual(expect.objectContaining({ entryId: receipt.id, card: 101 }));
    expect(await card(101)).toMatchObject({ holderEntryId: receipt.id, type: 'regular' });
    const after = (await v.as(v.reception, 'GET', '/api/visitors/overview')).json();
    const regular = (o: { inBuilding: Array<{ type: string; count: number }> }) =>
      o.inBuilding.find((row) => row.type === 'regular')?.count ?? 0;
    expect(regular(after)).toBe(regular(before) + 1);
    expect(after.timeline.reduce((sum: number, h: { arrivals: number }) => sum + h.arrivals, 0)).toBeGreaterThan(0);

    // The host hears of it by e-mail, with what the guest typed escaped in the HTML.
    const mail = await v.smtp.waitFor((m) => m.envelope.to.includes('marta.sjoberg@regionorebrolan.example'));
    // In the receptionist's language (here the request's: English), as the host's own is not known.
    expect(mail.parsed.subject).toBe('Your guest has arrived: Greta Lindgren');
    expect(mail.parsed.text).toContain('card 101');

    const released = await expectStatus(
      v.as(v.reception, 'POST', `/api/visitors/entries/${receipt.id}/release`, { notes: 'Lämnade kortet' }),
      200,
    );
    expect(released.json()).toMatchObject({ state: 'closed', notes: 'Lämnade kortet', card: 101 });
    expect(released.json().exitedAt).not.toBeNull();
    await live.next((m) => m.payload?.entryId === receipt.id && m.payload?.state === 'closed');
    expect(await card(101)).toMatchObject({ holderEntryId: null });
    expect((await presence()).map((p) => p.entryId)).not.toContain(receipt.id);
    const free = (await v.as(v.reception, 'GET', '/api/visitors/cards?free=true&type=regular')).json().cards;
    expect(free.map((c: { number: number }) => c.number)).toContain(101);

    // Releasing it again changes nothing.
    const again = await v.as(v.reception, 'POST', `/api/visitors/entries/${receipt.id}/release`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('visitors.entry_not_active');
    expect((await entry(receipt.id)).exitedAt).toBe(released.json().exitedAt);
    live.socket.close();
  });

  it('escapes guest text in the host’s HTML mail', async () => {
    const id = await v.submit({ hostId: v.hostId, company: '<img src=x onerror=alert(1)>' });
    await expectStatus(v.as(v.reception, 'POST', `/api/visitors/entries/${id}/card`, { card: 110 }), 200);
    const mail = await v.smtp.waitFor((m) =>
      Boolean(m.parsed.text?.includes('kort 110') || m.parsed.text?.includes('card 110')),
    );
    expect(mail.parsed.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(mail.parsed.html).not.toContain('<img src=x');
    // JSON carries it as data: nothing is escaped on the way out.
    expect((await entry(id)).company).toBe('<img src=x onerror=alert(1)>');
    await expectStatus(v.as(v.reception, 'POST', `/api/visitors/entries/${id}/release`, {}), 200);
  });

  it('rejects a waiting guest: the row is gone and the audit record names no one', async () => {
    const id = await v.submit({ firstName: 'Zbigniew', lastName: 'Odrzucony' });
    await expectStatus(
      v.as(v.reception, 'POST', `/api/visitors/entries/${id}/reject`, { reason: 'No appointment' }),
      204,
    );
    expect((await v.as(v.reception, 'GET', `/api/visitors/entries/${id}`)).statusCode).toBe(404);
    const stored = await sql`select 1 from visitors.entries where id = ${id}`.execute(v.node.platform.db);
    expect(stored.rows).toEqual([]);
    const audit = (
      await v.node.app.inject({
        url: `/api/admin/audit?entity=visitors.entry&entityId=${id}`,
        headers: v.node.admin.headers,
      })
    ).json().entries;
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'visitors.entry.reject', after: { reason: 'No appointment' } });
    expect(JSON.stringify(audit)).not.toMatch(/Zbigniew|Odrzucony|Medtech/);
    // Only a waiting guest can be rejected.
    const active = await v.admit(111);
    const refused = await v.as(v.reception, 'POST', `/api/visitors/entries/${active}/reject`, {});
    expect(refused.statusCode).toBe(409);
    await expectStatus(v.as(v.reception, 'POST', `/api/visitors/entries/${active}/release`, {}), 200);
  });

  it('refuses cards that are taken, lost, outside every type or unknown, and changes nothing', async () => {
    await v.admit(112);
    const waiting = await v.submit();
    const assign = (number: number) =>
      v.as(v.reception, 'POST', `/api/visitors/entries/${waiting}/card`, { card: number });

    const taken = await assign(112);
    expect(taken.statusCode).toBe(409);
    expect(taken.headers['content-type']).toContain('application/problem+json');
    expect(taken.json()).toMatchObject({ code: 'visitors.card_taken', detail: 'Card 112 is already given to a guest' });

    await expectStatus(
      v.as(v.admin, 'PATCH', '/api/visitors/cards/113', { status: 'lost', note: 'Left in a taxi' }),
      200,
    );
    expect((await assign(113)).json().code).toBe('visitors.card_unavailable');

    // Card 150 lies in the regular range but is not in the demo pool; 450 lies outside every range.
    const unknown = await assign(150);
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({ code: 'visitors.unknown_card', errors: [{ path: 'body.card' }] });
    await sql`insert into visitors.cards (number) values (450)`.execute(v.node.platform.db);
    const outside = await assign(450);
    expect(outside.statusCode).toBe(422);
    expect(outside.json().code).toBe('visitors.card_outside_types');
    expect((await assign(1000)).statusCode).toBe(400);

    expect(await entry(waiting)).toMatchObject({ state: 'waiting', card: null });
    await expectStatus(v.as(v.admin, 'PATCH', '/api/visitors/cards/113', { status: 'available', note: '' }), 200);
    // An entry that has a card already gets no second one.
    await expectStatus(assign(113), 200);
    const second = await assign(114);
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('visitors.entry_not_waiting');
  });

  it('lets exactly one of two receptionists hand out one card at once', async () => {
    const [first, second] = [await v.submit(), await v.submit()];
    const other = await v.node.userWith(['visitors.reception']);
    const answers = await Promise.all([
      v.as(v.reception, 'POST', `/api/visitors/entries/${first}/card`, { card: 120 }),
      v.as(other, 'POST', `/api/visitors/entries/${second}/card`, { card: 120 }),
    ]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 409]);
    const loser = answers.find((answer) => answer.statusCode === 409);
    expect(loser?.json().code).toBe('visitors.card_taken');
    const holders = await sql<{ n: number }>`
      select count(*)::int as n from visitors.entries where card = 120 and state = 'active'`.execute(
      v.node.platform.db,
    );
    expect(holders.rows[0]?.n).toBe(1);
    const states = [(await entry(first)).state, (await entry(second)).state].sort();
    expect(states).toEqual(['active', 'waiting']);
  });

  it('answers the loser of a race the service’s own check cannot see with 409 card_taken', async () => {
    const [a, b] = [await v.submit(), await v.submit()];
    // Another transaction hands card 129 to A and has not committed when B's request checks the card.
    const other = await v.node.platform.db.startTransaction().execute();
    await sql`update visitors.entries set state = 'active', card = 129, card_given_at = now() where id = ${a}`.execute(
      other,
    );
    let answered = false;
    const pending = v.as(v.reception, 'POST', `/api/visitors/entries/${b}/card`, { card: 129 }).then((answer) => {
      answered = true;
      return answer;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    // PostgreSQL: B's update waits on the unique index for A's transaction. PGlite: B waits for the one connection.
    expect(answered).toBe(false);
    await other.commit().execute();
    const answer = await pending;
    expect(answer.statusCode).toBe(409);
    expect(answer.json()).toMatchObject({
      code: 'visitors.card_taken',
      detail: 'Card 129 is already given to a guest',
    });
    expect(await entry(b)).toMatchObject({ state: 'waiting', card: null });
    const presenceRows = await sql`select 1 from visitors.presence where entry_id = ${b}`.execute(v.node.platform.db);
    expect(presenceRows.rows).toEqual([]);
    await sql`update visitors.entries set state = 'closed', exited_at = now() where id = ${a}`.execute(
      v.node.platform.db,
    );
  });

  it('lets the database itself refuse a second active holder', async () => {
    const [a, b] = [await v.submit(), await v.submit()];
    const db = v.node.platform.db;
    await sql`update visitors.entries set state = 'active', card = 121, card_given_at = now() where id = ${a}`.execute(
      db,
    );
    await expect(
      sql`update visitors.entries set state = 'active', card = 121, card_given_at = now() where id = ${b}`.execute(db),
    ).rejects.toMatchObject({ code: '23505' });
    await expectStatus(v.as(v.reception, 'POST', `/api/visitors/entries/${a}/release`, {}), 200);
  });

  it('works the barcode scanner as VIGO-Guests did', async () => {
    const waiting = (await v.as(v.reception, 'GET', '/api/visitors/entries?state=waiting')).json().entries as Entry[];
    for (const e of waiting)
      await expectStatus(v.as(v.reception, 'POST', `/api/visitors/entries/${e.id}/reject`, {}), 204);
    const scan = (code: string) => v.as(v.reception, 'POST', '/api/visitors/scan', { code });

    const none = await scan('000122');
    expect(none.statusCode).toBe(409);
    expect(none.json().code).toBe('visitors.no_waiting_guest');

    const earlier = await v.submit({ firstName: 'First' });
    await v.submit({ firstName: 'Second' });
    const assigned = await expectStatus(scan('000122'), 200);
    expect(assigned.json()).toMatchObject({ action: 'assigned', card: 122, entry: { id: earlier, state: 'active' } });
    // The scanner read the card twice: the second read does not take the card straight back.
    const repeated = await scan('000122');
    expect(repeated.statusCode).toBe(409);
    expect(repeated.json().code).toBe('visitors.scan_repeated');
    const db = v.node.platform.db;
    await sql`update visitors.entries set card_given_at = now() - interval '5 seconds' where id = ${earlier}`.execute(
      db,
    );
    const released = await expectStatus(scan('000122'), 200);
    expect(released.json()).toMatchObject({ action: 'released', card: 122, entry: { id: earlier, state: 'closed' } });
    // Nor does a second read of a card just given back hand it to the next guest.
    expect((await scan('000122')).json().code).toBe('visitors.scan_repeated');
    await sql`update visitors.entries set exited_at = now() - interval '5 seconds' where id = ${earlier}`.execute(db);

    for (const garbage of ['', '122', '0001222', 'abcdef', '100122', '000 12', "000'; drop"]) {
      const answer = await scan(garbage);
      expect(answer.statusCode, garbage).toBe(400);
      expect(answer.json().errors[0].path).toBe('body.code');
    }
    expect((await scan('000999')).json().code).toBe('visitors.unknown_card');
    await expectStatus(v.as(v.admin, 'PATCH', '/api/visitors/cards/123', { status: 'blocked', note: '' }), 200);
    expect((await scan('000123')).json().code).toBe('visitors.card_unavailable');
    const stillWaiting = (await v.as(v.reception, 'GET', '/api/visitors/entries?state=waiting')).json().entries;
    expect(stillWaiting.map((e: Entry) => e.firstName)).toEqual(['Second']);
    const second = await expectStatus(scan('000122'), 200);
    expect(second.json()).toMatchObject({ action: 'assigned', entry: { firstName: 'Second' } });
  });

  it('validates what the kiosk sends strictly and stores nothing that fails', async () => {
    const before = await count('visitors.entries');
    const huge = 'x'.repeat(10_240);
    const cases: Array<[object, string]> = [
      [guest({ firstName: '' }), 'body.firstName'],
      [guest({ lastName: '   ' }), 'body.lastName'],
      [guest({ firstName: huge }), 'body.firstName'],
      [guest({ company: huge }), 'body.company'],
      [guest({ purpose: huge }), 'body.purpose'],
      [guest({ consent: false }), 'body.consent'],
      [guest({ hostId: 'not-a-uuid' }), 'body.hostId'],
      [guest({ role: 'admin' }), 'body.role'],
    ];
    for (const [payload, path] of cases) {
      const answer = await v.kiosk(payload);
      expect(answer.statusCode, path).toBe(400);
      expect(answer.json().code).toBe('validation_failed');
      expect(answer.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    const unknownHost = await v.kiosk(guest({ hostId: '00000000-0000-4000-8000-000000000000' }));
    expect(unknownHost.statusCode).toBe(422);
    expect(unknownHost.json()).toMatchObject({ code: 'visitors.unknown_host', errors: [{ path: 'body.hostId' }] });
    expect(await count('visitors.entries')).toBe(before);
  });

  it('rate-limits the kiosk per client address', async () => {
    const ip = freshAddress();
    for (let n = 0; n < 5; n += 1) await expectStatus(v.kiosk(guest(), { ip }), 201);
    const limited = await v.kiosk(guest(), { ip });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('rate_limited');
    expect(limited.headers['retry-after']).toBeDefined();
    await expectStatus(v.kiosk(guest(), { ip: freshAddress() }), 201);
  });

  it('tells the kiosk nothing about anyone', async () => {
    const hosts = await v.node.app.inject({
      url: '/api/visitors/kiosk/hosts?q=sjoberg',
      remoteAddress: freshAddress(),
    });
    expect(hosts.statusCode).toBe(200);
    for (const host of hosts.json().hosts) expect(Object.keys(host).sort()).toEqual(['id', 'name', 'unit']);
    // No e-mail address or phone number anywhere but in the ids, whose random hex may well hold "08-".
    const shown = hosts.json().hosts.map(({ id: _id, ...rest }: Record<string, unknown>) => rest);
    expect(JSON.stringify(shown)).not.toMatch(/@|070-|08-/);
    const settings = await v.node.app.inject({ url: '/api/visitors/kiosk/settings', remoteAddress: freshAddress() });
    expect(Object.keys(settings.json()).sort()).toEqual(['idleResetSeconds', 'privacyNotice']);
    expect(Object.keys(settings.json().privacyNotice).sort()).toEqual(['en', 'pl', 'ru', 'sv']);
    // Everything else needs a signed-in receptionist.
    for (const url of [
      '/api/visitors/entries',
      '/api/visitors/evacuation',
      '/api/visitors/cards',
      '/api/visitors/overview',
    ])
      expect((await v.node.app.inject({ url })).statusCode, url).toBe(401);
    const unknownInvitation = await v.node.app.inject({
      url: '/api/visitors/kiosk/invitations/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      remoteAddress: freshAddress(),
    });
    expect(unknownInvitation.statusCode).toBe(404);
  });

  it('documents its routes in the OpenAPI description', async () => {
    const paths = Object.keys((await v.node.app.inject({ url: '/api/docs/json' })).json().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/visitors/kiosk/entries',
        '/api/visitors/entries/{id}/card',
        '/api/visitors/scan',
        '/api/visitors/evacuation',
        '/api/visitors/reports',
        '/api/visitors/invitations',
      ]),
    );
  });

  it('searches past visits by words in any case and without diacritics', async () => {
    const id = await v.admit(124, { firstName: 'Åsa', lastName: 'Öberg', company: 'Zürich Instruments' });
    await expectStatus(v.as(v.reception, 'PATCH', `/api/visitors/entries/${id}`, { notes: 'Kvittens nr 42' }), 200);
    await expectStatus(v.as(v.reception, 'POST', `/api/visitors/entries/${id}/release`, {}), 200);
    const search = async (q: string) =>
      (await v.as(v.reception, 'GET', `/api/visitors/entries?state=closed&q=${encodeURIComponent(q)}`))
        .json()
        .entries.map((e: Entry) => e.id);
    expect(await search('asa oberg')).toContain(id);
    expect(await search('ZURICH')).toContain(id);
    expect(await search('kvittens')).toContain(id);
    expect(await search('nobody-like-this')).toEqual([]);
    const today = new Date();
    const date = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    const page = (await v.as(v.reception, 'GET', `/api/visitors/entries?from=${date}&to=${date}&limit=2`)).json();
    expect(page.entries).toHaveLength(2);
    expect(page.total).toBeGreaterThan(2);
  });
});
