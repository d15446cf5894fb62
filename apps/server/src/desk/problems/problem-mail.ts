import { incidentReference, type ProblemDetail } from '@kontor/contracts';
import type { Mailer } from '../../platform/mail/mail-queue.js';
import type { Db } from '../../platform/platform.js';
import type { problemRepository } from './problem-repository.js';

type LinkedIncident = Awaited<ReturnType<typeof problemRepository.incidents>>[number];

/**
 * E-mails the requesters a closing problem's resolution would otherwise not reach: those outside Kontor whose
 * incident an agent took in the web, at the address the agent noted. E-mail, Telegram and SMS incidents get the
 * resolution back over their channel (the channels' observers), and Kontor users hear of it from the desk's
 * notifications, by e-mail too if they chose so; a message from here as well would tell them twice. One message per
 * address, naming each of their incidents; queued in the closing transaction, deduplicated per problem and address.
 */
export async function notifyRequesters(
  trx: Db,
  mail: Mailer,
  closing: {
    problem: Pick<ProblemDetail, 'id' | 'reference' | 'title'>;
    resolution: string;
    incidents: LinkedIncident[];
  },
) {
  const byAddress = new Map<string, { name: string; incidents: Array<{ reference: string; title: string }> }>();
  for (const incident of closing.incidents) {
    if (incident.channel !== 'web' || !incident.requester_email) continue;
    const address = incident.requester_email.toLowerCase();
    const entry = byAddress.get(address) ?? { name: incident.requester_name, incidents: [] };
    entry.incidents.push({ reference: incidentReference(Number(incident.number)), title: incident.title });
    byAddress.set(address, entry);
  }
  for (const [address, { name, incidents }] of byAddress)
    await mail.enqueue(trx, {
      to: address,
      subject: `Löst / Resolved: ${incidents.map((incident) => incident.reference).join(', ')}`,
      text: [
        `Hej ${name},`,
        '',
        'ditt ärende är löst / your incident has been resolved:',
        ...incidents.map((incident) => `  ${incident.reference} ${incident.title}`),
        '',
        closing.resolution,
        '',
        `(${closing.problem.reference} ${closing.problem.title})`,
      ].join('\n'),
      dedupeKey: `desk-problem-closed:${closing.problem.id}:${address}`,
    });
}
