import { Bonjour, type Service } from 'bonjour-service';
import type { Logger } from 'pino';

/** The DNS-SD service type: `_kontor._tcp`. */
const SERVICE_TYPE = 'kontor';
const WILDCARDS = new Set(['0.0.0.0', '::', '']);

/**
 * LAN discovery over mDNS (DNS-SD `_kontor._tcp`): the node announces itself with its cluster and node id, and
 * collects the addresses of the other nodes of its cluster that announce themselves on the same network. What it
 * finds is only a list of addresses to try: a peer still has to prove who it is (a signed hello) and every change
 * it forwards is verified against its origin's key.
 */
export class LanDiscovery {
  /** Made at start: Bonjour binds its UDP socket (port 5353) when made, and a node that never starts must not hold it. */
  #bonjour: Bonjour | undefined;
  readonly #found = new Map<string, string>();

  constructor(
    private readonly nodeId: string,
    private readonly logger: Logger,
    /** Called when a node of this cluster announces itself. */
    private readonly onPeer: () => void = () => undefined,
  ) {}

  /**
   * Announces this node and starts listening for the others of `clusterId`. The announced URL is the public URL
   * when there is one, else the address the node listens on; a node listening on every interface lets its
   * peers use the address the announcement came from.
   */
  start(clusterId: string, listening: { host: string; port: number }, publicUrl: string | undefined) {
    if (this.#bonjour) return;
    const bonjour = new Bonjour({}, (error: unknown) => this.logger.warn({ err: error }, 'mDNS failed'));
    this.#bonjour = bonjour;
    const url =
      publicUrl ?? (WILDCARDS.has(listening.host) ? undefined : `http://${hostPart(listening.host)}:${listening.port}`);
    bonjour.publish({
      name: `kontor-${this.nodeId}`,
      type: SERVICE_TYPE,
      port: listening.port,
      txt: { cluster: clusterId, node: this.nodeId, ...(url && { url }) },
    });
    const browser = bonjour.find({ type: SERVICE_TYPE });
    browser.on('up', (service: Service) => {
      const found = peerOf(service, clusterId);
      if (!found || found.nodeId === this.nodeId) return;
      this.#found.set(found.nodeId, found.url);
      this.onPeer();
    });
    browser.on('down', (service: Service) => {
      const node = (service.txt as Record<string, string> | undefined)?.node;
      if (node) this.#found.delete(node);
    });
  }

  /** Addresses of the peers of this cluster announced on the network now. */
  peers(): string[] {
    return [...this.#found.values()];
  }

  async stop() {
    const bonjour = this.#bonjour;
    if (!bonjour) return;
    this.#bonjour = undefined;
    await new Promise<void>((resolve) => bonjour.unpublishAll(() => resolve()));
    bonjour.destroy();
  }
}

const hostPart = (host: string) => (host.includes(':') ? `[${host}]` : host);

function peerOf(service: Service, clusterId: string): { nodeId: string; url: string } | undefined {
  const txt = (service.txt ?? {}) as Record<string, string>;
  if (txt.cluster !== clusterId || !txt.node) return undefined;
  const address = service.addresses?.find((candidate) => !candidate.includes(':')) ?? service.referer?.address;
  const url = txt.url ?? (address ? `http://${hostPart(address)}:${service.port}` : undefined);
  return url ? { nodeId: txt.node, url } : undefined;
}
