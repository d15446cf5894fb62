import {
  type Activity,
  type Incident,
  type IncidentAttachment,
  type IncidentDetail,
  incidentReference,
} from '@kontor/contracts';
import { foldForSearch } from '../directory/index.js';
import type { StoredActivity, StoredIncident } from './tables.js';

const iso = (value: Date | string) => new Date(value).toISOString();
const isoOrNull = (value: Date | string | null) => (value === null ? null : iso(value));
const ref = (id: string | null, name: string | null) => (id && name !== null ? { id, name } : null);

/** What free text in a filter matches: the number both ways, title, description, requester, client, order, labels. */
export const incidentSearchText = (row: {
  number: number;
  title: string;
  description: string;
  requester_name: string;
  requester_email: string | null;
  client_ref: string;
  order_ref: string;
  labels: string[];
}) =>
  foldForSearch(
    [
      incidentReference(row.number),
      String(row.number),
      row.title,
      row.description,
      row.requester_name,
      row.requester_email ?? '',
      row.client_ref,
      row.order_ref,
      ...row.labels,
    ].join(' '),
  );

export const toIncident = (row: StoredIncident): Incident => ({
  id: row.id,
  number: Number(row.number),
  reference: incidentReference(Number(row.number)),
  title: row.title,
  description: row.description,
  status: row.status,
  priority: row.priority,
  category: ref(row.category_id, row.category_name),
  group: ref(row.group_id, row.group_name),
  assignee: ref(row.assignee_id, row.assignee_name),
  requester: { userId: row.requester_user_id, name: row.requester_name, email: row.requester_email },
  clientRef: row.client_ref,
  orderRef: row.order_ref,
  labels: row.labels,
  createdAt: iso(row.created_at),
  updatedAt: iso(row.updated_at),
  firstResponseAt: isoOrNull(row.first_response_at),
  resolvedAt: isoOrNull(row.resolved_at),
  closedAt: isoOrNull(row.closed_at),
  channel: row.channel,
  responseDueAt: isoOrNull(row.response_due_at),
  resolutionDueAt: isoOrNull(row.resolution_due_at),
  slaPausedSince: isoOrNull(row.waiting_since),
});

export const toActivity = (row: StoredActivity): Activity => ({
  id: Number(row.id),
  kind: row.kind,
  internal: row.internal,
  body: row.body,
  field: row.field,
  from: row.from_value,
  to: row.to_value,
  actor: { id: row.actor_id, name: row.actor_name },
  at: iso(row.at),
});

export const toDetail = (
  row: StoredIncident,
  timeline: StoredActivity[],
  attachments: IncidentAttachment[],
): IncidentDetail => ({
  ...toIncident(row),
  timeline: timeline.map(toActivity),
  attachments,
});
