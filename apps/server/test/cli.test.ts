import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { kontor, PROCESS_TEST_TIMEOUT, startServer } from './processes.js';

describe('kontor CLI', () => {
  const dirs: string[] = [];
  const freshDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'kontor-cli-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it(
    'explains every command with --help',
    async () => {
      for (const command of [
        [],
        ['start'],
        ['migrate'],
        ['seed'],
        ['user'],
        ['user', 'add'],
        ['user', 'passwd'],
        ['user', 'disable'],
      ]) {
        const result = await kontor([...command, '--help']);
        expect(result.code, command.join(' ')).toBe(0);
        expect(result.stdout).toContain('Usage: kontor');
      }
      const start = await kontor(['start', '--help']);
      for (const flag of ['--role', '--data', '--port', '--host', '--database-url', '--redis-url', '--upstream']) {
        expect(start.stdout).toContain(flag);
      }
    },
    PROCESS_TEST_TIMEOUT,
  );

  it('stops on an invalid setting with a message naming it', async () => {
    const result = await kontor(['start', '--port', 'eighty', '--data', freshDir()]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/flag --port: .*number/);
    const client = await kontor(['start', '--role', 'client', '--enroll', 'ABCDEF123456', '--data', freshDir()]);
    expect(client.code).toBe(2);
    expect(client.stderr).toContain('an enrollment code needs the URL of its hub');
  });

  it(
    'starts a hub, prints the first admin login once, and refuses a second process on the same data directory',
    async () => {
      const dataDir = freshDir();
      const { output, stop } = await startServer(['--data', dataDir, '--port', '0']);
      try {
        expect(output).toMatch(/First admin: admin \/ \S{20}/);
        const second = await kontor(['start', '--data', dataDir, '--port', '0']);
        expect(second.code).toBe(2);
        expect(second.stderr).toContain('Another Kontor process is using the data directory');
      } finally {
        await stop();
      }
      const again = await startServer(['--data', dataDir, '--port', '0']);
      expect(again.output).not.toContain('First admin');
      await again.stop();
    },
    PROCESS_TEST_TIMEOUT,
  );

  it(
    'migrates, seeds and manages users from the shell',
    async () => {
      const dataDir = freshDir();
      expect((await kontor(['migrate', '--data', dataDir])).stdout).toContain('Migrations are up to date');
      expect((await kontor(['seed', '--demo', '--data', dataDir])).stdout).toContain('Demo data loaded');
      const added = await kontor([
        'user',
        'add',
        'nurse',
        '--display-name',
        'Nina Nurse',
        '--role',
        'Auditor',
        '--data',
        dataDir,
      ]);
      expect(added.stdout).toMatch(/Created nurse with password \S{20}/);
      const weak = await kontor(['user', 'add', 'weak', '--password', 'short', '--data', dataDir]);
      expect(weak.code).toBe(1);
      expect(weak.stderr).toContain('at least 12 characters');
      const changed = await kontor([
        'user',
        'passwd',
        'nurse',
        '--password',
        'a brand new password',
        '--data',
        dataDir,
      ]);
      expect(changed.stdout).toContain('Password of nurse changed');
      expect((await kontor(['user', 'disable', 'nurse', '--data', dataDir])).stdout).toContain('Disabled nurse');
      const missing = await kontor(['user', 'disable', 'nobody', '--data', dataDir]);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain('User nobody was not found');
    },
    PROCESS_TEST_TIMEOUT,
  );
});
