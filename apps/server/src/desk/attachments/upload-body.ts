import type { FastifyRequest } from 'fastify';
import { attachmentTooLarge } from './attachment-errors.js';

type Done = (error: Error | null, body?: Buffer) => void;

/**
 * Reads an uploaded file (the raw request body, of any content type) up to `maxBytes`. A body declared or
 * found larger is refused as soon as that is known: its bytes are drained, never kept, so a 2 GB upload costs
 * no more memory than the limit. Fastify closes the connection after such an error.
 */
export function readUploadBody(maxBytes: number) {
  return (request: FastifyRequest, payload: NodeJS.ReadableStream, done: Done) => {
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      payload.resume();
      done(attachmentTooLarge(maxBytes));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (error: Error | null, body?: Buffer) => {
      if (settled) return;
      settled = true;
      done(error, body);
    };
    payload.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > maxBytes) {
        chunks.length = 0;
        settle(attachmentTooLarge(maxBytes));
      } else chunks.push(chunk);
    });
    payload.on('end', () => settle(null, Buffer.concat(chunks, size)));
    payload.on('error', (error: Error) => settle(error));
  };
}
