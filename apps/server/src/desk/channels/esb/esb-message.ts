import { deskEsbMessage } from '@kontor/contracts';
import { AppError } from '../../../platform/http/errors.js';
import type { Db } from '../../../platform/platform.js';
import { listsRepository } from '../../incidents-repository.js';
import type { DeskDb } from '../../tables.js';
import type { ChannelIntake, InboundMessage, Received } from '../intake.js';

/** What became of one queued message: an incident (or a repeat of one), or a dead letter and why. */
export type EsbOutcome = { kind: 'received'; received: Received } | { kind: 'dead'; reason: string };

const REASON_MAX = 1000;
const dead = (reason: string): EsbOutcome => ({ kind: 'dead', reason: reason.slice(0, REASON_MAX) });

/**
 * Reads one ESB message (docs/desk-esb.md) and hands it to the channel intake. A message that can never succeed
 * — not JSON, against the schema, naming an unknown category, refused by the desk's rules — is answered `dead`;
 * anything else that fails (the database away) is thrown, and the consumer tries the message again later.
 */
export async function receiveEsbMessage(db: Db, intake: ChannelIntake, body: Buffer): Promise<EsbOutcome> {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch (error) {
    return dead(`not JSON: ${(error as Error).message}`);
  }
  const parsed = deskEsbMessage.safeParse(json);
  if (!parsed.success)
    return dead(
      `schema: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || '(message)'}: ${issue.message}`).join('; ')}`,
    );
  const message = parsed.data;
  let categoryId: string | null = null;
  if (message.category) {
    const category = await listsRepository.byName(db as DeskDb, 'desk.categories', message.category);
    if (!category?.active) return dead(`category: no category "${message.category}" is in use`);
    categoryId = category.id;
  }
  const inbound: InboundMessage = {
    channel: 'esb',
    externalId: message.messageId,
    threadKeys: [],
    inReplyTo: [],
    from: {
      name: message.requester.name,
      email: message.requester.email ?? null,
      address: message.requester.email ?? message.requester.name,
    },
    subject: message.title,
    body: message.description,
    fields: {
      priority: message.priority,
      clientRef: message.clientRef,
      orderRef: message.orderRef,
      labels: message.labels,
      categoryId,
    },
  };
  try {
    return { kind: 'received', received: await intake.receive(inbound) };
  } catch (error) {
    // The desk refused the content (a 4xx of its rules): sending it again would be refused again.
    if (error instanceof AppError && error.status < 500) return dead(`${error.code}: ${error.message}`);
    throw error;
  }
}
