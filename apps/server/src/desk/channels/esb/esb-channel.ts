import type { Platform } from '../../../platform/platform.js';
import type { ChannelIntake } from '../intake.js';
import { EsbConsumer } from './esb-consumer.js';
import { receiveEsbMessage } from './esb-message.js';

/** The ESB channel of a hub whose `deskAmqpUrl` is set (docs/desk-esb.md); without it, none. */
export function createEsbChannel(platform: Platform, intake: ChannelIntake): EsbConsumer | undefined {
  const { deskAmqpUrl, deskAmqpQueue, deskAmqpPrefetch, deskAmqpRetryMs } = platform.config;
  if (!deskAmqpUrl) return undefined;
  return new EsbConsumer(
    { url: deskAmqpUrl, queue: deskAmqpQueue, prefetch: deskAmqpPrefetch, retryDelayMs: deskAmqpRetryMs },
    (body) => receiveEsbMessage(platform.db, intake, body),
    platform.logger.child({ channel: 'esb' }),
    platform.metrics.registry,
  );
}
