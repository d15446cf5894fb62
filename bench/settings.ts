/**
 * Benchmark settings: `--name value` / `--name=value` on the command line, else `BENCH_NAME` in the
 * environment, else the default. Example: `npm run bench -- --duration 3` or `BENCH_ROUNDS=5 npm run bench`.
 */
export interface BenchSettings {
  /** Seconds each measured autocannon run lasts. */
  duration: number;
  /** Seconds of load before each measured run, not recorded. */
  warmup: number;
  /** Rounds of the HTTP benchmark; each round loads every target once, in turn. */
  rounds: number;
  /** Concurrent connections autocannon keeps open. */
  connections: number;
  /** Repetitions of every start-up scenario. */
  startupRuns: number;
  /** Seconds a started node sits idle before its RSS is read. */
  idle: number;
  /** PostgreSQL server for the PostgreSQL variants; `off` skips them. */
  pgUrl: string;
  /** Also loads GET /healthz of the PGlite node with the session cookie: the auth path without a query. */
  breakdown: boolean;
}

const defaults: BenchSettings = {
  duration: 5,
  warmup: 2,
  rounds: 3,
  connections: 10,
  startupRuns: 3,
  idle: 4,
  pgUrl: 'postgres://postgres@127.0.0.1:5432/postgres',
  breakdown: false,
};

export const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
export const envName = (name: string) => `BENCH_${name.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;

export function flagValue(argv: string[], flag: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === flag) return argv[i + 1];
    if (arg.startsWith(`${flag}=`)) return arg.slice(flag.length + 1);
  }
  return undefined;
}

export function readSettings(argv: string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env) {
  const settings: BenchSettings = { ...defaults };
  for (const name of Object.keys(defaults) as Array<keyof BenchSettings>) {
    if (name === 'breakdown') {
      settings.breakdown = argv.includes('--breakdown') || ['1', 'true'].includes(env[envName(name)] ?? '');
      continue;
    }
    const raw = flagValue(argv, `--${kebab(name)}`) ?? env[envName(name)];
    if (raw === undefined || raw === '') continue;
    if (name === 'pgUrl') {
      settings.pgUrl = raw;
      continue;
    }
    const value = Number(raw);
    if (!Number.isFinite(value) || value <= 0) {
      throw new Error(`--${kebab(name)} / ${envName(name)}: expected a positive number, got ${JSON.stringify(raw)}`);
    }
    settings[name] = value;
  }
  return settings;
}

export function describeSettings(settings: BenchSettings): string {
  return (
    `duration ${settings.duration}s, warm-up ${settings.warmup}s, rounds ${settings.rounds}, ` +
    `connections ${settings.connections}, start-up runs ${settings.startupRuns}, idle ${settings.idle}s, ` +
    `postgres ${redact(settings.pgUrl)}${settings.breakdown ? ', breakdown on' : ''}`
  );
}

/** A database URL without its credentials, for messages. */
export const redact = (url: string) => url.replace(/\/\/[^@/]*@/, '//***@');
