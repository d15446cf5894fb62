import type { DirectoryEntry, UnitDetail, UnitSummary } from '@kontor/contracts';
import ExcelJS from 'exceljs';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachStore } from './stores.js';
import { expectStatus, type Session, startTestNode, type TestNode } from './test-node.js';

describeEachStore('directory', (store) => {
  let node: TestNode;
  let release: () => Promise<void>;
  let reader: Session & { id: string };
  let units: UnitSummary[];

  beforeAll(async () => {
    const created = await store.create();
    release = created.release;
    node = await startTestNode(created.location);
    reader = await node.userWith(['directory.read']);
    units = (await node.app.inject({ url: '/api/directory/units', headers: reader.headers })).json();
  });
  afterAll(async () => {
    await node.close();
    await release();
  });

  const inject = (options: InjectOptions) => node.app.inject(options);
  const unitNamed = (name: string) => {
    const unit = units.find((candidate) => candidate.name === name);
    if (!unit) throw new Error(`no demo unit ${name}`);
    return unit;
  };
  const search = async (q: string, session: Session = reader): Promise<DirectoryEntry[]> =>
    (await expectStatus(inject({ url: '/api/directory/search', query: { q }, headers: session.headers }), 200)).json()
      .results;
  const write = (method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    inject({ method, url, payload, headers: node.admin.headers });

  it('holds the demo region as a tree in Swedish order', () => {
    const root = units.filter((unit) => unit.parentId === null);
    expect(root.map((unit) => unit.name)).toEqual(['Region Örebro län']);
    const hospitals = units.filter((unit) => unit.kind === 'hospital').map((unit) => unit.name);
    expect(hospitals).toEqual(['Karlskoga lasarett', 'Lindesbergs lasarett', 'Universitetssjukhuset Örebro']);
    const collator = new Intl.Collator('sv');
    expect(units.map((unit) => unit.name)).toEqual(units.map((unit) => unit.name).sort(collator.compare));
    expect(units.length).toBeGreaterThan(25);
  });

  it('finds people without diacritics and with a typo, best match first', async () => {
    const [first] = await search('goran akeson');
    expect(first).toMatchObject({ kind: 'person', title: 'Göran Åkesson' });
    expect(first?.subtitle).toContain('Intensivvårdsavdelningen');
    expect(first?.contacts[0]?.kind).toBe('phone');
    expect((await search('MÄRTA sjöberg'))[0]?.title).toBe('Märta Sjöberg');
    expect((await search('lindkvist åsa'))[0]?.title).toBe('Åsa Lindqvist');
  });

  it('finds units, functions by their unit, and contact points by any part of the number', async () => {
    expect((await search('iva'))[0]).toMatchObject({ kind: 'unit', title: 'Intensivvårdsavdelningen (IVA)' });
    const onCall = await search('jourhavande akutmottagningen');
    expect(onCall[0]).toMatchObject({ kind: 'function', title: 'Jourhavande läkare' });
    expect(onCall[0]?.subtitle).toContain('Märta Sjöberg');

    const iva = unitNamed('Intensivvårdsavdelningen (IVA)');
    const detail: UnitDetail = (
      await inject({ url: `/api/directory/units/${iva.id}`, headers: reader.headers })
    ).json();
    const number = detail.contacts.find((contact) => contact.kind === 'phone')?.value ?? '';
    for (const typed of [number, number.replace(/\D/g, ''), number.slice(-5)]) {
      const found = await search(typed);
      expect(
        found.map((entry) => entry.id),
        typed,
      ).toContain(iva.id);
    }
    expect(await search('zzzqqq')).toEqual([]);
  });

  it('shows a unit with contacts by priority and published notices newest first', async () => {
    const akuten = unitNamed('Akutmottagningen');
    const detail: UnitDetail = (
      await expectStatus(inject({ url: `/api/directory/units/${akuten.id}`, headers: reader.headers }), 200)
    ).json();
    expect(detail.path.map((unit) => unit.name)).toEqual(['Region Örebro län', 'Universitetssjukhuset Örebro']);
    const priorities = detail.contacts.map((contact) => contact.priority);
    expect(priorities).toEqual([...priorities].sort((a, b) => a - b));
    expect(detail.contacts.map((contact) => contact.kind)).toEqual(['phone', 'radio', 'fallback']);
    expect(detail.people.length).toBeGreaterThan(10);
    expect(detail.functions.find((fn) => fn.name === 'Jourhavande läkare')?.holder?.name).toBe('Märta Sjöberg');
    const dates = detail.notices.map((notice) => notice.publishAt);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(detail.notices.every((notice) => !notice.unpublished)).toBe(true);

    const asEditor: UnitDetail = (
      await inject({ url: `/api/directory/units/${akuten.id}`, headers: node.admin.headers })
    ).json();
    expect(asEditor.notices.some((notice) => notice.unpublished)).toBe(true);
  });

  it('shows a person with the functions they hold', async () => {
    const [marta] = await search('Märta Sjöberg');
    const person = (await inject({ url: `/api/directory/people/${marta?.id}`, headers: reader.headers })).json();
    expect(person).toMatchObject({ givenName: 'Märta', familyName: 'Sjöberg', title: 'Överläkare' });
    expect(person.path.at(-1).name).toBe('Akutmottagningen');
    expect(person.functions.map((fn: { name: string }) => fn.name)).toEqual(['Jourhavande läkare']);
    expect(person.contacts.map((contact: { kind: string }) => contact.kind)).toEqual(['phone', 'mobile', 'email']);
    expect(
      (await inject({ url: `/api/directory/people/${crypto.randomUUID()}`, headers: reader.headers })).statusCode,
    ).toBe(404);
  });

  it('keeps favourites per user', async () => {
    const iva = unitNamed('Intensivvårdsavdelningen (IVA)');
    const [goran] = await search('Göran Åkesson');
    const favourites = (session: Session) =>
      inject({ url: '/api/directory/favourites', headers: session.headers }).then((r) => r.json() as DirectoryEntry[]);
    const add = (kind: string, id: string) =>
      inject({ method: 'POST', url: '/api/directory/favourites', payload: { kind, id }, headers: reader.headers });
    await expectStatus(add('unit', iva.id), 204);
    await expectStatus(add('person', goran?.id ?? ''), 204);
    await expectStatus(add('unit', iva.id), 204);
    expect((await favourites(reader)).map((entry) => entry.title)).toEqual([
      'Intensivvårdsavdelningen (IVA)',
      'Göran Åkesson',
    ]);
    expect(await favourites(node.admin)).toEqual([]);
    const wrongKind = await add('person', iva.id);
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json().errors[0].path).toBe('body.id');
    await expectStatus(
      inject({ method: 'DELETE', url: `/api/directory/favourites/${iva.id}`, headers: reader.headers }),
      204,
    );
    expect((await favourites(reader)).map((entry) => entry.title)).toEqual(['Göran Åkesson']);
  });

  it('lets an editor create, change and delete records, each change audited', async () => {
    const region = unitNamed('Region Örebro län');
    const unit = (
      await expectStatus(
        write('POST', '/api/directory/units', { parentId: region.id, kind: 'unit', name: 'Krisledning Öst' }),
        201,
      )
    ).json();
    const person = (
      await expectStatus(
        write('POST', '/api/directory/people', {
          unitId: unit.id,
          givenName: 'Östen',
          familyName: 'Ärlig',
          title: 'Samordnare',
        }),
        201,
      )
    ).json();
    await expectStatus(
      write('POST', '/api/directory/contacts', {
        personId: person.id,
        kind: 'phone',
        value: '0980-319 299',
        priority: 1,
      }),
      201,
    );
    const fn = (
      await expectStatus(
        write('POST', '/api/directory/functions', { unitId: unit.id, name: 'Krisledare', holderId: person.id }),
        201,
      )
    ).json();
    await expectStatus(
      write('POST', '/api/directory/notices', {
        unitId: unit.id,
        kind: 'instruction',
        title: 'Vid strömavbrott',
        body: 'Gå till reservkraftrummet.',
        publishAt: new Date(Date.now() - 60_000).toISOString(),
      }),
      201,
    );
    expect((await search('osten arlig'))[0]?.title).toBe('Östen Ärlig');
    expect((await search('0980319299')).map((entry) => entry.id)).toContain(person.id);

    await expectStatus(
      write('PUT', `/api/directory/people/${person.id}`, {
        unitId: unit.id,
        givenName: 'Östen',
        familyName: 'Ärligsson',
        title: '',
      }),
      200,
    );
    expect((await search('arligsson'))[0]?.title).toBe('Östen Ärligsson');

    const notEmpty = await write('DELETE', `/api/directory/units/${unit.id}`);
    expect(notEmpty.statusCode).toBe(409);
    expect(notEmpty.json().code).toBe('directory.unit_not_empty');
    await expectStatus(write('DELETE', `/api/directory/functions/${fn.id}`), 204);
    await expectStatus(write('DELETE', `/api/directory/people/${person.id}`), 204);
    await expectStatus(write('DELETE', `/api/directory/units/${unit.id}`), 204);
    expect(await search('arligsson')).toEqual([]);

    const audit = (await inject({ url: '/api/admin/audit?limit=20', headers: node.admin.headers })).json();
    const actions = audit.entries.map((entry: { action: string }) => entry.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'directory.unit.create',
        'directory.person.create',
        'directory.contact.create',
        'directory.function.create',
        'directory.notice.create',
        'directory.person.update',
        'directory.function.delete',
        'directory.person.delete',
        'directory.unit.delete',
      ]),
    );
    const update = audit.entries.find((entry: { action: string }) => entry.action === 'directory.person.update');
    expect(update.before.familyName).toBe('Ärlig');
    expect(update.after.familyName).toBe('Ärligsson');
  });

  it('refuses bad input with a problem naming the field, and writes nothing', async () => {
    const region = unitNamed('Region Örebro län');
    const blank = await write('POST', '/api/directory/units', { parentId: region.id, kind: 'unit', name: '  ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.headers['content-type']).toContain('application/problem+json');
    expect(blank.json().errors[0].path).toBe('body.name');

    const badKind = await write('POST', '/api/directory/contacts', { unitId: region.id, kind: 'fax', value: '1' });
    expect(badKind.json().errors.map((error: { path: string }) => error.path)).toContain('body.kind');

    const twoOwners = await write('POST', '/api/directory/contacts', {
      unitId: region.id,
      personId: region.id,
      kind: 'phone',
      value: '0980-319 298',
    });
    expect(twoOwners.statusCode).toBe(400);
    expect(twoOwners.json().errors[0].path).toBe('body.unitId');

    const ghost = crypto.randomUUID();
    const unknownOwner = await write('POST', '/api/directory/contacts', {
      personId: ghost,
      kind: 'phone',
      value: '0980-319 298',
    });
    expect(unknownOwner.statusCode).toBe(400);
    expect(unknownOwner.json()).toMatchObject({
      code: 'directory.invalid_reference',
      errors: [{ path: 'body.personId' }],
    });
    expect(await search('0980319298')).toEqual([]);

    const hospital = unitNamed('Universitetssjukhuset Örebro');
    const iva = unitNamed('Intensivvårdsavdelningen (IVA)');
    const cycle = await write('PUT', `/api/directory/units/${hospital.id}`, {
      parentId: iva.id,
      kind: 'hospital',
      name: 'Universitetssjukhuset Örebro',
    });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().errors[0].path).toBe('body.parentId');

    const badDate = await write('POST', '/api/directory/notices', {
      unitId: iva.id,
      kind: 'bulletin',
      title: 'x',
      body: 'y',
      publishAt: 'tomorrow',
    });
    expect(badDate.json().errors[0].path).toBe('body.publishAt');
    const missing = await write('PUT', `/api/directory/people/${ghost}`, {
      unitId: iva.id,
      givenName: 'A',
      familyName: 'B',
    });
    expect(missing.statusCode).toBe(404);
  });

  it('exports the directory as CSV and Excel, a row per contact point', async () => {
    const csv = await expectStatus(inject({ url: '/api/directory/export?format=csv', headers: reader.headers }), 200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="directory-\d{4}-\d{2}-\d{2}\.csv"/);
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = csv.body.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('kind;unit;name;title;holder;contact_kind;contact_label;contact_value;priority');
    const goran = lines.filter((line) => line.startsWith('person;') && line.includes(';Göran Åkesson;'));
    expect(goran.map((line) => line.split(';')[5])).toEqual(['phone', 'mobile', 'email']);
    expect(goran[0]).toContain(
      'person;Region Örebro län / Universitetssjukhuset Örebro / Intensivvårdsavdelningen (IVA);',
    );
    // A value a spreadsheet would run as a formula is neutralised.
    expect(lines.some((line) => line.includes(";'+881 6"))).toBe(true);

    const xlsx = await expectStatus(inject({ url: '/api/directory/export?format=xlsx', headers: reader.headers }), 200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.rowCount).toBe(lines.length);
    expect(sheet?.getRow(2).getCell(3).value).toBe('Region Örebro län');
    const bad = await inject({ url: '/api/directory/export?format=pdf', headers: reader.headers });
    expect(bad.json().errors[0].path).toBe('querystring.format');
  });

  it('lets readers read but not write', async () => {
    const response = await inject({
      method: 'POST',
      url: '/api/directory/units',
      payload: { parentId: null, kind: 'region', name: 'Ny region' },
      headers: reader.headers,
    });
    expect(response.statusCode).toBe(403);
    const nobody = await node.userWith([]);
    expect((await inject({ url: '/api/directory/search?q=iva', headers: nobody.headers })).statusCode).toBe(403);
  });

  it('sorts å, ä and ö after z, and v apart from w, on every store', async () => {
    const parent = (
      await write('POST', '/api/directory/units', { parentId: null, kind: 'region', name: 'Sorteringstest' })
    ).json();
    const names = [
      'Öst',
      'Zeta',
      'Ängen',
      'Åby',
      'Ahl',
      'Wallin',
      'Vallin',
      'Über',
      'Éden',
      'Edén',
      'Yngve',
      'Ann-Marie',
      'Ann Berg',
    ];
    for (const name of names)
      await expectStatus(write('POST', '/api/directory/units', { parentId: parent.id, kind: 'unit', name }), 201);
    const detail: UnitDetail = (
      await inject({ url: `/api/directory/units/${parent.id}`, headers: reader.headers })
    ).json();
    expect(detail.children.map((child) => child.name.normalize('NFC'))).toEqual([
      'Ahl',
      'Ann Berg',
      'Ann-Marie',
      'Éden',
      'Edén',
      'Vallin',
      'Wallin',
      'Über',
      'Yngve',
      'Zeta',
      'Åby',
      'Ängen',
      'Öst',
    ]);
  });
});
