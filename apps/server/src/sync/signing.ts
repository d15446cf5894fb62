import { createHash, type KeyObject, sign, verify } from 'node:crypto';
import canonicalize from 'canonicalize';

/** A change as it travels between nodes and into bundles. */
export interface WireChange {
  origin: string;
  seq: number;
  hlc: string;
  tx: number;
  table: string;
  key: Record<string, unknown>;
  op: 'upsert' | 'delete';
  data: Record<string, unknown> | null;
  schemaVersion: number;
  signature: string;
  /** Set when the node that holds it refused it; receivers record it without applying it. */
  rejected?: string;
  /**
   * Set on a stub standing in for a change outside the receiver's scope: no content but the scope column, no
   * signature; it keeps the origin's sequence gap-free and is never applied.
   */
  filtered?: true;
}

/** What an origin signs: every field that gives the change its meaning, in RFC 8785 canonical JSON. */
function signedBytes(change: Omit<WireChange, 'signature' | 'rejected'>): Buffer {
  const { origin, seq, hlc, tx, table, key, op, data, schemaVersion } = change;
  return Buffer.from(canonicalize({ origin, seq, hlc, tx, table, key, op, data, schemaVersion }) ?? '', 'utf8');
}

export function signChange(privateKey: KeyObject, change: Omit<WireChange, 'signature' | 'rejected'>): string {
  return sign(null, signedBytes(change), privateKey).toString('base64');
}

export function changeSignatureValid(publicKey: KeyObject, change: WireChange): boolean {
  try {
    return verify(null, signedBytes(change), publicKey, Buffer.from(change.signature, 'base64'));
  } catch {
    return false;
  }
}

export const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** The bytes a node signs to authenticate one HTTP request to another node. */
export const requestBytes = (method: string, path: string, time: string, body: string) =>
  Buffer.from(`${method}\n${path}\n${time}\n${sha256Hex(body)}`, 'utf8');

export function signBytes(privateKey: KeyObject, bytes: Buffer): string {
  return sign(null, bytes, privateKey).toString('base64');
}

export function bytesSignatureValid(publicKey: KeyObject, bytes: Buffer, signature: string): boolean {
  try {
    return verify(null, bytes, publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
