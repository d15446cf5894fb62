import { createHmac } from 'node:crypto';
import { WEBHOOK_HEADERS } from '@kontor/contracts';

/**
 * The `x-kontor-signature` header of a body, Stripe's scheme: the timestamp is signed with the body, so a receiver
 * that refuses old timestamps refuses replays, and the `v1=` label lets a later scheme be added beside it.
 */
export function signatureHeader(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)): string {
  const signature = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${signature}`;
}

/**
 * The wait before retry number `attempt` (1 for the first retry): exponential with "full jitter", a random time
 * up to the exponential ceiling, so receivers that failed together are not all retried in the same second.
 */
export const backoffMs = (attempt: number, baseMs: number, capMs: number, random = Math.random) =>
  Math.floor(random() * Math.min(capMs, baseMs * 2 ** (attempt - 1)));

function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && error.name === 'TimeoutError') return `no answer within ${timeoutMs / 1000} s`;
  const cause = (error as { cause?: { code?: string; message?: string } } | null)?.cause;
  const message = cause?.message ?? (error instanceof Error ? error.message : String(error));
  return (cause?.code && !message.includes(cause.code) ? `${cause.code}: ${message}` : message).slice(0, 500);
}

export interface SignedPost {
  url: string;
  secret: string;
  /** The same on every attempt, so receivers de-duplicate by it. */
  deliveryId: string;
  /** The event kind, sent as `x-kontor-event`. */
  event: string;
  /** The JSON body, exactly as signed. */
  body: string;
  timeoutMs: number;
  /** Aborts the attempt when the sender stops; the caller then sees the abort error thrown. */
  signal: AbortSignal;
}

/** What one attempt came to: a 2xx answer, or why not (the receiver's status and a short description). */
export type SignedPostOutcome =
  | { delivered: true; statusCode: number }
  | { delivered: false; statusCode: number | null; error: string };

/**
 * One signed webhook attempt (supplier feed, exported desk problems): POSTs `body` with the Kontor webhook headers.
 * Throws only when `signal` was aborted, so that the caller can give the delivery back instead of counting a failure.
 */
export async function postSigned(post: SignedPost): Promise<SignedPostOutcome> {
  try {
    const response = await fetch(post.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Kontor-Webhooks/1',
        [WEBHOOK_HEADERS.delivery]: post.deliveryId,
        [WEBHOOK_HEADERS.event]: post.event,
        [WEBHOOK_HEADERS.signature]: signatureHeader(post.secret, post.body),
      },
      body: post.body,
      // A redirect is an answer to fix at the receiver, not one to follow with the signed body.
      redirect: 'manual',
      signal: AbortSignal.any([AbortSignal.timeout(post.timeoutMs), post.signal]),
    });
    const text = (await response.text().catch(() => '')).trim();
    if (response.status >= 200 && response.status < 300) return { delivered: true, statusCode: response.status };
    return {
      delivered: false,
      statusCode: response.status,
      error: `HTTP ${response.status}${text ? `: ${text.slice(0, 300)}` : ''}`,
    };
  } catch (caught) {
    if (post.signal.aborted) throw caught;
    return { delivered: false, statusCode: null, error: describeFailure(caught, post.timeoutMs) };
  }
}
