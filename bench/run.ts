import { formatDirectorySearchResult, runDirectorySearchBench } from './directory-search.js';
import { formatHttpResult, runHttpBench } from './http.js';
import { describeSettings, readSettings } from './settings.js';
import { formatStartupResult, runStartupBench } from './startup.js';
import { formatSyncResult, runSyncBench } from './sync.js';
import { describeSyncSettings, readSyncSettings } from './sync-settings.js';
import { formatVisitorsResult, runVisitorsBench } from './visitors.js';

// `npm run bench`: every benchmark in turn, then one summary. Settings: see settings.ts and sync-settings.ts.
const settings = readSettings();
const syncSettings = readSyncSettings();
const startedAt = performance.now();
console.log(`Kontor benchmarks (node ${process.version}): ${describeSettings(settings)}`);
console.log(`sync: ${describeSyncSettings(syncSettings)}\n`);

console.log('== HTTP: bare Fastify vs authenticated Kontor read, one process ==');
const http = await runHttpBench(settings);
console.log('\n== Start-up: the real CLI as a child process ==');
const startup = await runStartupBench(settings);
console.log('\n== Sync: hub and client nodes in one process, over loopback HTTP ==');
const sync = await runSyncBench(syncSettings);
console.log('\n== Directory search: as you type over 50,000 people, next to a bare indexed lookup ==');
const directorySearch = await runDirectorySearchBench(settings.pgUrl);
console.log('\n== Visitors: kiosk submit -> 50 live reception panels, hubs as child processes ==');
const visitors = await runVisitorsBench();

console.log(`\n== Summary (${((performance.now() - startedAt) / 1000).toFixed(0)} s) ==\n`);
console.log(formatHttpResult(http));
console.log('');
console.log(formatStartupResult(startup));
console.log('');
console.log(formatSyncResult(sync));
console.log('');
console.log(formatDirectorySearchResult(directorySearch));
console.log('');
console.log(formatVisitorsResult(visitors));
