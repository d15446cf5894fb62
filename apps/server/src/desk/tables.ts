import type { IncidentChannel, IncidentPriority, IncidentStatus } from '@kontor/contracts';
import type { Generated, Kysely, Selectable } from 'kysely';

export interface IncidentRow {
  id: string;
  number: Generated<number>;
  title: string;
  description: string;
  status: Generated<IncidentStatus>;
  priority: IncidentPriority;
  category_id: string | null;
  group_id: string | null;
  assignee_id: string | null;
  assignee_name: string | null;
  requester_user_id: string | null;
  requester_name: string;
  requester_email: string | null;
  client_ref: string;
  order_ref: string;
  labels: string[];
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  first_response_at: Date | null;
  resolved_at: Date | null;
  closed_at: Date | null;
  search_text: string;
  channel: Generated<IncidentChannel>;
  channel_address: string | null;
  /** Set by the SLA policy of the incident's priority; null where no policy applies. */
  response_due_at: Date | null;
  resolution_due_at: Date | null;
  /** When 80 % of each target is used (migration 0007, desk/sla/). */
  response_warn_at: Generated<Date | null>;
  resolution_warn_at: Generated<Date | null>;
  /** The resolution clock stops while the incident waits. */
  waiting_since: Generated<Date | null>;
  sla_paused_minutes: Generated<number>;
}

interface ListRow {
  id: string;
  name: string;
  active: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ActivityRow {
  id: Generated<number>;
  incident_id: string;
  kind: 'comment' | 'change';
  internal: Generated<boolean>;
  body: string | null;
  field: string | null;
  from_value: string | null;
  to_value: string | null;
  actor_id: string | null;
  actor_name: string;
  at: Generated<Date>;
}

interface InboundMessageRow {
  channel: IncidentChannel;
  external_id: string;
  incident_id: string;
  received_at: Generated<Date>;
}

interface MessageThreadRow {
  channel: IncidentChannel;
  thread_key: string;
  incident_id: string;
}

interface GroupMemberRow {
  group_id: string;
  user_id: string;
}

export interface DeskTables {
  'desk.group_members': GroupMemberRow;
  'desk.incidents': IncidentRow;
  'desk.inbound_messages': InboundMessageRow;
  'desk.message_threads': MessageThreadRow;
  'desk.categories': ListRow;
  'desk.groups': ListRow;
  'desk.activities': ActivityRow;
}

export type DeskDb = Kysely<DeskTables>;
export type StoredIncident = Selectable<IncidentRow> & { category_name: string | null; group_name: string | null };
export type StoredActivity = Selectable<ActivityRow>;
export type ListTable = 'desk.categories' | 'desk.groups';
