import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** A port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Resident set size of a process in MiB, from VmRSS in /proc/<pid>/status. */
export function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status)?.[1];
  if (!kib) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kib) / 1024;
}

export interface Started {
  child: ChildProcess;
  /** Milliseconds from spawn to the first 200 of the readiness URL. */
  coldMs: number;
  stderr(): string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Spawns `node <args>` and polls `readyUrl` every 20 ms until it answers 200. */
export async function spawnUntilReady(args: string[], readyUrl: string, cwd: string, timeoutMs = 60_000) {
  let stderr = '';
  const startedAt = performance.now();
  const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], env: childEnv() });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(`${code ?? signal}`)));
  let exitedWith: string | undefined;
  void exited.then((how) => {
    exitedWith = how;
  });
  while (performance.now() - startedAt < timeoutMs) {
    if (exitedWith !== undefined) throw new Error(`child exited (${exitedWith}) before it was ready:\n${stderr}`);
    const ok = await fetch(readyUrl, { signal: AbortSignal.timeout(1000) }).then(
      (response) => response.status === 200,
      () => false,
    );
    if (ok) return { child, coldMs: performance.now() - startedAt, stderr: () => stderr } satisfies Started;
    await sleep(20);
  }
  await stop(child);
  throw new Error(`not ready within ${timeoutMs} ms:\n${stderr}`);
}

/** The benchmark's environment without settings that would change what the child does. */
function childEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of Object.keys(env)) if (name.startsWith('KONTOR_') || name === 'NODE_OPTIONS') delete env[name];
  return env;
}

/** SIGTERM, then SIGKILL if the child has not exited after `graceMs`. Resolves with how it ended. */
export async function stop(child: ChildProcess, graceMs = 5000): Promise<string> {
  if (child.exitCode !== null || child.signalCode !== null) return `${child.exitCode ?? child.signalCode}`;
  const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(`${code ?? signal}`)));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  try {
    return await exited;
  } finally {
    clearTimeout(timer);
  }
}
