import type { DirectoryEntry, ImportPreview, ImportResult, ImportSummary } from '@kontor/contracts';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachStore } from './stores.js';
import { expectStatus, type Session, startTestNode, type TestNode } from './test-node.js';

const HEADER = 'kind;unit;name;title;holder;contact_kind;contact_label;contact_value;priority';
const COLUMNS = HEADER.replaceAll(';', ',');
const IVA = 'Region Örebro län / Universitetssjukhuset Örebro / Intensivvårdsavdelningen (IVA)';
const NEW_UNIT = 'Region Örebro län / Universitetssjukhuset Örebro / Importavdelningen';
/** A file as Excel writes it in Sweden: BOM, semicolons, CRLF; two bad rows among good ones. */
const IMPORT_CSV = `\uFEFF${[
  HEADER,
  `unit;${NEW_UNIT};Importavdelningen;;;phone;Expedition;08-465 004 90;1`,
  `person;${NEW_UNIT};Ingrid Importsson;Avdelningschef;;mobile;;070-174 06 90;1`,
  `person;${NEW_UNIT};Ingrid Importsson;Avdelningschef;;email;;ingrid@regionorebrolan.example;2`,
  `person;${NEW_UNIT};Olle;;;phone;;1;1`,
  `function;${NEW_UNIT};Avdelningschef;;Ingrid Importsson;pager;;0980-319 290;1`,
  `person;${IVA};Göran Åkesson;Överläkare, importerad;;;;;`,
  `robot;${NEW_UNIT};R2-D2;;;;;;`,
].join('\r\n')}\r\n`;

describeEachStore('directory import', (store) => {
  let node: TestNode;
  let release: () => Promise<void>;
  let reader: Session;

  beforeAll(async () => {
    const created = await store.create();
    release = created.release;
    node = await startTestNode(created.location);
    reader = await node.userWith(['directory.read']);
  });
  afterAll(async () => {
    await node.close();
    await release();
  });

  const inject = (options: InjectOptions) => node.app.inject(options);
  const upload = (url: string, file: string | Buffer, query: Record<string, string> = {}, type = 'text/csv') =>
    inject({ method: 'POST', url, query, payload: file, headers: { ...node.admin.headers, 'content-type': type } });
  const preview = async (file: string | Buffer, query: Record<string, string> = {}): Promise<ImportPreview> =>
    (await expectStatus(upload('/api/directory/imports/preview', file, query), 200)).json();
  const apply = async (file: string | Buffer): Promise<ImportResult> =>
    (
      await expectStatus(upload('/api/directory/imports', file, { columns: COLUMNS, fileName: 'units.csv' }), 201)
    ).json();
  const undo = (id: string) =>
    inject({ method: 'POST', url: `/api/directory/imports/${id}/undo`, headers: node.admin.headers });
  const search = async (q: string): Promise<DirectoryEntry[]> =>
    (await expectStatus(inject({ url: '/api/directory/search', query: { q }, headers: reader.headers }), 200)).json()
      .results;
  const goranTitle = async () => (await search('göran åkesson'))[0]?.subtitle ?? '';

  it('previews an export of its own: every column maps to itself, nothing to create or change', async () => {
    for (const format of ['csv', 'xlsx'] as const) {
      const exported = await expectStatus(
        inject({ url: `/api/directory/export?format=${format}`, headers: reader.headers }),
        200,
      );
      const type = format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      const result: ImportPreview = (
        await expectStatus(upload('/api/directory/imports/preview', exported.rawPayload, {}, type), 200)
      ).json();
      expect(result.format).toBe(format);
      expect(result.mapping.join(',')).toBe(COLUMNS);
      expect(result.errors).toEqual([]);
      expect(result.rowCount).toBeGreaterThan(400);
      expect(result.created).toEqual({ units: 0, people: 0, functions: 0, contacts: 0 });
      expect(result.updated).toEqual({ units: 0, people: 0, functions: 0, contacts: 0 });
    }
  });

  it('previews a file: the errors by row and field, and what an apply would do', async () => {
    const result = await preview(IMPORT_CSV);
    expect(result.sample[0]?.row).toBe(2);
    expect(result.rowCount).toBe(7);
    expect(result.errorRows).toBe(2);
    expect(result.errors).toEqual([
      expect.objectContaining({ row: 5, field: 'name', code: 'name_needs_family', values: { value: 'Olle' } }),
      expect.objectContaining({ row: 8, field: 'kind', code: 'kind_unknown', values: { value: 'robot' } }),
    ]);
    expect(result.errors[0]?.message).toBe('A person needs a given and a family name; "Olle" is one name');
    expect(result.created).toEqual({ units: 1, people: 1, functions: 1, contacts: 4 });
    expect(result.updated).toEqual({ units: 0, people: 1, functions: 0, contacts: 0 });
    expect(await search('importsson')).toEqual([]);
  });

  it('applies the good rows as one audited change set, and an undo takes exactly that back', async () => {
    const before = await goranTitle();
    const result = await apply(IMPORT_CSV);
    expect(result).toMatchObject({ fileName: 'units.csv', rowCount: 7, skippedRows: 2, by: 'admin', undoneAt: null });
    expect(result.created).toEqual({ units: 1, people: 1, functions: 1, contacts: 4 });
    expect(result.errors.map((error) => error.row)).toEqual([5, 8]);

    const [ingrid] = await search('ingrid importsson');
    expect(ingrid).toMatchObject({ kind: 'person', subtitle: expect.stringContaining('Importavdelningen') });
    expect(ingrid?.contacts.map((contact) => contact.kind)).toEqual(['mobile', 'email']);
    expect(await goranTitle()).toContain('Överläkare, importerad');
    // Applying the same file again finds everything in place.
    expect((await preview(IMPORT_CSV)).created).toEqual({ units: 0, people: 0, functions: 0, contacts: 0 });

    const audit = (
      await inject({ url: '/api/admin/audit?action=directory.import.apply', headers: node.admin.headers })
    ).json();
    expect(audit.entries[0]).toMatchObject({ entityId: result.id, after: { fileName: 'units.csv' } });
    const listed: ImportSummary[] = (
      await inject({ url: '/api/directory/imports', headers: node.admin.headers })
    ).json();
    expect(listed[0]?.id).toBe(result.id);

    const undone: ImportSummary = (await expectStatus(undo(result.id), 200)).json();
    expect(undone).toMatchObject({ undoneBy: 'admin', undoneAt: expect.any(String) });
    expect(await search('importsson')).toEqual([]);
    expect((await search('importavdelningen')).map((entry) => entry.title)).not.toContain('Importavdelningen');
    expect(await goranTitle()).toBe(before);
    const again = await undo(result.id);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('directory.import_undone');
  });

  it('refuses to undo an import whose records were changed since, and keeps everything', async () => {
    const result = await apply(IMPORT_CSV);
    const [ingrid] = await search('ingrid importsson');
    await expectStatus(
      inject({
        method: 'PUT',
        url: `/api/directory/people/${ingrid?.id}`,
        headers: node.admin.headers,
        payload: { unitId: ingrid?.unitId, givenName: 'Ingrid', familyName: 'Importsson', title: 'Chef' },
      }),
      200,
    );
    const refused = await undo(result.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({
      code: 'directory.import_changed_since',
      detail: expect.stringContaining('1 of'),
    });
    expect((await search('ingrid importsson'))[0]?.id).toBe(ingrid?.id);

    // A person added by hand to a unit the import created also holds the undo back.
    await expectStatus(
      inject({
        method: 'POST',
        url: '/api/directory/people',
        headers: node.admin.headers,
        payload: { unitId: ingrid?.unitId, givenName: 'Hand', familyName: 'Skriven' },
      }),
      201,
    );
    expect((await undo(result.id)).json().detail).toContain('2 of');
  });

  it('imports 5,000 rows with 20 bad ones: 4,980 written, the 20 reported by row and column', async () => {
    const lines = Array.from({ length: 5000 }, (_, index) =>
      index % 250 === 7
        ? `person;Region Bulk / Avdelning ${index % 10};Bulk;;;phone;;1;1`
        : `person;Region Bulk / Avdelning ${index % 10};Bulk Person${index};;;phone;;08-465 00${index};1`,
    );
    const result = await apply(`${HEADER}\n${lines.join('\n')}\n`);
    expect(result).toMatchObject({ rowCount: 5000, skippedRows: 20 });
    expect(result.created).toEqual({ units: 11, people: 4980, functions: 0, contacts: 4980 });
    expect(result.errors).toHaveLength(20);
    expect(result.errors[0]).toMatchObject({ row: 9, field: 'name', code: 'name_needs_family' });
    expect(result.errors.map((error) => error.row)).toEqual(Array.from({ length: 20 }, (_, bad) => bad * 250 + 7 + 2));
    await expectStatus(undo(result.id), 200);
    expect(await search('bulk person4999')).toEqual([]);
  }, 60_000);

  it('refuses bad files and bad mappings with a problem saying why, and writes nothing', async () => {
    const count = async () =>
      ((await inject({ url: '/api/directory/imports', headers: node.admin.headers })).json() as unknown[]).length;
    const imports = await count();
    const problem = async (response: ReturnType<typeof upload>, status: number, code: string) => {
      const resolved = await expectStatus(response, status);
      expect(resolved.headers['content-type']).toContain('application/problem+json');
      expect(resolved.json().code).toBe(code);
    };
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from([0, 0xff, 0xfe, 0])]);
    await problem(
      upload('/api/directory/imports/preview', pdf, {}, 'application/octet-stream'),
      415,
      'directory.import_not_table',
    );
    await problem(
      upload('/api/directory/imports/preview', Buffer.from('PK\u0003\u0004broken'), {}, 'application/octet-stream'),
      422,
      'directory.import_unreadable',
    );
    await problem(upload('/api/directory/imports/preview', Buffer.alloc(11 * 1024 * 1024, 'a')), 413, 'body_too_large');
    await problem(
      upload('/api/directory/imports/preview', IMPORT_CSV, { columns: 'kind,unit' }),
      400,
      'directory.import_bad_mapping',
    );
    await problem(
      upload('/api/directory/imports', IMPORT_CSV, { columns: 'kind,kind,name,,,,,,' }),
      400,
      'directory.import_bad_mapping',
    );
    await problem(
      upload('/api/directory/imports', IMPORT_CSV, { columns: 'kind,unit,name,nonsense,,,,,' }),
      400,
      'validation_failed',
    );
    await problem(
      upload('/api/directory/imports', `${HEADER}\nrobot;X;Y;;;;;;\n`, { columns: COLUMNS }),
      422,
      'directory.import_no_good_rows',
    );
    await problem(
      inject({ method: 'POST', url: '/api/directory/imports/preview', headers: node.admin.headers, payload: { a: 1 } }),
      415,
      'directory.import_not_table',
    );
    expect(await count()).toBe(imports);

    const readerTry = await inject({
      method: 'POST',
      url: '/api/directory/imports/preview',
      payload: IMPORT_CSV,
      headers: { ...reader.headers, 'content-type': 'text/csv' },
    });
    expect(readerTry.statusCode).toBe(403);
  });
});
