import { EventEmitter } from 'node:events';
import type { PGlite } from '@electric-sql/pglite';
import { serialize } from 'pg-protocol';

/** Prepared statements kept at most; the least recently used one is closed to make room. */
const STATEMENTS_KEPT = 500;
/**
 * Command tags of statements that may change the schema (a `DO` block in a migration may alter a table); and
 * what PostgreSQL says when a change came some other way, a function called by a statement say.
 */
const SCHEMA_CHANGE = /^(CREATE |ALTER |DROP |DO$)/;
const RESULT_CHANGED = 'cached plan must not change result type';

/**
 * The connection node-postgres talks through to a PGlite in this process, in place of a socket, made for what
 * costs time in PGlite: crossing into the WebAssembly, and PostgreSQL's work there.
 *
 * - **One call per statement.** PGlite's own adapter hands each protocol message over as it comes: a statement
 *   with parameters is five calls (parse, bind, describe, execute, sync), each with its own promise and
 *   file-system sync. pg corks its stream around those messages so that a socket sends them together; here a
 *   cork gathers them too, and the uncork hands them over in one call. The database reads them in order either
 *   way, errors included (after an error it skips to the sync, which is in the same call).
 * - **Statements parsed once.** A statement with parameters that pg sends unnamed (Kysely sends them all so) is
 *   prepared under a name the first time and reused by that name afterwards, so PostgreSQL parses and analyses
 *   it once, as postgres.js and pgx do on their own. A name counts once the database confirms the parse. The
 *   session plans every execution with its parameters' values (`plan_cache_mode = force_custom_plan`), as it
 *   plans an unnamed statement: a generic plan would change what some statements mean, not only how fast they
 *   run (an `ON CONFLICT` whose `WHERE` names a partial index by a parameter finds no index without its value).
 *   A transaction whose statements are known not to need it opts out (`Database.reusePlans`): planning was about a
 *   third of what applying a replicated change costs here.
 */
export class PgliteConnection extends EventEmitter {
  readonly #pglite: PGlite;
  #queue: Promise<unknown>;
  #corked: Uint8Array[] | undefined;
  #emitAll = false;
  /** Statement text -> the name it is prepared under; in order of last use. */
  readonly #prepared = new Map<string, string>();
  /** Parses sent under a name and not yet confirmed, in the order the database answers them. */
  #unconfirmed: string[] = [];
  /** Names to close with the next statement prepared: evicted, or kept from before a change of schema. */
  #stale: string[] = [];
  /** The name the next bind uses instead of the unnamed statement. */
  #bindTo: string | undefined;
  #statements = 0;
  #customPlans: Promise<unknown> | undefined;

  /** pg's records of the named statements this session has prepared (PGlite is one session for every client). */
  parsedStatements: Record<string, string> = {};
  submittedNamedStatements: Record<string, string> = {};
  /** Read by pg's `Client.end()`, which skips `end()` without it. */
  _connecting = false;

  /** pg treats this as the socket: corks it around a statement's messages, destroys it when a query is stuck. */
  readonly stream = {
    cork: () => {
      this.#corked ??= [];
    },
    uncork: () => {
      const messages = this.#corked;
      this.#corked = undefined;
      if (messages && messages.length > 0) this.#send(concat(messages));
    },
    destroy: () => this.end(),
  };

  constructor(pglite: PGlite) {
    super();
    this.#pglite = pglite;
    this.#queue = pglite.waitReady;
    this.on('newListener', (event) => {
      if (event === 'message') this.#emitAll = true;
    });
  }

  #write(message: Uint8Array) {
    if (this.#corked) this.#corked.push(message);
    else this.#send(message);
  }

  #send(message: Uint8Array) {
    this.#queue = this.#queue
      .then(() => this.#pglite.execProtocolStream(message, { throwOnError: false }))
      .then((replies) => {
        for (const reply of replies) {
          this.#follow(reply);
          if (this.#emitAll) this.emit('message', reply);
          // pg hears a database error as 'errorMessage'
          this.emit(reply.name === 'error' ? 'errorMessage' : reply.name, reply);
        }
      })
      .catch((error: unknown) => this.emit('error', error));
  }

  async connect() {
    this._connecting = true;
    await this.#pglite.waitReady;
    this.#customPlans ??= this.#pglite.exec('set plan_cache_mode = force_custom_plan');
    await this.#customPlans;
    process.nextTick(() => this.emit('readyForQuery'));
  }

  /** Like a socket closing. The PGlite is shared and stays open; the pool reuses this for its next client. */
  end() {
    this.#queue = this.#queue.then(() => this.emit('end'));
    for (const event of this.eventNames()) if (event !== 'newListener') this.removeAllListeners(event);
    this.#emitAll = false;
  }

  /**
   * Follows the database's answers: a parse it confirmed keeps its name, one it refused is forgotten. After a
   * change of schema every statement is prepared anew as it comes: PostgreSQL re-plans a kept statement itself,
   * but refuses to run one whose columns the change altered.
   */
  #follow(reply: { name: string; text?: string; message?: string }) {
    if (reply.name === 'parseComplete') this.#unconfirmed.shift();
    else if (reply.name === 'readyForQuery' && this.#unconfirmed.length > 0) {
      for (const key of this.#unconfirmed) this.#prepared.delete(key);
      this.#unconfirmed = [];
    } else if (
      (reply.name === 'commandComplete' && SCHEMA_CHANGE.test(reply.text ?? '')) ||
      (reply.name === 'error' && reply.message === RESULT_CHANGED)
    ) {
      this.#stale.push(...this.#prepared.values());
      this.#prepared.clear();
    }
  }

  #forgetOldest() {
    const [key, name] = this.#prepared.entries().next().value as [string, string];
    this.#prepared.delete(key);
    this.#stale.push(name);
  }

  // No network, no authentication: what pg says before the first query has no counterpart here.
  requestSsl() {}
  startup() {}
  cancel() {}
  password() {}
  ref() {}
  unref() {}

  query(text: string) {
    this.#write(serialize.query(text));
  }
  parse(query: Parameters<typeof serialize.parse>[0]) {
    if (query.name || !query.text) {
      this.#write(serialize.parse(query));
      return;
    }
    const key = query.types?.length ? `${query.types.join(',')}:${query.text}` : query.text;
    const name = this.#prepared.get(key);
    if (name !== undefined) {
      this.#prepared.delete(key);
      this.#prepared.set(key, name);
      this.#bindTo = name;
      return;
    }
    if (this.#prepared.size >= STATEMENTS_KEPT) this.#forgetOldest();
    for (const stale of this.#stale.splice(0)) this.#write(serialize.close({ type: 'S', name: stale }));
    this.#bindTo = `kontor_${++this.#statements}`;
    this.#prepared.set(key, this.#bindTo);
    this.#unconfirmed.push(key);
    this.#write(serialize.parse({ ...query, name: this.#bindTo }));
  }
  bind(config: Parameters<typeof serialize.bind>[0]) {
    const statement = config?.statement || this.#bindTo;
    this.#bindTo = undefined;
    this.#write(serialize.bind({ ...config, statement }));
  }
  describe(message: Parameters<typeof serialize.describe>[0]) {
    this.#write(serialize.describe(message));
  }
  execute(config: Parameters<typeof serialize.execute>[0]) {
    this.#write(serialize.execute(config));
  }
  close(message: Parameters<typeof serialize.close>[0]) {
    this.#write(serialize.close(message));
  }
  flush() {
    this.#write(serialize.flush());
  }
  sync() {
    this.#write(serialize.sync());
  }
  sendCopyFromChunk(chunk: Buffer) {
    this.#write(serialize.copyData(chunk));
  }
  endCopyFrom() {
    this.#write(serialize.copyDone());
  }
  sendCopyFail(message: string) {
    this.#write(serialize.copyFail(message));
  }
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0] as Uint8Array;
  const joined = new Uint8Array(parts.reduce((length, part) => length + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}

/** Pool settings for node-postgres over `pglite`: one connection, as PGlite is one session. */
export const pglitePoolConfig = (pglite: PGlite) => ({
  connection: new PgliteConnection(pglite),
  max: 1,
  user: 'postgres',
  database: 'postgres',
});
