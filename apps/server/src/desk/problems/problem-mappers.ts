import {
  type DeskProblem,
  incidentReference,
  type ProblemActivity,
  type ProblemDetail,
  type ProblemExportState,
  type ProblemIncident,
  type ProblemRule,
  problemReference,
} from '@kontor/contracts';
import type { problemRepository } from './problem-repository.js';
import type { StoredExport, StoredProblem, StoredRule } from './tables.js';

const iso = (value: Date | string) => new Date(value).toISOString();
const isoOrNull = (value: Date | string | null) => (value === null ? null : iso(value));
const ref = (id: string | null, name: string | null) => (id && name !== null ? { id, name } : null);

type LinkedRow = Awaited<ReturnType<typeof problemRepository.incidents>>[number];
type ActivityRow = Awaited<ReturnType<typeof problemRepository.timeline>>[number];

export const toExportState = (row: StoredExport | undefined): ProblemExportState | null =>
  row
    ? {
        status: row.status,
        attempts: row.attempts,
        lastError: row.last_error,
        requestedAt: iso(row.created_at),
        sentAt: isoOrNull(row.sent_at),
      }
    : null;

export const toProblem = (row: StoredProblem, latestExport: StoredExport | undefined): DeskProblem => ({
  id: row.id,
  number: Number(row.number),
  reference: problemReference(Number(row.number)),
  title: row.title,
  description: row.description,
  status: row.status,
  category: ref(row.category_id, row.category_name),
  rule: ref(row.rule_id, row.rule_name),
  createdBy: { id: row.created_by, name: row.created_by_name },
  createdAt: iso(row.created_at),
  updatedAt: iso(row.updated_at),
  closedAt: isoOrNull(row.closed_at),
  resolution: row.resolution,
  incidentCount: Number(row.incident_count),
  openIncidentCount: Number(row.open_incident_count),
  export: toExportState(latestExport),
});

export const toProblemIncident = (row: LinkedRow): ProblemIncident => ({
  id: row.id,
  reference: incidentReference(Number(row.number)),
  title: row.title,
  status: row.status,
  channel: row.channel,
  requesterName: row.requester_name,
  createdAt: iso(row.created_at),
  linkedAt: iso(row.linked_at),
});

const toProblemActivity = (row: ActivityRow): ProblemActivity => ({
  id: Number(row.id),
  kind: row.kind,
  incidentReference: row.incident_number === null ? null : incidentReference(Number(row.incident_number)),
  body: row.body,
  actor: { id: row.actor_id, name: row.actor_name },
  at: iso(row.at),
});

export const toProblemDetail = (
  row: StoredProblem,
  latestExport: StoredExport | undefined,
  incidents: LinkedRow[],
  timeline: ActivityRow[],
): ProblemDetail => ({
  ...toProblem(row, latestExport),
  incidents: incidents.map(toProblemIncident),
  timeline: timeline.map(toProblemActivity),
});

export const toRule = (row: StoredRule): ProblemRule => ({
  id: row.id,
  name: row.name,
  kind: row.kind,
  category: ref(row.category_id, row.category_name),
  threshold: row.threshold,
  windowMinutes: row.window_minutes,
  active: row.active,
});
