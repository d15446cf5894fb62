import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';

const flexibleBoolean = z.union([z.boolean(), z.stringbool()]);
const knownTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};
const optionalUrl = (protocols: RegExp, example: string) =>
  z.url({ protocol: protocols, error: `expected a URL such as ${example}` }).optional();

/** A setting given as JSON text (from the environment or a flag); text that is not JSON is left for zod to refuse. */
const parseJsonText = (value: unknown) => {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
};

/** The one description of every setting Kontor reads; see docs/configuration.md. */
export const configSchema = z
  .strictObject({
    role: z.enum(['server', 'client']).default('server'),
    dataDir: z.string().min(1).default('./data'),
    host: z.string().min(1).default('127.0.0.1'),
    port: z.coerce.number().int().min(0).max(65535).default(3000),
    publicUrl: optionalUrl(/^https?$/, 'https://kontor.example.org'),
    databaseUrl: optionalUrl(/^postgres(ql)?$/, 'postgres://user:pass@127.0.0.1:5432/kontor'),
    redisUrl: optionalUrl(/^rediss?$/, 'redis://127.0.0.1:6379'),
    upstream: optionalUrl(/^https?$/, 'https://hub.example.org'),
    /** One-time code from the hub's administrator; a client enrolls with it on first start. */
    enrollCode: z.string().trim().min(6).max(64).optional(),
    /** How this node is named in the hub's registry (default: the host name). */
    nodeName: z.string().trim().min(1).max(100).optional(),
    /**
     * Other nodes of the cluster (comma-separated URLs): where a client looks for the hub, or for peers to
     * exchange changes with, when its hub cannot be reached; where a hub looks for a node promoted in its absence.
     */
    syncPeers: z
      .preprocess(
        (value) =>
          typeof value === 'string'
            ? value
                .split(',')
                .map((url) => url.trim())
                .filter(Boolean)
            : value,
        z.array(
          z.url({ protocol: /^https?$/, error: 'expected URLs such as https://ward7.example.org, comma-separated' }),
        ),
      )
      .default([]),
    /** Announce this node and find its peers on the local network over mDNS (`_kontor._tcp`). */
    syncDiscovery: flexibleBoolean.default(true),
    /** How often a client syncs with its hub when nothing nudges it. */
    syncIntervalMs: z.coerce.number().int().min(100).default(2000),
    /**
     * The same while the hub's nudge socket is open: the hub streams its changes and the client pushes its own as
     * they commit, so a round only catches what those missed.
     */
    syncConnectedIntervalMs: z.coerce.number().int().min(100).default(15_000),
    /** How often the change log is compacted (see docs/sync.md). */
    syncCompactEveryMinutes: z.coerce.number().int().min(1).default(60),
    /** A peer silent for longer no longer holds compaction back; when it returns it is reset from a snapshot. */
    syncStaleAfterDays: z.coerce.number().int().min(1).default(30),
    /** Changes stamped further than this ahead of the local clock are refused. */
    syncMaxDriftMs: z.coerce.number().int().min(1000).default(300_000),
    /**
     * On a client node, let anyone who can reach its web page read the contact directory without signing in
     * (search, tree, unit and person pages, print, export): it is where people look when other systems are down.
     * Never editing, never favourites. A hub ignores it. See docs/directory.md.
     */
    directoryPublicRead: flexibleBoolean.default(false),
    adminPassword: z.string().min(12, 'expected at least 12 characters').optional(),
    demo: flexibleBoolean.default(true),
    logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Trust X-Forwarded-* from a reverse proxy; only behind one, or clients could fake their address. */
    trustProxy: flexibleBoolean.default(false),
    bodyLimitBytes: z.coerce.number().int().min(1024).default(1_048_576),
    sessionTtlHours: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(12),
    loginMaxFailures: z.coerce.number().int().min(1).default(5),
    loginLockoutMinutes: z.coerce.number().int().min(1).default(15),
    loginRateLimitPerMinute: z.coerce.number().int().min(1).default(20),
    /** Guest-kiosk submissions (and invitation look-ups) per client address per minute; searches get ten times it. */
    kioskRateLimitPerMinute: z.coerce.number().int().min(1).default(30),
    outboxPollMs: z.coerce.number().int().min(50).default(1000),
    /**
     * Where outgoing e-mail is handed over: `smtp://` (STARTTLS when offered) or `smtps://`, credentials in the
     * URL. Without it mail is queued but not sent, and goes out once it is set (docs/mail.md).
     */
    smtpUrl: optionalUrl(/^smtps?$/, 'smtps://user:pass@smtp.example.org:465'),
    /** The sender of every e-mail, an address or `Name <address>`. */
    mailFrom: z
      .string()
      .trim()
      .regex(/^[^\r\n]*@[^\r\n]+$/, 'expected an address such as Kontor <kontor@example.org>')
      .default('Kontor <kontor@localhost>'),
    /** First retry delay of a message the SMTP server did not take; it doubles, with jitter, per attempt. */
    mailRetryBaseMs: z.coerce.number().int().min(10).default(30_000),
    /** RabbitMQ the service desk takes incidents from (docs/desk-esb.md); without it the ESB channel is off. */
    deskAmqpUrl: optionalUrl(/^amqps?$/, 'amqp://user:pass@rabbitmq.example.org:5672'),
    /** The queue of incident messages; its dead letters go to `<queue>.dead`. */
    deskAmqpQueue: z.string().trim().min(1).max(200).default('kontor.desk.incidents'),
    /** ESB messages taken in at once (unacknowledged): the channel's concurrency. */
    deskAmqpPrefetch: z.coerce.number().int().min(1).max(1000).default(50),
    /** How long a message that failed for a passing reason (the database away) waits before it is retried. */
    deskAmqpRetryMs: z.coerce.number().int().min(10).default(5000),
    /** The organisation's IANA time zone: where the desk dashboard's days begin (docs/desk-dashboards.md). */
    timeZone: z
      .string()
      .refine(knownTimeZone, { error: 'expected an IANA time zone such as Europe/Stockholm' })
      .default('Europe/Stockholm'),
    // The service desk's Telegram bot and SMS gateway (docs/desk-channels.md).
    /** The bot's token from @BotFather; the Telegram webhook answers 404 while it is unset. */
    deskTelegramBotToken: z
      .string()
      .regex(/^\d+:[\w-]+$/, 'expected a bot token such as 123456:ABC-DEF1234ghIkl')
      .optional(),
    /** The Bot API's base URL (a self-hosted Bot API server, or a stand-in in tests). */
    deskTelegramApiUrl: z.url({ protocol: /^https?$/ }).default('https://api.telegram.org'),
    /** The `secret_token` given to setWebhook: Telegram sends it in X-Telegram-Bot-Api-Secret-Token. */
    deskTelegramWebhookSecret: z
      .string()
      .regex(/^[\w-]{16,256}$/, 'expected 16–256 characters of A–Z, a–z, 0–9, _ and -')
      .optional(),
    /** The gateway's send endpoint for replies; inbound SMS work without it. */
    deskSmsGatewayUrl: optionalUrl(/^https?$/, 'https://sms-gateway.example.org/send'),
    /** The HMAC-SHA256 key shared with the gateway, both ways; the SMS webhook answers 404 while it is unset. */
    deskSmsSecret: z.string().min(16, 'expected at least 16 characters').optional(),
    /** Telegram and SMS webhook requests per client address per minute. */
    deskChannelRateLimitPerMinute: z.coerce.number().int().min(1).default(600),
    /** How often the Telegram/SMS reply queue looks for work when nothing nudges it. */
    deskChannelPollMs: z.coerce.number().int().min(50).default(5_000),
    /** First retry delay of a reply Telegram or the gateway did not take; it doubles, with jitter, per attempt. */
    deskChannelRetryBaseMs: z.coerce.number().int().min(10).default(30_000),
    // The service desk's e-mail channel and incident attachments (docs/desk-channels.md).
    /** The largest file an incident takes, by upload or e-mail (25 MB). */
    deskAttachmentMaxBytes: z.coerce.number().int().min(1024).default(26_214_400),
    /** Port of the inbound SMTP listener for the desk's mail (a hub only); 0 or unset: no listener. */
    deskSmtpPort: z.coerce.number().int().min(0).max(65535).default(0),
    /** Address the listener binds to; an MTA in front of it relays from the same machine by default. */
    deskSmtpHost: z.string().min(1).default('127.0.0.1'),
    /** The desk's own address (support@example.org): replies name it, the listener takes mail only for it and its domain. */
    deskMailAddress: z.email().max(254).optional(),
    // Exporting service-desk problems to a task manager as signed webhook events (docs/desk-problems.md).
    /** Where `desk.problem.exported` events are POSTed; without it (and the secret) problems cannot be exported. */
    deskProblemWebhookUrl: optionalUrl(/^https?$/, 'https://tasks.example.org/hooks/kontor'),
    /** The HMAC-SHA256 key of the `x-kontor-signature` header; shared with the task manager. */
    deskProblemWebhookSecret: z.string().min(16, 'expected at least 16 characters').optional(),
    /** Export each new problem as it is opened (by a rule or an agent), not only on request. */
    deskProblemAutoExport: flexibleBoolean.default(false),
    /** First retry delay of an export the task manager did not take; it doubles, with jitter, per attempt. */
    deskProblemExportRetryBaseMs: z.coerce.number().int().min(10).default(5_000),
    // The WestGear webshop (docs/commerce.md).
    /** Languages the catalog is written in; the first is the shop's default. sv and en are always among them. */
    commerceLocales: z
      .preprocess(
        (value) => (typeof value === 'string' ? value.split(',').map((part) => part.trim()) : value),
        z.array(z.string().regex(/^[a-z]{2}$/, 'expected two-letter language codes such as "sv,en,de"')).min(1),
      )
      .default(['sv', 'en'])
      .refine((list) => list.includes('sv') && list.includes('en'), 'the shop is always written in sv and en'),
    /** Stripe's API (or a server speaking its protocol); the card payment option needs the secret key too. */
    commerceStripeApiUrl: z.url({ protocol: /^https?$/ }).default('https://api.stripe.com'),
    commerceStripeSecretKey: z.string().min(8, 'expected a Stripe secret key such as sk_test_…').optional(),
    /** The `whsec_…` secret Stripe signs webhook events with (`Stripe-Signature`). */
    commerceStripeWebhookSecret: z.string().min(8, 'expected a webhook secret such as whsec_…').optional(),
    /** How long an `Idempotency-Key` of a checkout is remembered (Stripe keeps them at least 24 hours). */
    commerceIdempotencyHours: z.coerce.number().int().min(1).max(720).default(24),
    /** Rate limit of the shop's public writes (cart, checkout) per client address and minute. */
    commerceRateLimitPerMinute: z.coerce.number().int().min(1).default(120),
    // The legacy CRM the Clients and Orders services migrate from, record by record (docs/legacy.md).
    /** Base URL of the legacy CRM's REST API; without it the CRM answers from Kontor's own services only. */
    legacyCrmUrl: optionalUrl(/^https?$/, 'https://crm.example.org/api'),
    /** Sent to the legacy CRM as a bearer token. */
    legacyCrmToken: z.string().min(1).optional(),
    /** How long a call to the legacy CRM may take; past it, lists and searches answer partially from the cache. */
    legacyCrmTimeoutMs: z.coerce.number().int().min(10).max(60_000).default(800),
    /** How long legacy records and pages stay cached (in Redis when `redisUrl` is set, else in the process). */
    legacyCacheTtlSeconds: z.coerce.number().int().min(1).max(86_400).default(300),
    /** The background backfill's pace, legacy records per second, and how many it takes per request. */
    legacyBackfillRatePerSecond: z.coerce.number().int().min(1).max(100_000).default(500),
    legacyBackfillBatchSize: z.coerce.number().int().min(1).max(1000).default(200),
    // Sign-in with an OpenID Connect provider such as Keycloak (docs/sso.md).
    /** The provider's issuer, e.g. https://keycloak.example.org/realms/kontor; SSO is on when it is set. */
    oidcIssuer: optionalUrl(/^https?$/, 'https://keycloak.example.org/realms/kontor'),
    oidcClientId: z.string().trim().min(1).default('kontor'),
    oidcClientSecret: z.string().min(1).optional(),
    /** Provider roles (`realm:<role>`, `client:<role>`) to Kontor role names: a JSON object of string → string or string[]. */
    oidcRoleMap: z
      .preprocess(
        parseJsonText,
        z.record(
          z.string().regex(/^(realm|client):.+$/, 'expected keys such as "realm:desk-agent" or "client:admin"'),
          z.union([z.string().min(1), z.array(z.string().min(1))]),
          { error: 'expected a JSON object such as {"realm:desk-agent": "Service desk agent"}' },
        ),
      )
      .default({}),
    oidcButtonLabel: z.string().trim().min(1).max(60).default('Keycloak'),
    /** Refuse password sign-in (403) for everyone but the built-in `admin`, the break-glass account. */
    localLoginDisabled: flexibleBoolean.default(false),
  })
  .superRefine((config, ctx) => {
    // A client started without a hub is enrolled from its first-run page instead.
    if (config.enrollCode && !config.upstream) {
      ctx.addIssue({ code: 'custom', path: ['upstream'], message: 'an enrollment code needs the URL of its hub' });
    }
  });

export type KontorConfig = z.output<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;
export type SettingName = keyof ConfigInput;

export const settingNames = Object.keys(configSchema.shape) as SettingName[];

/** Settings whose values never appear in messages or logs. */
const secretSettings = new Set<string>([
  'adminPassword',
  'databaseUrl',
  'redisUrl',
  'enrollCode',
  'commerceStripeSecretKey',
  'commerceStripeWebhookSecret',
  'smtpUrl',
  'deskAmqpUrl',
  'oidcClientSecret',
  'deskTelegramBotToken',
  'deskTelegramWebhookSecret',
  'deskSmsSecret',
  'deskProblemWebhookSecret',
  'legacyCrmToken',
]);

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const envName = (setting: string) => `KONTOR_${setting.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;
const flagName = (setting: string) => `--${setting.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

function fromEnv(env: NodeJS.ProcessEnv): Partial<Record<SettingName, string>> {
  const values: Partial<Record<SettingName, string>> = {};
  for (const name of settingNames) {
    const value = env[envName(name)];
    if (value !== undefined && value !== '') values[name] = value;
  }
  return values;
}

function fromFile(path: string, required: boolean): Record<string, unknown> {
  if (!existsSync(path)) {
    if (required) throw new ConfigError(`Configuration file ${path} does not exist`);
    return {};
  }
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new ConfigError(`${path} must hold a JSON object of settings`);
    }
    return parsed as Record<string, unknown>;
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
}

export interface ConfigSources {
  flags?: Partial<Record<SettingName, unknown>>;
  env?: NodeJS.ProcessEnv;
  /** Path of the JSON settings file; `kontor.config.json` in the working directory when absent. */
  file?: string;
}

/**
 * Reads settings once, in the order flags > KONTOR_* env > kontor.config.json > defaults.
 * An invalid value stops start-up with a message naming the setting, where it came from, and the form expected.
 */
export function loadConfig(sources: ConfigSources = {}): KontorConfig {
  const env = sources.env ?? process.env;
  const filePath = resolve(sources.file ?? env.KONTOR_CONFIG ?? 'kontor.config.json');
  const file = fromFile(filePath, Boolean(sources.file ?? env.KONTOR_CONFIG));
  const envValues = fromEnv(env);
  const flags = Object.fromEntries(Object.entries(sources.flags ?? {}).filter(([, v]) => v !== undefined));
  const merged = { ...file, ...envValues, ...flags };

  const result = configSchema.safeParse(merged);
  if (result.success) return result.data;

  const lines = result.error.issues.map((issue) => {
    const setting = String(issue.path[0] ?? '');
    const origin =
      setting in flags
        ? `flag ${flagName(setting)}`
        : setting in envValues
          ? `environment variable ${envName(setting)}`
          : setting in file
            ? `"${setting}" in ${filePath}`
            : `setting "${setting}" (flag ${flagName(setting)} or ${envName(setting)})`;
    const shown = secretSettings.has(setting) ? '(hidden)' : JSON.stringify(merged[setting as SettingName]);
    const given = setting in merged ? ` (given: ${shown})` : '';
    const message = issue.code === 'unrecognized_keys' ? `unknown setting(s) ${issue.keys.join(', ')}` : issue.message;
    return issue.code === 'unrecognized_keys' ? `- ${message} in ${filePath}` : `- ${origin}: ${message}${given}`;
  });
  throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
}
