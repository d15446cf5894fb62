import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Requests the shell leaves in a running node's data directory (the way `pg_ctl promote` leaves a signal file):
 * the running node holds the database, so `kontor promote` and `kontor upstream set` ask it to act.
 */
export type ControlRequest = { action: 'promote' } | { action: 'upstream'; url: string };

const folder = (dataDir: string) => join(dataDir, 'requests');

export async function leaveRequest(dataDir: string, request: ControlRequest) {
  await mkdir(folder(dataDir), { recursive: true });
  const name = `${Date.now()}-${request.action}.json`;
  // Written aside and renamed, so the node never reads half a request.
  await writeFile(join(folder(dataDir), `${name}.tmp`), JSON.stringify(request));
  await rename(join(folder(dataDir), `${name}.tmp`), join(folder(dataDir), name));
}

/** The waiting requests, oldest first, each removed as it is taken. */
export async function takeRequests(dataDir: string): Promise<ControlRequest[]> {
  const names = await readdir(folder(dataDir)).catch(() => [] as string[]);
  const requests: ControlRequest[] = [];
  for (const name of names.filter((file) => file.endsWith('.json')).sort()) {
    const path = join(folder(dataDir), name);
    const text = await readFile(path, 'utf8');
    await rm(path);
    requests.push(JSON.parse(text) as ControlRequest);
  }
  return requests;
}
