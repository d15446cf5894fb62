import type { BundleImportOutcome, BundleRefusalReason, NodeVector } from '@kontor/contracts';
import { useQuery } from '@tanstack/react-query';
import { ApiError, api } from '../../../app/api-client';
import { type UploadOptions, uploadFile } from '../../../app/file-upload';

export type { BundleImportOutcome, BundleRefusalReason, NodeVector };

export const nodeVectorQueryKey = ['sync', 'vector'] as const;

export function useNodeVector() {
  return useQuery({ queryKey: nodeVectorQueryKey, queryFn: () => api<NodeVector>('/api/sync/vector') });
}

export type Vector = Record<string, number>;
export type ExportChoice = { kind: 'everything' } | { kind: 'since'; vector: Vector } | { kind: 'snapshot' };

/** The export is a plain download the browser streams to disk, so a large bundle never passes through the page. */
export function bundleExportUrl(choice: ExportChoice): string {
  if (choice.kind === 'snapshot') return '/api/sync/bundle?full=1';
  if (choice.kind === 'since') return `/api/sync/bundle?since=${encodeURIComponent(JSON.stringify(choice.vector))}`;
  return '/api/sync/bundle';
}

const NODE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A pasted version vector (node id to sequence number, as the other node shows it), or null when it is not one. */
export function parseVector(text: string): Vector | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const entries = Object.entries(value);
  const valid = entries.every(([node, seq]) => NODE_ID.test(node) && Number.isSafeInteger(seq) && seq >= 0);
  return valid ? (Object.fromEntries(entries) as Vector) : null;
}

/** The reason named by a refusal's problem code `sync.bundle_<reason>`, if the error is one. */
export function bundleRefusalReason(error: unknown): string | undefined {
  return error instanceof ApiError && error.code.startsWith('sync.bundle_')
    ? error.code.slice('sync.bundle_'.length)
    : undefined;
}

/** Sends a bundle file for import, reporting how much of it has gone. */
export function uploadBundle(file: File, options: UploadOptions): Promise<BundleImportOutcome> {
  return uploadFile('/api/sync/bundle', file, 'application/gzip', options);
}
