import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

/** Tests that start several real `kontor` processes (each opening its own database) get longer on a busy machine. */
export const PROCESS_TEST_TIMEOUT = 300_000;

const BIN = fileURLToPath(new URL('../bin/kontor.js', import.meta.url));
const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('KONTOR_')));

/** Runs a `kontor` command to its end. */
export function kontor(args: string[], cwd = tmpdir()) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: cleanEnv });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** What `kontor status --json` prints (and a running node answers at /api/sync/status). */
export interface NodeStatus {
  role: 'server' | 'client';
  hub: string | null;
  epoch: number | null;
  pendingChanges: number;
  lastError: string | null;
  [field: string]: unknown;
}

/** `kontor status --json` for the node whose data directory is `dataDir`. */
export async function shellStatus(dataDir: string): Promise<NodeStatus> {
  return JSON.parse((await kontor(['status', '--json', '--data', dataDir])).stdout);
}

/**
 * Waits until `kontor status` for `dataDir` passes `check` (assertions) and returns that status. Each `kontor status`
 * is a process start (about 2 s of CPU on a 2-core machine), so while the node runs and `running` can sign in,
 * the wait asks the node over HTTP first (the same state), then the shell until it agrees: a running node
 * rewrites the file that `kontor status` reads every 2 s.
 */
export async function waitForStatus(
  dataDir: string,
  check: (status: NodeStatus) => void,
  running?: { url: string; headers: Record<string, string> },
  timeout = 60_000,
): Promise<NodeStatus> {
  const passes = (status: NodeStatus) => {
    try {
      check(status);
      return true;
    } catch {
      return false;
    }
  };
  if (running) {
    await expect
      .poll(
        async () => {
          try {
            const response = await fetch(`${running.url}/api/sync/status`, { headers: running.headers });
            return response.status !== 200 || passes((await response.json()) as NodeStatus);
          } catch {
            // Not answering as expected (down, or signed out): the shell alone decides.
            return true;
          }
        },
        { timeout, interval: 100 },
      )
      .toBe(true);
  }
  let passed: NodeStatus | undefined;
  await expect
    .poll(
      async () => {
        const status = await shellStatus(dataDir);
        check(status);
        passed = status;
        return true;
      },
      { timeout, interval: 1_000 },
    )
    .toBe(true);
  return passed as NodeStatus;
}

export interface RunningServer {
  url: string;
  output: string;
  /** SIGTERM (or the given signal), and wait for the process to end. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts `kontor start` as its own process and resolves once it printed its URL. */
export function startServer(args: string[]): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'start', '--log-level', 'warn', ...args], { env: cleanEnv });
    let output = '';
    const exited = new Promise<void>((done) => child.once('close', () => done()));
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const url = /Open (http\S+)/.exec(output)?.[1];
      if (url && output.includes('\n\n', output.indexOf(url))) {
        resolve({
          url,
          output,
          stop: async (signal: NodeJS.Signals = 'SIGTERM') => {
            child.kill(signal);
            await exited;
          },
        });
      }
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('close', (code) => reject(new Error(`kontor start exited with ${code}: ${output}`)));
  });
}

export interface ScaledOutHub {
  first: RunningServer;
  second: RunningServer;
  /** The first admin's password, printed by whichever instance created the admin. */
  password: string;
  stop(): Promise<void>;
}

/**
 * Two `kontor start` processes on one fresh PostgreSQL database and one Redis, as a scaled-out hub runs; started
 * together, so both race to migrate and to create the first admin.
 */
export async function startScaledOutHub(databaseUrl: string, redisUrl: string): Promise<ScaledOutHub> {
  const dirs: string[] = [];
  const start = () => {
    const dir = mkdtempSync(join(tmpdir(), 'kontor-scale-'));
    dirs.push(dir);
    return startServer(['--data', dir, '--port', '0', '--database-url', databaseUrl, '--redis-url', redisUrl]);
  };
  const [first, second] = await Promise.all([start(), start()]);
  return {
    first,
    second,
    password: /First admin: admin \/ (\S+)/.exec(first.output + second.output)?.[1] ?? '',
    async stop() {
      await Promise.all([first.stop(), second.stop()]);
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Signs the admin in over HTTP; the session cookie and the CSRF token its writes need. */
export async function signInOverHttp(url: string, password: string) {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password }),
  });
  if (response.status !== 200) throw new Error(`sign-in answered ${response.status}: ${await response.text()}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { cookie, csrf: ((await response.json()) as { csrfToken: string }).csrfToken };
}
