import { incidentPriorities, incidentStatuses } from '@kontor/contracts';
import { sql } from 'kysely';
import { AppError } from '../platform/http/errors.js';
import { compileQuery, QueryError, type QueryFields, suggest } from './query/index.js';

const SLA_STATES = ['ok', 'at_risk', 'breached'] as const;
/**
 * The SLA rule of docs/desk-sla.md (and `slaClocks` in the contracts): the response clock ends at the first
 * public reply or the resolution, the resolution clock at the resolution and stands still while waiting.
 */
const SLA_STATE = sql`(case
  when i.response_due_at is null and i.resolution_due_at is null then null
  when coalesce(i.first_response_at, i.resolved_at, now()) > i.response_due_at
    or coalesce(i.resolved_at, i.waiting_since, now()) > i.resolution_due_at then 'breached'
  when (i.first_response_at is null and i.resolved_at is null and now() >= i.response_warn_at)
    or (i.resolved_at is null and i.waiting_since is null and now() >= i.resolution_warn_at) then 'at_risk'
  else 'ok' end)`;
/** The due time of the next running clock; none once resolved or with no policy. */
const NEXT_DUE = sql`(case
  when i.resolved_at is not null then null
  when i.first_response_at is null
    then least(i.response_due_at, case when i.waiting_since is null then i.resolution_due_at end)
  when i.waiting_since is null then i.resolution_due_at end)`;

/**
 * The fields of the filter language over `desk.incidents as i` (docs/query-language.md). Category and group are
 * matched by name in their own tables, then by id, so the same condition serves the page and its count.
 */
export const INCIDENT_FIELDS: QueryFields = {
  fields: {
    status: {
      kind: 'enum',
      column: sql`i.status`,
      values: incidentStatuses,
      aliases: { open: ['new', 'in_progress', 'waiting'], done: ['resolved', 'closed'] },
      description: 'Where the incident is in its life',
    },
    priority: { kind: 'ordinal', column: sql`i.priority`, values: incidentPriorities, description: 'How urgent it is' },
    assignee: { kind: 'user', column: sql`i.assignee_id`, description: 'The agent working on it' },
    requester: { kind: 'user', column: sql`i.requester_user_id`, description: 'Who reported it' },
    client: { kind: 'text', column: sql`i.client_ref`, description: 'The client it concerns' },
    order: { kind: 'text', column: sql`i.order_ref`, description: 'The order it concerns' },
    category: {
      kind: 'text',
      column: sql`l.name`,
      lookup: { key: sql`i.category_id`, table: sql`desk.categories` },
      description: 'What it is about',
    },
    group: {
      kind: 'text',
      column: sql`l.name`,
      lookup: { key: sql`i.group_id`, table: sql`desk.groups` },
      description: 'The team it is assigned to',
    },
    label: { kind: 'labels', column: sql`i.labels`, description: 'Labels set on it' },
    created: { kind: 'date', column: sql`i.created_at`, description: 'When it was reported' },
    updated: { kind: 'date', column: sql`i.updated_at`, description: 'When it last changed' },
    resolved: { kind: 'date', column: sql`i.resolved_at`, description: 'When it was resolved' },
    number: { kind: 'number', column: sql`i.number`, description: 'Its number (INC-000123 is 123)' },
    sla: {
      kind: 'enum',
      column: SLA_STATE,
      values: SLA_STATES,
      description: 'Its SLA: ok, at_risk (80 % used) or breached; none without a policy',
    },
    due: { kind: 'date', column: NEXT_DUE, description: 'When its next SLA target falls due (due:<2h)' },
  },
  freeText: sql<string>`i.search_text`,
};

/** A filter that cannot run: 400 with where in the input and what would have been accepted there. */
export function queryProblem(error: QueryError): AppError {
  return new AppError(400, 'desk.query_syntax', error.message, {
    errors: [{ path: 'querystring.q', message: error.message, code: error.code }],
    extensions: { position: error.position, length: error.length, expected: error.expected },
  });
}

export function compileIncidentFilter(input: string, context: { userId: string | null; now: Date }) {
  try {
    return compileQuery(input, INCIDENT_FIELDS, context);
  } catch (error) {
    if (error instanceof QueryError) throw queryProblem(error);
    throw error;
  }
}

export function suggestIncidentFilter(input: string, cursor: number) {
  return suggest(input, cursor, INCIDENT_FIELDS).map((suggestion) => ({
    text: suggestion.text,
    from: suggestion.from,
    to: cursor,
    description: suggestion.description,
  }));
}
