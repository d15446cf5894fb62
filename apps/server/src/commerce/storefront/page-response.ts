import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

const COMPRESS_FROM_BYTES = 1024;

export const acceptsGzip = (request: FastifyRequest) =>
  /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));

/** True when the request's If-None-Match names this validator (or any). */
const matches = (request: FastifyRequest, etag: string) =>
  String(request.headers['if-none-match'] ?? '')
    .split(',')
    .some((tag) => tag.trim() === etag || tag.trim() === '*');

/**
 * Sends a rendered page. Pages depend on the language and currency cookies and show the visitor's cart count, so
 * shared caches must not keep them (`private`, varying by Cookie); every client revalidates (`no-cache`), and a weak
 * ETag of the page makes that cheap: a crawler, which sends no cookie and so always sees the count 0, or a returning
 * browser gets 304 until the page (prices, stock, the count) changes. Pages are gzipped here because the platform
 * has no compression of its own and a phone on a slow network is who they are for.
 */
export function sendHtml(request: FastifyRequest, reply: FastifyReply, status: number, page: string) {
  const body = Buffer.from(page, 'utf8');
  const etag = `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'private, no-cache')
    .header('vary', 'Accept-Language, Cookie, Accept-Encoding')
    .header('etag', etag);
  if (status === 200 && matches(request, etag)) return reply.code(304).send();
  if (body.length >= COMPRESS_FROM_BYTES && acceptsGzip(request)) {
    return reply.header('content-encoding', 'gzip').send(gzipSync(body, { level: 6 }));
  }
  return reply.send(body);
}

/** A permanent move that keeps the query (an old product link with `?lang=en` stays in English). */
export function sendMoved(request: FastifyRequest, reply: FastifyReply, path: string) {
  const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
  return reply.code(301).header('cache-control', 'public, max-age=3600').redirect(`${path}${query}`, 301);
}
