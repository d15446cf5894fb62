import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyMigratedStore } from './pglite-template.js';
import { kontor, PROCESS_TEST_TIMEOUT } from './processes.js';

describe('kontor export and import', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kontor-cli-bundle-'));
  const data = join(dir, 'hub');
  const file = join(dir, 'setup.kbundle');
  // The hub's store migrated already: what a first start does is cli.test.ts's subject.
  beforeAll(() => copyMigratedStore(data));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses options that contradict each other or a vector that is not one, before opening the store', async () => {
    const both = await kontor(['export', '--to', file, '--full', '--since-vector', '{}', '--data', data]);
    expect(both.code).toBe(1);
    expect(both.stderr).toContain('give --full or --since-vector');
    const bad = await kontor(['export', '--to', file, '--since-vector', '{"ward 7": 1}', '--data', data]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--since-vector must be a JSON object of node id to sequence number');
    expect(existsSync(file)).toBe(false);
  });

  it(
    'writes the hub’s full snapshot, which the hub itself already holds whole',
    async () => {
      const exported = await kontor(['export', '--to', file, '--full', '--data', data, '--log-level', 'silent']);
      expect(exported.stderr).toBe('');
      expect(exported.stdout).toMatch(/^Wrote \d+ bytes to /);
      expect(existsSync(`${file}.part`)).toBe(false);
      const imported = await kontor(['import', file, '--data', data, '--log-level', 'silent']);
      expect(imported.code).toBe(0);
      expect(imported.stdout).toContain('this node already holds everything in this snapshot');
    },
    PROCESS_TEST_TIMEOUT,
  );
});
