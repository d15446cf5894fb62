import type { ProblemExportStatus, ProblemRuleKind, ProblemStatus, problemActivityKinds } from '@kontor/contracts';
import type { ColumnType, Generated, Kysely, Selectable } from 'kysely';
import type { DeskTables } from '../tables.js';

/** The tables of migrations/0006_problems.sql. */
export interface ProblemTables {
  'desk.problem_rules': {
    id: string;
    name: string;
    kind: ProblemRuleKind;
    category_id: string | null;
    threshold: number;
    window_minutes: number;
    active: Generated<boolean>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  'desk.problems': {
    id: string;
    number: Generated<number>;
    title: string;
    description: string;
    status: Generated<ProblemStatus>;
    category_id: string | null;
    rule_id: string | null;
    rule_key: string | null;
    created_by: string | null;
    created_by_name: string;
    resolution: string | null;
    closed_by: string | null;
    closed_at: Date | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  'desk.problem_incidents': {
    problem_id: string;
    incident_id: string;
    problem_open: Generated<boolean>;
    linked_at: Generated<Date>;
  };
  'desk.problem_activities': {
    id: Generated<number>;
    problem_id: string;
    kind: (typeof problemActivityKinds)[number];
    incident_id: string | null;
    body: string | null;
    actor_id: string | null;
    actor_name: string;
    at: Generated<Date>;
  };
  'desk.problem_exports': {
    id: string;
    problem_id: string;
    payload: unknown;
    /** Generated from sent_at and gave_up_at. */
    status: ColumnType<ProblemExportStatus, never, never>;
    attempts: Generated<number>;
    next_attempt_at: Generated<Date>;
    lease_until: Date | null;
    last_error: string | null;
    last_status_code: number | null;
    sent_at: Date | null;
    gave_up_at: Date | null;
    created_at: Generated<Date>;
  };
}

export type ProblemsDb = Kysely<DeskTables & ProblemTables>;
export type StoredRule = Selectable<ProblemTables['desk.problem_rules']> & { category_name: string | null };
export type StoredProblem = Selectable<ProblemTables['desk.problems']> & {
  category_name: string | null;
  rule_name: string | null;
  incident_count: number | string;
  open_incident_count: number | string;
};
export type StoredExport = Selectable<ProblemTables['desk.problem_exports']>;
