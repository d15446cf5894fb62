import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import lockfile from 'proper-lockfile';

export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError';
}

const LOCK = 'kontor.lock';
// Beside the lock, not inside it: proper-lockfile watches the lock directory's mtime.
const OWNER = 'kontor.lock.owner';

/** Whether the lock was left by a process of this machine that no longer runs (a crash, kill -9, power loss). */
function leftByDeadProcess(ownerFile: string): boolean {
  try {
    const owner = JSON.parse(readFileSync(ownerFile, 'utf8')) as { pid: number; host: string };
    if (owner.host !== hostname() || owner.pid === process.pid) return false;
    process.kill(owner.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Holds an exclusive lock on the data directory for the life of the process. PGlite does not stop two
 * processes opening one directory and silently loses writes when they do, so a second node must refuse.
 * A lock whose owner died on this machine is taken over at once rather than after it goes stale.
 */
export async function lockDataDir(dir: string, onLost: (error: Error) => void): Promise<() => Promise<void>> {
  const path = resolve(dir);
  const lockPath = join(path, LOCK);
  const ownerFile = join(path, OWNER);
  mkdirSync(path, { recursive: true });
  // Generous staleness: PGlite's first initdb can block the event loop for seconds on a slow machine, and a
  // crashed owner is recognised by its pid anyway.
  const acquire = () =>
    lockfile.lock(path, { lockfilePath: lockPath, stale: 60_000, update: 10_000, onCompromised: onLost });
  let release: () => Promise<void>;
  try {
    release = await acquire();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    if (!leftByDeadProcess(ownerFile)) {
      throw new DataDirLockedError(
        `Another Kontor process is using the data directory ${path} (lock ${lockPath}). ` +
          'Stop that process first, or start this one with --data <another directory>.',
      );
    }
    rmSync(lockPath, { recursive: true, force: true });
    release = await acquire();
  }
  writeFileSync(ownerFile, JSON.stringify({ pid: process.pid, host: hostname() }));
  return async () => {
    rmSync(ownerFile, { force: true });
    await release();
  };
}
