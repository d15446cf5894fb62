import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const fileWith = (settings: unknown) => {
  const path = join(mkdtempSync(join(tmpdir(), 'kontor-config-')), 'kontor.config.json');
  writeFileSync(path, JSON.stringify(settings));
  return path;
};

describe('loadConfig', () => {
  it('starts a hub on PGlite in ./data with no settings at all', () => {
    const config = loadConfig({ env: {}, file: undefined });
    expect(config).toMatchObject({ role: 'server', dataDir: './data', port: 3000, host: '127.0.0.1', demo: true });
    expect(config.databaseUrl).toBeUndefined();
  });

  it('takes flags over KONTOR_* environment over the file over defaults', () => {
    const file = fileWith({ port: 4000, host: '0.0.0.0', logLevel: 'debug' });
    const config = loadConfig({ file, env: { KONTOR_PORT: '5000', KONTOR_HOST: '10.0.0.1' }, flags: { port: 6000 } });
    expect(config.port).toBe(6000);
    expect(config.host).toBe('10.0.0.1');
    expect(config.logLevel).toBe('debug');
  });

  it('reads booleans and numbers from the environment', () => {
    const config = loadConfig({ env: { KONTOR_DEMO: 'false', KONTOR_SESSION_TTL_HOURS: '8' } });
    expect(config.demo).toBe(false);
    expect(config.sessionTtlHours).toBe(8);
  });

  it('names the setting, where it came from and the form expected', () => {
    expect(() => loadConfig({ env: { KONTOR_PORT: 'eighty' } })).toThrow(/KONTOR_PORT.*number.*"eighty"/s);
    expect(() => loadConfig({ env: {}, flags: { databaseUrl: 'mysql://x' } })).toThrow(
      /--database-url: expected a URL such as postgres:/,
    );
    expect(() => loadConfig({ env: {}, flags: { role: 'client', enrollCode: 'ABCDEF123456' } })).toThrow(
      /upstream.*an enrollment code needs the URL of its hub/s,
    );
    expect(() => loadConfig({ env: {}, file: fileWith({ prot: 1 }) })).toThrow(/unknown setting\(s\) prot/);
  });

  it('never repeats a secret in its messages', () => {
    try {
      loadConfig({ env: {}, flags: { adminPassword: 'short' } });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toContain('(hidden)');
      expect((error as Error).message).not.toContain('short');
    }
  });

  it('takes an SMTP URL with credentials, and never shows a wrong one', () => {
    const config = loadConfig({ env: { KONTOR_SMTP_URL: 'smtps://kontor:hunter2@smtp.example.org:465' } });
    expect(config.smtpUrl).toBe('smtps://kontor:hunter2@smtp.example.org:465');
    expect(config.mailFrom).toBe('Kontor <kontor@localhost>');
    const wrong = () => loadConfig({ env: { KONTOR_SMTP_URL: 'https://kontor:hunter2@smtp.example.org' } });
    expect(wrong).toThrow(/KONTOR_SMTP_URL: expected a URL such as smtps:.*\(given: \(hidden\)\)/);
    expect(wrong).not.toThrow(/hunter2/);
    expect(() => loadConfig({ env: {}, flags: { mailFrom: 'nobody' } })).toThrow(/--mail-from: expected an address/);
  });
});
