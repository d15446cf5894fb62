import type { FastifyRequest } from 'fastify';
import { AppError } from '../platform/http/errors.js';
import type { Db } from '../platform/platform.js';
import type { NodeIdentity } from './node-identity.js';
import { publicKeyObject } from './node-identity.js';
import { type RegisteredNode, registry } from './registry.js';
import { bytesSignatureValid, requestBytes, signBytes } from './signing.js';

export const PROTOCOL_VERSION = 1;

declare module 'fastify' {
  interface FastifyRequest {
    rawBody?: string;
    /** The enrolled node that signed this request (node-signed sync routes only). */
    syncPeer?: RegisteredNode;
  }
}

/** Headers with which a node proves to another that a request is its own and fresh. */
export function nodeRequestHeaders(identity: NodeIdentity, method: string, path: string, body: string) {
  const time = new Date().toISOString();
  return {
    'x-kontor-node': identity.nodeId,
    'x-kontor-time': time,
    'x-kontor-protocol': String(PROTOCOL_VERSION),
    'x-kontor-signature': signBytes(identity.privateKey, requestBytes(method, path, time, body)),
  };
}

const refuse = (code: string, message: string, status = 401) => new AppError(status, code, message);

/** The enrolled, unrevoked node that signed this request, or a 401/403/409 naming what is wrong. */
export async function verifyNodeRequest(db: Db, request: FastifyRequest, maxSkewMs: number): Promise<RegisteredNode> {
  const header = (name: string) => {
    const value = request.headers[name];
    return typeof value === 'string' ? value : undefined;
  };
  const protocol = Number(header('x-kontor-protocol'));
  if (protocol !== PROTOCOL_VERSION) {
    throw refuse(
      'sync.incompatible_protocol',
      `This node speaks sync protocol ${PROTOCOL_VERSION}; the request used ${protocol || 'none'}`,
      409,
    );
  }
  const nodeId = header('x-kontor-node');
  const time = header('x-kontor-time');
  const signature = header('x-kontor-signature');
  if (!nodeId || !time || !signature)
    throw refuse('sync.unsigned', 'Node requests must carry x-kontor-node, -time and -signature');
  if (Math.abs(Date.now() - Date.parse(time)) > maxSkewMs) {
    throw refuse('sync.clock_skew', `The request time ${time} is too far from this node's clock; check both clocks`);
  }
  const node = await registry.find(db, nodeId);
  if (!node) throw refuse('sync.unknown_node', `Node ${nodeId} is not enrolled here`);
  if (node.revokedAt) throw refuse('sync.node_revoked', `Node ${nodeId} was revoked`, 403);
  const path = request.url.split('?')[0] ?? '';
  if (
    !bytesSignatureValid(
      publicKeyObject(node.publicKey),
      requestBytes(request.method, path, time, request.rawBody ?? ''),
      signature,
    )
  ) {
    throw refuse('sync.bad_signature', 'The request signature does not match the node key');
  }
  return node;
}
