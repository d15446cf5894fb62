import { z } from 'zod';

export const unitKinds = ['region', 'hospital', 'primary_care', 'clinic', 'unit'] as const;
export const contactKinds = ['phone', 'mobile', 'pager', 'radio', 'satellite', 'email', 'address', 'fallback'] as const;
export const noticeKinds = ['instruction', 'bulletin'] as const;
export const directoryEntryKinds = ['unit', 'person', 'function'] as const;

export type UnitKind = (typeof unitKinds)[number];
export type ContactKind = (typeof contactKinds)[number];
export type NoticeKind = (typeof noticeKinds)[number];
export type DirectoryEntryKind = (typeof directoryEntryKinds)[number];

const name = z.string().trim().min(1).max(200);
const optionalText = (max: number) => z.string().trim().max(max).default('');

export const contactPoint = z.object({
  id: z.uuid(),
  kind: z.enum(contactKinds),
  label: z.string(),
  value: z.string(),
  priority: z.number().int(),
});
export type ContactPoint = z.infer<typeof contactPoint>;

export const unitSummary = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  kind: z.enum(unitKinds),
  name: z.string(),
});
export type UnitSummary = z.infer<typeof unitSummary>;

export const personSummary = z.object({
  id: z.uuid(),
  givenName: z.string(),
  familyName: z.string(),
  title: z.string(),
  unitId: z.uuid(),
  unitName: z.string(),
  contacts: z.array(contactPoint),
});
export type PersonSummary = z.infer<typeof personSummary>;

export const functionSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  unitId: z.uuid(),
  unitName: z.string(),
  holder: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  contacts: z.array(contactPoint),
});
export type FunctionSummary = z.infer<typeof functionSummary>;

export const notice = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  kind: z.enum(noticeKinds),
  title: z.string(),
  body: z.string(),
  publishAt: z.iso.datetime(),
  unpublished: z.boolean(),
});
export type Notice = z.infer<typeof notice>;

/** GET /api/directory/units/:id: everything a unit's page and contact sheet show. */
export const unitDetail = unitSummary.extend({
  description: z.string(),
  /** From the region down to the parent of this unit. */
  path: z.array(unitSummary),
  children: z.array(unitSummary),
  contacts: z.array(contactPoint),
  functions: z.array(functionSummary),
  people: z.array(personSummary),
  /** Published notices, newest first; editors also see unpublished and scheduled ones. */
  notices: z.array(notice),
});
export type UnitDetail = z.infer<typeof unitDetail>;

export const personDetail = personSummary.extend({
  path: z.array(unitSummary),
  functions: z.array(functionSummary),
});
export type PersonDetail = z.infer<typeof personDetail>;

export const directoryEntry = z.object({
  kind: z.enum(directoryEntryKinds),
  id: z.uuid(),
  title: z.string(),
  /** Title and unit of a person, the unit of a function, the parent of a unit. */
  subtitle: z.string(),
  /** The unit page that shows this entry. */
  unitId: z.uuid(),
  contacts: z.array(contactPoint),
});
export type DirectoryEntry = z.infer<typeof directoryEntry>;

export const directorySearchQuery = z.strictObject({
  q: z.string().trim().min(1).max(100),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export const directorySearchResult = z.object({ query: z.string(), results: z.array(directoryEntry) });
export type DirectorySearchResult = z.infer<typeof directorySearchResult>;

/** GET /api/directory/book: the whole directory, for printing and export. */
export const directoryBook = z.object({
  units: z.array(unitSummary.extend({ description: z.string(), contacts: z.array(contactPoint) })),
  functions: z.array(functionSummary),
  people: z.array(personSummary),
  /** When the directory last changed, as this node holds it. */
  changedAt: z.iso.datetime().nullable(),
});
export type DirectoryBook = z.infer<typeof directoryBook>;

export const directoryExportQuery = z.strictObject({ format: z.enum(['csv', 'xlsx']).default('csv') });

export const favouriteInput = z.strictObject({ kind: z.enum(directoryEntryKinds), id: z.uuid() });
export type FavouriteInput = z.infer<typeof favouriteInput>;

// What administrators send; ids of what they refer to are checked by the server.
export const unitInput = z.strictObject({
  parentId: z.uuid().nullable(),
  kind: z.enum(unitKinds),
  name,
  description: optionalText(2000),
});
export type UnitInput = z.input<typeof unitInput>;

export const personInput = z.strictObject({
  unitId: z.uuid(),
  givenName: name,
  familyName: name,
  title: optionalText(200),
});
export type PersonInput = z.input<typeof personInput>;

export const functionInput = z.strictObject({ unitId: z.uuid(), name, holderId: z.uuid().nullable() });
export type FunctionInput = z.input<typeof functionInput>;

export const contactInput = z
  .strictObject({
    unitId: z.uuid().nullable().default(null),
    personId: z.uuid().nullable().default(null),
    functionId: z.uuid().nullable().default(null),
    kind: z.enum(contactKinds),
    label: optionalText(200),
    value: z.string().trim().min(1).max(2000),
    priority: z.number().int().min(1).max(99).default(1),
  })
  .refine((contact) => [contact.unitId, contact.personId, contact.functionId].filter(Boolean).length === 1, {
    message: 'give exactly one of unitId, personId and functionId',
    path: ['unitId'],
  });
export type ContactInput = z.input<typeof contactInput>;

export const noticeInput = z.strictObject({
  unitId: z.uuid(),
  kind: z.enum(noticeKinds),
  title: name,
  body: z.string().trim().min(1).max(10_000),
  publishAt: z.iso.datetime({ offset: true }),
  unpublished: z.boolean().default(false),
});
export type NoticeInput = z.input<typeof noticeInput>;

/** What a create or update answers: the record's id (pages re-read what they show). */
export const savedRecord = z.object({ id: z.uuid() });
