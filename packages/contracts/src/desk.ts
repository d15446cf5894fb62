import { z } from 'zod';
import { incidentAttachment } from './desk-attachments.js';

/** An incident's life (обращение): new → in progress → waiting → resolved → closed, with reopen. */
export const incidentStatuses = ['new', 'in_progress', 'waiting', 'resolved', 'closed'] as const;
export type IncidentStatus = (typeof incidentStatuses)[number];
export const incidentPriorities = ['low', 'normal', 'high', 'critical'] as const;
export type IncidentPriority = (typeof incidentPriorities)[number];
/** Where an incident came from; public replies go back the same way (docs/desk-channels.md). */
export const incidentChannels = ['web', 'email', 'telegram', 'sms', 'esb'] as const;
export type IncidentChannel = (typeof incidentChannels)[number];

/**
 * Where each status may go. Reopening is resolved/closed → in progress; anything else not listed is refused
 * with 409 `desk.bad_transition`. The web offers exactly these as buttons.
 */
export const incidentTransitions: Record<IncidentStatus, readonly IncidentStatus[]> = {
  new: ['in_progress', 'waiting', 'resolved'],
  in_progress: ['waiting', 'resolved'],
  waiting: ['in_progress', 'resolved'],
  resolved: ['closed', 'in_progress'],
  closed: ['in_progress'],
};

/** INC-000123: how people name an incident on the phone and in e-mail. */
export const incidentReference = (number: number) => `INC-${String(number).padStart(6, '0')}`;

const text = (max: number) => z.string().trim().max(max);
const label = z.string().trim().min(1).max(40);

export const incidentInput = z.strictObject({
  title: text(200).min(1),
  description: text(20_000).default(''),
  priority: z.enum(incidentPriorities).default('normal'),
  categoryId: z.uuid().nullish(),
  clientRef: text(100).default(''),
  orderRef: text(100).default(''),
  labels: z.array(label).max(20).default([]),
  /** Agents only: someone else who reported it, a user of Kontor … */
  requesterUserId: z.uuid().nullish(),
  /** … or an external person by name and e-mail. */
  requesterName: text(200).min(1).optional(),
  requesterEmail: z.email().max(254).optional(),
  assigneeId: z.uuid().nullish(),
  groupId: z.uuid().nullish(),
});
export type IncidentInput = z.input<typeof incidentInput>;

/** An agent's change of an incident; each field changed becomes one line of the timeline. */
export const incidentPatch = z
  .strictObject({
    title: text(200).min(1),
    description: text(20_000),
    priority: z.enum(incidentPriorities),
    categoryId: z.uuid().nullable(),
    clientRef: text(100),
    orderRef: text(100),
    labels: z.array(label).max(20),
    assigneeId: z.uuid().nullable(),
    groupId: z.uuid().nullable(),
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'name at least one field to change' });
export type IncidentPatch = z.input<typeof incidentPatch>;

export const incidentStatusChange = z.strictObject({
  status: z.enum(incidentStatuses),
  /** A public reply sent with the change ("Fixed: the printer had no paper"). */
  comment: text(20_000).min(1).optional(),
});

export const incidentCommentInput = z.strictObject({
  body: text(20_000).min(1),
  /** An internal note, for agents only; a requester's comment is always public. */
  internal: z.boolean().default(false),
});

export const incidentSorts = ['created', 'updated', 'priority'] as const;
export const incidentQuery = z.strictObject({
  /** The filter language (docs/query-language.md). */
  q: z.string().max(1000).optional(),
  /** Only the incidents the caller reported. */
  mine: z.stringbool().optional(),
  sort: z.enum(incidentSorts).default('created'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Where the previous page ended: its `nextCursor`, opaque (docs/desk.md, "Paging"). */
  cursor: z.string().max(500).optional(),
});

export const incidentSuggestQuery = z.strictObject({
  q: z.string().max(1000).default(''),
  cursor: z.coerce.number().int().min(0).max(1000).optional(),
});
export const incidentSuggestion = z.object({
  /** What replaces the text from `from` to `to` of the input. */
  text: z.string(),
  from: z.number().int(),
  to: z.number().int(),
  description: z.string().optional(),
});
export const incidentSuggestions = z.object({ suggestions: z.array(incidentSuggestion) });

const ref = z.object({ id: z.uuid(), name: z.string() });

export const incident = z.object({
  id: z.uuid(),
  number: z.number().int(),
  reference: z.string(),
  title: z.string(),
  description: z.string(),
  status: z.enum(incidentStatuses),
  priority: z.enum(incidentPriorities),
  category: ref.nullable(),
  group: ref.nullable(),
  assignee: ref.nullable(),
  requester: z.object({ userId: z.uuid().nullable(), name: z.string(), email: z.string().nullable() }),
  clientRef: z.string(),
  orderRef: z.string(),
  labels: z.array(z.string()),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  firstResponseAt: z.iso.datetime().nullable(),
  resolvedAt: z.iso.datetime().nullable(),
  closedAt: z.iso.datetime().nullable(),
  channel: z.enum(incidentChannels),
  /** SLA due times (docs/desk-sla.md; `slaClocks` reads them); null where no policy applies. */
  responseDueAt: z.iso.datetime().nullable(),
  resolutionDueAt: z.iso.datetime().nullable(),
  /** Since when the resolution clock is stopped (the incident waits), or null. */
  slaPausedSince: z.iso.datetime().nullable(),
});
export type Incident = z.infer<typeof incident>;

export const activityKinds = ['comment', 'change'] as const;
/** One line of the timeline: a comment (public reply or internal note) or a change of one field. */
export const activity = z.object({
  id: z.number().int(),
  kind: z.enum(activityKinds),
  internal: z.boolean(),
  body: z.string().nullable(),
  /** For a change: `status`, `priority`, `assignee`, `category`, `group`, `title` … */
  field: z.string().nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  actor: z.object({ id: z.uuid().nullable(), name: z.string() }),
  at: z.iso.datetime(),
});
export type Activity = z.infer<typeof activity>;

export const incidentDetail = incident.extend({
  timeline: z.array(activity),
  attachments: z.array(incidentAttachment),
});
export type IncidentDetail = z.infer<typeof incidentDetail>;
/** Keyset pages: `total` counts the matches up to INCIDENT_COUNT_CAP; `totalCapped` says there are more. */
export const INCIDENT_COUNT_CAP = 10_000;
export const incidentPage = z.object({
  incidents: z.array(incident),
  total: z.number().int(),
  totalCapped: z.literal(true).optional(),
  /** The `cursor` of the next page; absent on the last one. */
  nextCursor: z.string().optional(),
});

/** Live topic `desk` (agents): an incident changed; lists re-read. */
export const deskEvent = z.object({
  incidentId: z.uuid(),
  change: z.enum(['created', 'updated', 'status', 'comment']),
});
export type DeskEvent = z.infer<typeof deskEvent>;

/** Categories and groups: short lists an administrator keeps. */
export const deskListEntry = z.object({ id: z.uuid(), name: z.string(), active: z.boolean() });
export type DeskListEntry = z.infer<typeof deskListEntry>;
export const deskListInput = z.strictObject({ name: text(80).min(1), active: z.boolean().default(true) });
export const deskListPatch = z
  .strictObject({ name: text(80).min(1), active: z.boolean() })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'name at least one field to change' });
export const deskList = z.object({ entries: z.array(deskListEntry) });

export const deskAgents = z.object({ agents: z.array(z.object({ id: z.uuid(), name: z.string() })) });

/** `GET/PUT /api/desk/groups/:id/members`: the agents who work in a group (only agents can be members). */
export const deskGroupMembers = z.object({ members: z.array(z.object({ id: z.uuid(), name: z.string() })) });
export const deskGroupMembersInput = z.strictObject({ userIds: z.array(z.uuid()).max(500) });
