import type { SmsOutbound } from '@kontor/contracts';
import { postSigned } from '../../../platform/webhooks/signed-post.js';
import { type ChannelSender, SendFailure } from '../outbound/outbound-queue.js';

const TIMEOUT_MS = 15_000;
export const SMS_REPLY_EVENT = 'desk.sms.reply';

/**
 * Agents' replies, posted to the gateway's send endpoint as `{id, to, text}` (SmsOutbound) with the signature
 * headers every Kontor webhook carries. A 4xx other than 408/429 says the request itself is wrong: not retried.
 */
export function smsSender(url: string, secret: string): ChannelSender {
  return {
    async send(message, signal) {
      const id = `kontor-sms-${message.id}`;
      const outcome = await postSigned({
        url,
        secret,
        deliveryId: id,
        event: SMS_REPLY_EVENT,
        body: JSON.stringify({ id, to: message.address, text: message.body } satisfies SmsOutbound),
        timeoutMs: TIMEOUT_MS,
        signal,
      });
      if (outcome.delivered) return {};
      const status = outcome.statusCode;
      const permanent = status !== null && status >= 400 && status < 500 && status !== 408 && status !== 429;
      throw new SendFailure(outcome.error, permanent);
    },
  };
}
