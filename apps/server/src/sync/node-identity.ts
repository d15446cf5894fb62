import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, randomUUID } from 'node:crypto';

export interface NodeIdentity {
  nodeId: string;
  /** SPKI PEM; what other nodes verify this node's signatures with. */
  publicKey: string;
  privateKey: KeyObject;
}

/** A new node id and Ed25519 key pair, the private key as PKCS#8 PEM for storing. */
export function generateIdentity(): { nodeId: string; publicKey: string; privateKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    nodeId: randomUUID(),
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

export const identityFrom = (stored: { nodeId: string; publicKey: string; privateKeyPem: string }): NodeIdentity => ({
  nodeId: stored.nodeId,
  publicKey: stored.publicKey,
  privateKey: createPrivateKey(stored.privateKeyPem),
});

/** Parsed once per key: verifying a page of changes would otherwise parse the same PEM for each of them. */
const parsedKeys = new Map<string, KeyObject>();

export function publicKeyObject(pem: string): KeyObject {
  let key = parsedKeys.get(pem);
  if (!key) {
    key = createPublicKey(pem);
    parsedKeys.set(pem, key);
  }
  return key;
}
