import { envName, flagValue, kebab } from './settings.js';
/**
 * Settings of the sync benchmark (bench/sync.ts), read like settings.ts: `--name value` / `--name=value`, else
 * `BENCH_NAME` in the environment, else the default. Example: `node --import tsx bench/sync.ts --clients 5`.
 */
export interface SyncBenchSettings {
  /** Client nodes enrolled with the hub for the propagation figure. */
  clients: number;
  /** Writes the hub makes for the propagation figure. */
  writes: number;
  /** Milliseconds between two of those writes. */
  writeIntervalMs: number;
  /**
   * Processes figure: writes made before the recorded ones, at the same pace. A client process just started
   * still compiles its hot paths (PGlite's WebAssembly among them) for its first few hundred applies; a
   * workstation runs for hours.
   */
  warmupWrites: number;
  /** Rows the client creates while its link to the hub is down. */
  offlineRows: number;
  /** Rows per transaction of those offline writes. */
  offlineBatch: number;
  /** Rows of the directory-like reference table the hub holds for the bootstrap figure. */
  directoryRows: number;
  /** Rows of the catalog-like reference table. */
  catalogRows: number;
  /** Which figures to run, comma-separated: propagation, processes, offline, bootstrap. */
  figures: string;
  /** Bootstrap: load the directory rows on the hub with the capture trigger on too (slow: see docs). */
  fullCapture: boolean;
}

const defaults: SyncBenchSettings = {
  clients: 20,
  writes: 50,
  writeIntervalMs: 100,
  warmupWrites: 50,
  offlineRows: 10_000,
  offlineBatch: 100,
  directoryRows: 100_000,
  catalogRows: 10_000,
  figures: 'propagation,processes,offline,bootstrap',
  fullCapture: false,
};

export const FIGURES = ['propagation', 'processes', 'offline', 'bootstrap'] as const;
export type Figure = (typeof FIGURES)[number];

export function readSyncSettings(argv: string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env) {
  const settings: SyncBenchSettings = { ...defaults };
  for (const name of Object.keys(defaults) as Array<keyof SyncBenchSettings>) {
    if (name === 'fullCapture') {
      settings.fullCapture = argv.includes('--full-capture') || ['1', 'true'].includes(env[envName(name)] ?? '');
      continue;
    }
    const raw = flagValue(argv, `--${kebab(name)}`) ?? env[envName(name)];
    if (raw === undefined || raw === '') continue;
    if (name === 'figures') {
      const unknown = raw.split(',').filter((figure) => !FIGURES.includes(figure.trim() as Figure));
      if (unknown.length > 0) throw new Error(`--figures / BENCH_FIGURES: unknown ${unknown.join(', ')}`);
      settings.figures = raw;
      continue;
    }
    const value = Number(raw);
    if (!Number.isInteger(value) || value <= 0) {
      throw new Error(`--${kebab(name)} / ${envName(name)}: expected a positive integer, got ${JSON.stringify(raw)}`);
    }
    settings[name] = value;
  }
  return settings;
}

export const wants = (settings: SyncBenchSettings, figure: Figure) =>
  settings.figures.split(',').some((name) => name.trim() === figure);

export function describeSyncSettings(settings: SyncBenchSettings): string {
  return (
    `figures ${settings.figures}; clients ${settings.clients}, writes ${settings.writes} every ` +
    `${settings.writeIntervalMs} ms; offline rows ${settings.offlineRows} in transactions of ${settings.offlineBatch}; ` +
    `bootstrap ${settings.directoryRows} directory + ${settings.catalogRows} catalog rows` +
    (settings.fullCapture ? ', full capture' : '')
  );
}
