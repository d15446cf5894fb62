import { z } from 'zod';
import { incidentPriorities } from './desk.js';

const text = (max: number) => z.string().trim().max(max);

/**
 * One incident as another system puts it on the service desk's RabbitMQ queue (docs/desk-esb.md): a JSON body,
 * UTF-8. `messageId` is the sender's own id of the message; a second delivery with the same id changes nothing.
 * Unknown keys are refused, so a misspelt field is not silently lost.
 */
export const deskEsbMessage = z.strictObject({
  messageId: z.string().trim().min(1).max(200),
  title: text(200).min(1),
  description: text(20_000).default(''),
  priority: z.enum(incidentPriorities).default('normal'),
  requester: z.strictObject({
    name: text(200).min(1),
    email: z.email().max(320).nullish(),
  }),
  clientRef: text(100).default(''),
  orderRef: text(100).default(''),
  labels: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
  /** A category by its name, ignoring case; one the desk does not know sends the message to the dead letters. */
  category: text(80).min(1).nullish(),
});
export type DeskEsbMessage = z.input<typeof deskEsbMessage>;

/** The header that tells why a message went to `<queue>.dead`. */
export const ESB_REASON_HEADER = 'x-kontor-reason';
