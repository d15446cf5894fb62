import type { IncidentPriority } from '@kontor/contracts';
import type { ColumnType, Generated, Kysely } from 'kysely';
import type { DeskTables } from '../tables.js';
import type { OpeningHours } from './business-hours.js';

interface CalendarRow {
  id: string;
  name: string;
  time_zone: string;
  /** jsonb: read back as the array, written as its JSON text. */
  hours: ColumnType<Array<OpeningHours | null>, string, string>;
  holidays: string[];
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

interface SlaPolicyRow {
  priority: IncidentPriority;
  calendar_id: string;
  response_minutes: number;
  resolution_minutes: number;
  updated_at: Generated<Date>;
}

export type SlaNoticeKind = 'response_warning' | 'response_breach' | 'resolution_warning' | 'resolution_breach';

interface SlaNoticeRow {
  incident_id: string;
  kind: SlaNoticeKind;
  due_at: Date;
  sent_at: Generated<Date>;
}

export interface SlaTables extends DeskTables {
  'desk.calendars': CalendarRow;
  'desk.sla_policies': SlaPolicyRow;
  'desk.sla_notices': SlaNoticeRow;
}
export type SlaDb = Kysely<SlaTables>;
