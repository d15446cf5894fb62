import { z } from 'zod';
import { incidentChannels, incidentStatuses } from './desk.js';

/**
 * Problems (проблемы, docs/desk-problems.md): one cause behind several incidents. A rule the desk administrators
 * keep opens one when incidents pile up, or an agent opens one from incidents they selected; closing it resolves
 * every still-open linked incident with the resolution as a public reply.
 */
export const problemStatuses = ['open', 'closed'] as const;
export type ProblemStatus = (typeof problemStatuses)[number];

/** PRB-000042: how people name a problem. */
export const problemReference = (number: number) => `PRB-${String(number).padStart(6, '0')}`;

const text = (max: number) => z.string().trim().max(max);
const incidentIds = z
  .array(z.uuid())
  .min(1)
  .max(200)
  .refine((ids) => new Set(ids).size === ids.length, { message: 'name each incident once' });

export const problemInput = z.strictObject({
  title: text(200).min(1),
  description: text(20_000).default(''),
  incidentIds,
});
export type ProblemInput = z.input<typeof problemInput>;

export const problemLinkInput = z.strictObject({ incidentIds });
export const problemUnlinkParams = z.object({ id: z.uuid(), incidentId: z.uuid() });

export const problemCloseInput = z.strictObject({
  /** Goes to every still-open linked incident as a public reply: what reaches the requesters. */
  resolution: text(20_000).min(1),
});

export const problemQuery = z.strictObject({
  status: z.enum(problemStatuses).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});

/** `pending`: waiting to be sent or retried; `sent`: the task manager answered 2xx; `failed`: gave up. */
export const problemExportStatuses = ['pending', 'sent', 'failed'] as const;
export type ProblemExportStatus = (typeof problemExportStatuses)[number];
export const problemExportState = z.object({
  status: z.enum(problemExportStatuses),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  requestedAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
});
export type ProblemExportState = z.infer<typeof problemExportState>;

const ref = z.object({ id: z.uuid(), name: z.string() });

export const deskProblem = z.object({
  id: z.uuid(),
  number: z.number().int(),
  reference: z.string(),
  title: z.string(),
  description: z.string(),
  status: z.enum(problemStatuses),
  category: ref.nullable(),
  /** The rule that opened it; null when an agent did. */
  rule: ref.nullable(),
  createdBy: z.object({ id: z.uuid().nullable(), name: z.string() }),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  closedAt: z.iso.datetime().nullable(),
  resolution: z.string().nullable(),
  incidentCount: z.number().int(),
  openIncidentCount: z.number().int(),
  /** The latest export to the task manager; null when never exported. */
  export: problemExportState.nullable(),
});
export type DeskProblem = z.infer<typeof deskProblem>;

export const problemIncident = z.object({
  id: z.uuid(),
  reference: z.string(),
  title: z.string(),
  status: z.enum(incidentStatuses),
  channel: z.enum(incidentChannels),
  requesterName: z.string(),
  createdAt: z.iso.datetime(),
  linkedAt: z.iso.datetime(),
});
export type ProblemIncident = z.infer<typeof problemIncident>;

export const problemActivityKinds = ['created', 'linked', 'unlinked', 'closed', 'export_requested'] as const;
export const problemActivity = z.object({
  id: z.number().int(),
  kind: z.enum(problemActivityKinds),
  incidentReference: z.string().nullable(),
  body: z.string().nullable(),
  actor: z.object({ id: z.uuid().nullable(), name: z.string() }),
  at: z.iso.datetime(),
});
export type ProblemActivity = z.infer<typeof problemActivity>;

export const problemDetail = deskProblem.extend({
  incidents: z.array(problemIncident),
  timeline: z.array(problemActivity),
});
export type ProblemDetail = z.infer<typeof problemDetail>;
export const problemList = z.object({ problems: z.array(deskProblem) });

/** What a rule counts: incidents of one category (or of any one category), or of one client reference. */
export const problemRuleKinds = ['category', 'client'] as const;
export type ProblemRuleKind = (typeof problemRuleKinds)[number];

const ruleFields = {
  name: text(120).min(1),
  kind: z.enum(problemRuleKinds),
  /** For `category` rules: the one category, or null for "any category, each counted on its own". */
  categoryId: z.uuid().nullable().default(null),
  threshold: z.number().int().min(2).max(1000),
  windowMinutes: z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60),
  active: z.boolean().default(true),
};
const categoryOnlyForCategoryRules = (rule: { kind?: ProblemRuleKind; categoryId?: string | null }) =>
  !(rule.kind === 'client' && rule.categoryId);
const categoryRuleIssue = { message: 'a client rule counts every category', path: ['categoryId'] };

export const problemRuleInput = z.strictObject(ruleFields).refine(categoryOnlyForCategoryRules, categoryRuleIssue);
export type ProblemRuleInput = z.input<typeof problemRuleInput>;
export const problemRulePatch = z
  .strictObject({ ...ruleFields, categoryId: z.uuid().nullable() })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'name at least one field to change' });

export const problemRule = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(problemRuleKinds),
  category: ref.nullable(),
  threshold: z.number().int(),
  windowMinutes: z.number().int(),
  active: z.boolean(),
});
export type ProblemRule = z.infer<typeof problemRule>;
export const problemRuleList = z.object({ rules: z.array(problemRule) });

/** Live topic `desk`: a problem changed (opened, linked, closed, exported); problem lists re-read. */
export const deskProblemEvent = z.object({
  problemId: z.uuid(),
  change: z.enum(['created', 'updated', 'closed', 'export']),
});
export type DeskProblemEvent = z.infer<typeof deskProblemEvent>;

/** The webhook event a task manager receives (`x-kontor-event: desk.problem.exported`). */
export const PROBLEM_EXPORTED_EVENT = 'desk.problem.exported';
