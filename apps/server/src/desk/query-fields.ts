import { incidentPriorities, incidentStatuses } from '@kontor/contracts';
import { sql } from 'kysely';
import { AppError } from '../platform/http/errors.js';
import { compileQuery, QueryError, type QueryFields, suggest } from './query/index.js';

/**
 * The fields of the filter language over `desk.incidents as i` (docs/query-language.md). Category and group are
 * read by name through subqueries, so the same condition serves the page and its count.
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
      column: sql`(select c.name from desk.categories c where c.id = i.category_id)`,
      description: 'What it is about',
    },
    group: {
      kind: 'text',
      column: sql`(select g.name from desk.groups g where g.id = i.group_id)`,
      description: 'The team it is assigned to',
    },
    label: { kind: 'labels', column: sql`i.labels`, description: 'Labels set on it' },
    created: { kind: 'date', column: sql`i.created_at`, description: 'When it was reported' },
    updated: { kind: 'date', column: sql`i.updated_at`, description: 'When it last changed' },
    resolved: { kind: 'date', column: sql`i.resolved_at`, description: 'When it was resolved' },
    number: { kind: 'number', column: sql`i.number`, description: 'Its number (INC-000123 is 123)' },
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
