import { fileURLToPath } from 'node:url';
import type { Db, KontorModule, Platform } from '../platform/platform.js';
import type { ReplicatedTable } from '../sync/index.js';
import { directoryAdminRoutes } from './admin-routes.js';
import { DIRECTORY_TOPIC, DirectoryAdminService } from './admin-service.js';
import { DirectoryService, searchTerms } from './directory-service.js';
import { directoryImportRoutes } from './import-routes.js';
import { DirectoryImportService } from './import-service.js';
import { readRepository } from './read-repository.js';
import { directoryRoutes } from './routes.js';
import { searchRepository } from './search-repository.js';
import { seedDirectoryDemo } from './seed-demo.js';
import { type DirectoryDb, REPLICATED_COLUMNS } from './tables.js';

export { DIRECTORY_TOPIC } from './admin-service.js';
export { foldForSearch, swedishSortKey } from './text-keys.js';

/** Every unit in Swedish order, for modules that work per unit (supplies orders for one). */
export const directoryUnits = (db: Db) => readRepository.units(db as DirectoryDb);

/** A person of the directory as other modules pick one: the name and unit, and for mail the first e-mail address. */
export interface DirectoryPersonRef {
  id: string;
  name: string;
  unit: string | null;
}

/**
 * People whose names match the words of `query`, best first, with the search's folding and typo tolerance (no
 * numbers, units or functions): for other modules' person pickers (a visitor's host). Names and units only.
 */
export async function searchDirectoryPeople(db: Db, query: string, limit: number): Promise<DirectoryPersonRef[]> {
  const { words } = searchTerms(query);
  if (words.length === 0) return [];
  const directory = db as DirectoryDb;
  const hits = await searchRepository.search(directory, words, null, limit, undefined, ['person']);
  const ids = hits.map((hit) => hit.id);
  const people = new Map((await readRepository.people(directory, { ids })).map((person) => [person.id, person]));
  return ids.flatMap((id) => {
    const person = people.get(id);
    return person ? [{ id, name: `${person.givenName} ${person.familyName}`, unit: person.unitName || null }] : [];
  });
}

/**
 * One person of the directory with their first e-mail address (by priority), or undefined; works inside the
 * caller's transaction (`db` may be one).
 */
export async function directoryPerson(
  db: Db,
  id: string,
): Promise<(DirectoryPersonRef & { email: string | null }) | undefined> {
  const directory = db as DirectoryDb;
  const [person] = await readRepository.people(directory, { ids: [id] });
  if (!person) return undefined;
  const email = (await readRepository.contacts(directory, 'person_id', [id])).find((c) => c.kind === 'email');
  return {
    id,
    name: `${person.givenName} ${person.familyName}`,
    unit: person.unitName || null,
    email: email?.value ?? null,
  };
}

/**
 * Every directory table is reference data: administrators edit it on the hub, every client node holds a
 * read-only copy, so "how to reach whom" answers when the hub and the network are gone. Favourites stay local.
 */
const replicated: ReplicatedTable[] = Object.entries(REPLICATED_COLUMNS).map(([table, columns]) => ({
  table,
  policy: 'reference',
  key: ['id'],
  columns: [...columns, 'created_at', 'updated_at'],
}));

/**
 * Whether anyone may read this node's directory without signing in: a client node whose operator turned on
 * `directoryPublicRead` (docs/directory.md). Read on every request, so a promoted node closes it at once.
 */
export const directoryReadableByAnyone = (platform: Pick<Platform, 'config' | 'node'>): boolean =>
  platform.config.directoryPublicRead && platform.node.role === 'client';

/** The KLIRR contact directory: organisation tree, people, functions, contact points, notices (docs/directory.md). */
export function createDirectoryModule(): KontorModule {
  let directory: DirectoryService | undefined;
  let admin: DirectoryAdminService | undefined;
  let imports: DirectoryImportService | undefined;
  const ready = <T>(service: T | undefined): T => {
    if (!service) throw new Error('directory is used before the node initialised it');
    return service;
  };
  return {
    name: 'directory',
    migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
    permissions: [
      { key: 'directory.read', description: 'Look up units, people, functions and how to reach them' },
      { key: 'directory.write', description: 'Edit the contact directory (on the hub)' },
    ],
    topics: { [DIRECTORY_TOPIC]: 'directory.read' },
    replicated,
    init(platform) {
      directory = new DirectoryService(platform);
      admin = new DirectoryAdminService(platform);
      imports = new DirectoryImportService(platform);
    },
    async register(app, platform) {
      const readableByAnyone = () => directoryReadableByAnyone(platform);
      await app.register(directoryRoutes, { directory: ready(directory), readableByAnyone });
      await app.register(directoryAdminRoutes, { admin: ready(admin) });
      await app.register(directoryImportRoutes, { imports: ready(imports) });
    },
    seedDemo: seedDirectoryDemo,
  };
}
