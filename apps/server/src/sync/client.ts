import type { Logger } from 'pino';
import WebSocket from 'ws';
import { SYNC_CHANNEL } from './applier.js';
import { changeLog, type Vector } from './change-log.js';
import type { NudgeMessage } from './nudges.js';
import { PeerConnection, PeerError } from './peer-connection.js';
import type { Hello, SyncService } from './service.js';
import type { WireChange } from './signing.js';

const PAGE = 2_000;
const MAX_BACKOFF_MS = 30_000;
/** The socket is pinged this often; one that has not answered the previous ping by the next is given up. */
const PING_MS = 10_000;
/** Beyond this many streamed changes waiting, a round pulls them in pages instead. */
const MAX_STREAMED = 2_000;

/** A round that reached no hub; `peers` says how many other nodes it exchanged changes with instead. */
export class HubUnreachable extends Error {
  override name = 'HubUnreachable';
  constructor(
    message: string,
    readonly peers: number,
  ) {
    super(message);
  }
}

class NotEnrolled extends Error {
  override name = 'NotEnrolled';
}

const failureOf = (error: unknown) =>
  ({
    code:
      error instanceof HubUnreachable ? 'hub_unreachable' : error instanceof NotEnrolled ? 'not_enrolled' : 'failed',
    message: (error as Error).message,
  }) as const;

/** A message of the hub's nudge socket; anything else is taken as a plain "changed". */
function parseNudge(text: string): NudgeMessage | undefined {
  try {
    const message = JSON.parse(text) as Partial<NudgeMessage>;
    if (message.type === 'changes' && Array.isArray(message.changes)) return message as NudgeMessage;
  } catch {
    // not JSON: still a sign that something changed
  }
  return undefined;
}

/**
 * A node's side of sync with the others, for as long as it runs. A client enrolls once, loads the hub's
 * snapshot once, then exchanges changes with the hub; when the hub cannot be reached it tries the other
 * addresses it knows (the fallback list, `kontor upstream set`) and exchanges changes with every peer it reaches
 * (store and forward), and it follows a newer epoch wherever it learns of one. A hub with a fallback list looks
 * there for a newer hub, so that an old hub coming back becomes a client and merges. Failures are retried with
 * exponential backoff and jitter, forever; each attempt starts from the database, so waiting costs no memory.
 */
export class SyncClient {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #stopped = true;
  #failures = 0;
  #again = false;
  /** Changes the hub streamed that wait for the current work to finish. */
  #streamed: WireChange[] = [];
  #nudges: { url: string; socket: WebSocket; pinger: NodeJS.Timeout } | undefined;
  /** The hub as met at the last successful round. */
  #hub: { peer: PeerConnection; hello: Hello } | undefined;
  #stopListening: (() => void) | undefined;
  #stopHearingCommits: Promise<() => Promise<void>> | undefined;

  constructor(
    private readonly sync: SyncService,
    private readonly logger: Logger,
    /** Peers found on the local network now (mDNS); tried after the hub and the configured fallbacks. */
    private readonly discovered: () => string[] = () => [],
  ) {}

  start() {
    this.#stopped = false;
    // A promotion here or a newer epoch learnt from a peer changes whom to talk to: start over at once.
    this.#stopListening = this.sync.onAuthorityChange(() => {
      this.#hub = undefined;
      this.#closeNudges();
      this.nudge();
    });
    // A local write (the capture trigger notifies with no payload) goes to the hub as it commits, while the hub is
    // known to answer; otherwise the rounds and their back-off carry it.
    this.#stopHearingCommits = this.sync.platform.database.listen(SYNC_CHANNEL, (payload) => {
      if (payload === '' && this.#nudges?.socket.readyState === WebSocket.OPEN && !this.sync.isHub) this.nudge();
    });
    this.#stopHearingCommits.catch((error: unknown) =>
      this.logger.warn({ err: error }, 'cannot hear local commits; rounds will send them'),
    );
    this.#schedule(0);
  }

  async stop() {
    this.#stopped = true;
    clearTimeout(this.#timer);
    this.#stopListening?.();
    this.#closeNudges();
    await (await this.#stopHearingCommits?.catch(() => undefined))?.();
    await this.#running?.catch(() => undefined);
  }

  /** Syncs now; a call during a round runs one more round after it, so no nudge is lost. */
  syncNow(): Promise<void> {
    this.#again = true;
    return this.#work();
  }

  /**
   * Applies changes the hub streamed, without a round trip; several that arrive while this node is busy go in
   * one transaction. When this node lacks something before them (it missed a stream while away), they are held
   * and a round pulls what is missing.
   */
  #applyStreamed(changes: WireChange[]) {
    if (this.#stopped) return;
    if (this.#streamed.length + changes.length > MAX_STREAMED) {
      this.#streamed = [];
      this.#again = true;
    } else {
      this.#streamed.push(...changes);
    }
    this.#work().catch(() => this.nudge());
  }

  /** Does what was asked, streamed changes first, until nothing more is: one thing at a time, nothing lost. */
  #work(): Promise<void> {
    if (this.#running) return this.#running;
    this.#running = (async () => {
      try {
        // One piece of work at least, even on a client that is not running (`kontor enroll` asks it once).
        while (this.#streamed.length > 0 || this.#again) {
          if (this.#streamed.length > 0) {
            const changes = this.#streamed;
            this.#streamed = [];
            const outcome = await this.sync.receive(null, changes);
            if (outcome.waiting > 0) this.#again = true;
          } else {
            this.#again = false;
            await this.#round();
          }
          if (this.#stopped) break;
        }
      } finally {
        this.#running = undefined;
      }
    })();
    return this.#running;
  }

  /** Syncs as soon as it can: something changed, or a peer appeared. */
  nudge() {
    if (this.#stopped) return;
    void this.#attempt();
  }

  /** Keeps a WebSocket to the hub open; each message from it means "I have new changes". */
  #listenForNudges(hubUrl: string) {
    if (this.#stopped || this.#nudges?.url === hubUrl) return;
    this.#closeNudges();
    const url = new URL('/api/sync/nudges', hubUrl);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = new WebSocket(url, {
      headers: new PeerConnection(this.sync.identity, hubUrl).signedHeaders('GET', url.pathname, ''),
    });
    // A socket that stopped answering (the hub's machine gone without a word) is given up, as a closed one is.
    let answered = true;
    const pinger = setInterval(() => {
      if (!answered) socket.terminate();
      else if (socket.readyState === WebSocket.OPEN) {
        answered = false;
        socket.ping();
      }
    }, PING_MS).unref();
    const nudges = { url: hubUrl, socket, pinger };
    this.#nudges = nudges;
    const heard = () => {
      answered = true;
      this.sync.hubHeardAt = new Date();
    };
    let opened = false;
    // Whatever the hub committed between our last pull and this socket opening would otherwise wait a round.
    socket.on('open', () => {
      opened = true;
      heard();
      this.nudge();
    });
    socket.on('pong', heard);
    socket.on('message', (data) => {
      heard();
      const message = parseNudge(String(data));
      if (message?.type === 'changes') this.#applyStreamed(message.changes);
      else this.nudge();
    });
    socket.on('error', () => undefined); // 'close' follows
    socket.on('close', () => {
      clearInterval(pinger);
      if (this.#nudges !== nudges) return; // replaced or closed on purpose
      this.#nudges = undefined;
      this.sync.hubHeardAt = undefined;
      // Rounds carry everything again, at their ordinary pace: after a connection that dropped, the next one now,
      // to reconnect or find out why not. A socket the hub would not open waits for the ordinary round, or a hub
      // refusing it would be asked again at once, forever.
      if (opened) this.nudge();
    });
  }

  #closeNudges() {
    const nudges = this.#nudges;
    this.#nudges = undefined;
    this.sync.hubHeardAt = undefined;
    if (!nudges) return;
    clearInterval(nudges.pinger);
    nudges.socket.close();
  }

  /** Syncs now, then schedules the next round: at the ordinary pace, or later after failures (back-off). */
  async #attempt() {
    try {
      await this.syncNow();
      this.#failures = 0;
      this.sync.lastError = null;
    } catch (error) {
      // Exchanging with LAN peers is progress too: keep the ordinary pace while the hub is away.
      const peersOnly = error instanceof HubUnreachable && error.peers > 0;
      this.#failures = peersOnly ? 0 : this.#failures + 1;
      this.sync.lastError = failureOf(error);
      // Waiting to be enrolled (from the first-run page) is a state, not a failure worth a warning each time.
      if (error instanceof NotEnrolled) this.logger.debug(error.message);
      else this.logger.warn({ err: error, failures: this.#failures }, 'sync with the hub failed; will retry');
    }
    const connected = this.#nudges?.socket.readyState === WebSocket.OPEN;
    const { syncIntervalMs, syncConnectedIntervalMs } = this.sync.platform.config;
    const pace = connected ? syncConnectedIntervalMs : syncIntervalMs;
    this.#schedule(this.#failures === 0 ? pace : this.#backoff());
  }

  #schedule(delayMs: number) {
    if (this.#stopped) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#attempt(), delayMs);
    this.#timer.unref();
  }

  #backoff(): number {
    const ceiling = Math.min(MAX_BACKOFF_MS, 500 * 2 ** Math.min(this.#failures, 10));
    return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
  }

  async #round() {
    const { db, config } = this.sync.platform;
    let cluster = await changeLog.cluster(db);
    if (!cluster) {
      if (this.sync.isHub) return;
      await this.#enroll();
      cluster = await changeLog.cluster(db);
    }
    if (cluster && !cluster.bootstrapped) {
      const hub = new PeerConnection(this.sync.identity, cluster.hub_url ?? config.upstream ?? '');
      await this.sync.snapshots.load(await hub.snapshot(await this.sync.publicKeyOf(cluster.hub_node_id)));
    }
    // Offline writes are signed while waiting, so a reconnect only has to send them.
    await this.sync.signPending();
    if (this.sync.isHub) await this.#lookForNewerHub();
    else await this.#syncWithHub();
  }

  async #enroll() {
    const { config } = this.sync.platform;
    if (!config.enrollCode || !config.upstream)
      throw new NotEnrolled(
        'this client is not enrolled: open its web page to enroll it, or start it once with --upstream <hub URL> --enroll <code>',
      );
    await this.sync.joinCluster(config.upstream, config.enrollCode);
  }

  /** Every address this node knows for its hub or its peers, the current hub's first. */
  async #addresses(): Promise<string[]> {
    const { db, config } = this.sync.platform;
    const cluster = await changeLog.cluster(db);
    const known = [cluster?.hub_url, config.upstream, ...config.syncPeers, ...this.discovered()];
    return [...new Set(known.filter((url): url is string => Boolean(url) && url !== config.publicUrl))];
  }

  /**
   * Says hello to a node of this cluster; undefined when it cannot be reached, is this node itself, or belongs
   * to another cluster (noted in `problems`).
   */
  async #meet(url: string, problems: string[]): Promise<{ peer: PeerConnection; hello: Hello } | undefined> {
    const peer = new PeerConnection(this.sync.identity, url);
    try {
      const hello = await peer.hello(await this.sync.hello(), (nodeId) => this.sync.publicKeyOf(nodeId));
      if (hello.nodeId === this.sync.identity.nodeId) return undefined;
      return { peer, hello };
    } catch (error) {
      problems.push((error as Error).message);
      return undefined;
    }
  }

  async #syncWithHub() {
    const { db } = this.sync.platform;
    const problems: string[] = [];
    let peers = 0;
    // While the hub answers, each round goes straight to the exchange; a hello is said again after any failure.
    const known = this.#hub;
    this.#hub = undefined;
    if (known && (await changeLog.cluster(db))?.hub_node_id === known.hello.nodeId) {
      try {
        await this.#exchange(known.peer, true, known.hello.nodeId);
        await changeLog.markSynced(db);
        this.#hub = known;
        // A socket the hub closed (a restart between two rounds, a proxy's idle timeout) opens again.
        this.#listenForNudges(known.peer.url);
        return;
      } catch (error) {
        problems.push((error as Error).message);
      }
    }
    for (const url of await this.#addresses()) {
      const met = await this.#meet(url, problems);
      if (!met) continue;
      // Pulling may bring a newer epoch: whether this is the hub is decided after the exchange.
      const isHub = async () => met.hello.nodeId === (await changeLog.cluster(db))?.hub_node_id;
      try {
        await this.#exchange(met.peer, await isHub(), met.hello.nodeId);
      } catch (error) {
        problems.push((error as Error).message);
        continue;
      }
      if (await isHub()) {
        await changeLog.setHubUrl(db, url);
        await changeLog.markSynced(db);
        this.#hub = met;
        this.#listenForNudges(url);
        return;
      }
      peers += 1;
    }
    const reason = problems.length > 0 ? problems.join('; ') : 'no address of the hub is known';
    throw new HubUnreachable(
      `the hub cannot be reached (${reason})${peers > 0 ? `; exchanged changes with ${peers} peer(s)` : ''}`,
      peers,
    );
  }

  /** A hub asks its fallback list whether another node has been promoted meanwhile, and follows it if so. */
  async #lookForNewerHub() {
    const cluster = await changeLog.cluster(this.sync.platform.db);
    if (!cluster) return;
    for (const url of await this.#addresses()) {
      const met = await this.#meet(url, []);
      if (!met || met.hello.clusterId !== cluster.cluster_id) continue;
      const rival = met.hello.role === 'hub' && met.hello.epoch === cluster.epoch;
      if ((met.hello.epoch ?? 0) > cluster.epoch || rival) await this.#exchange(met.peer, false, met.hello.nodeId);
      if (!this.sync.isHub) return; // demoted by what it pulled: the next round syncs with the new hub
    }
  }

  /** Sends what the hub has not confirmed of this node's own changes, then starts over from its snapshot. */
  async #reset(hub: PeerConnection) {
    const own = this.sync.identity.nodeId;
    for (;;) {
      const confirmed = this.sync.confirmedSeq;
      const { changes, more } = await this.sync.changesBeyond(
        { ...(await this.sync.vector()), [own]: confirmed },
        PAGE,
      );
      const mine = changes.filter((change) => change.origin === own);
      if (mine.length > 0) await this.sync.confirm((await hub.push(mine)).vector[own] ?? 0);
      if (!more || mine.length === 0 || this.sync.confirmedSeq === confirmed) break;
    }
    const cluster = await changeLog.cluster(this.sync.platform.db);
    await this.sync.snapshots.resetFrom(
      await hub.snapshot(cluster && (await this.sync.publicKeyOf(cluster.hub_node_id))),
    );
  }

  /** Pulls what the peer has beyond this node's vector, then pushes what this node has beyond the peer's. */
  async #exchange(peer: PeerConnection, isHub: boolean, peerId: string) {
    const scope = await this.sync.scopeOf(peerId);
    const own = this.sync.identity.nodeId;
    let theirs: Vector = {};
    // The hub also says which of this node's changes it refused since this node last heard.
    let rejectedAfter = isHub ? await this.sync.rejectionsHeardSeq() : undefined;
    for (;;) {
      const answer = await peer.pull(await this.sync.vector(), rejectedAfter).catch(async (error: unknown) => {
        if (!(isHub && error instanceof PeerError && error.code === 'sync.reset_required')) throw error;
        await this.#reset(peer);
        return peer.pull(await this.sync.vector(), rejectedAfter);
      });
      theirs = answer.vector;
      await this.sync.receive(null, answer.changes);
      if (rejectedAfter !== undefined) await this.sync.hearRejections(answer.rejections, theirs[own] ?? 0);
      if (isHub) await this.sync.confirm(theirs[own] ?? 0);
      rejectedAfter = undefined;
      if (!answer.more) break;
    }
    await this.sync.recordPeer(peerId, theirs);
    for (;;) {
      const { changes, more } = await this.sync.changesBeyond(theirs, PAGE, scope);
      if (changes.length === 0) return;
      const answer = await peer.push(changes);
      // The hub refused some: the next round's pull brings its reasons, so the badges say why at once.
      if (isHub && answer.outcome.rejected > 0) this.#again = true;
      // What the peer could not apply yet (it lacks an earlier change) is not offered again this round.
      theirs = { ...answer.vector };
      for (const change of changes) theirs[change.origin] = Math.max(theirs[change.origin] ?? 0, change.seq);
      if (isHub) await this.sync.confirm(answer.vector[own] ?? 0);
      if (!more) return;
    }
  }
}
