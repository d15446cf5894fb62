import { z } from 'zod';
import { localeSchema } from './common.js';

/**
 * A visit's life, as VIGO-Guests had it: waiting for a card at reception, active while the guest holds one,
 * closed at release. A rejected entry is deleted (only an anonymous audit record stays), so it has no state.
 */
export const entryStates = ['waiting', 'active', 'closed'] as const;
export type EntryState = (typeof entryStates)[number];

/** Card codes are what the cards carry and the scanner reads: `000` + three digits. */
export const MIN_CARD = 0;
export const MAX_CARD = 999;
export const cardNumber = z.number().int().min(MIN_CARD).max(MAX_CARD);
export const cardStatuses = ['available', 'lost', 'blocked'] as const;
export type CardStatus = (typeof cardStatuses)[number];

const text = (max: number) => z.string().trim().max(max);
const personName = text(100).min(1);

/** What the kiosk sends; the guest agrees to the privacy notice or nothing is stored. */
export const kioskEntryInput = z.strictObject({
  firstName: personName,
  lastName: personName,
  company: text(100).default(''),
  /** A person of the directory, from the kiosk's host search. */
  hostId: z.uuid().nullish(),
  purpose: text(500).default(''),
  consent: z.literal(true, { error: 'the guest must accept the privacy notice' }),
  /** The token of a host's invitation (from its QR code), which the entry then fulfils. */
  invitation: z.string().trim().min(16).max(64).optional(),
  /** The language the guest used, so reception can greet them in it. */
  locale: localeSchema.optional(),
});
export type KioskEntryInput = z.input<typeof kioskEntryInput>;
/** All the kiosk learns back: never anyone's data, not even the guest's own. */
export const kioskReceipt = z.object({ id: z.uuid(), state: z.literal('waiting'), submittedAt: z.iso.datetime() });

/** The kiosk's host search answers names and units only: no phone numbers or e-mail to an anonymous tablet. */
export const kioskHostQuery = z.strictObject({ q: text(100).min(2) });
export const kioskHost = z.object({ id: z.uuid(), name: z.string(), unit: z.string().nullable() });
export const kioskHosts = z.object({ hosts: z.array(kioskHost) });

/** What a kiosk needs before the first guest: the privacy notice in each language and its idle reset. */
export const kioskSettings = z.object({
  privacyNotice: z.partialRecord(localeSchema, z.string()),
  idleResetSeconds: z.number().int(),
});

/** An invitation read by the kiosk from its QR code: the fields it fills in, nothing else. */
export const kioskInvitation = z.object({
  firstName: z.string(),
  lastName: z.string(),
  company: z.string(),
  purpose: z.string(),
  host: kioskHost.nullable(),
  expectedOn: z.iso.date(),
});

export const cardType = z.object({
  /** Stable key; `regular`, `full-service` and `administrator` are the defaults, and the web translates them. */
  key: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/),
  /** Shown for types the organisation added; the defaults are shown in the user's language. */
  name: text(60).min(1),
  from: cardNumber,
  to: cardNumber,
});
export type CardType = z.infer<typeof cardType>;
/** Ranges must not overlap and `from` ≤ `to`; the server says which ones clash. */
export const cardTypesInput = z.strictObject({ types: z.array(cardType.strict()).min(1).max(50) });
/** The card types, ordered as they were saved. */
export const cardTypeList = z.object({ types: z.array(cardType) });

export const card = z.object({
  number: cardNumber,
  /** Null when the card lies outside every type's range (after the ranges changed). */
  type: z.string().nullable(),
  status: z.enum(cardStatuses),
  note: z.string(),
  /** The entry holding the card now. */
  holderEntryId: z.uuid().nullable(),
});
export type Card = z.infer<typeof card>;
export const cardQuery = z.strictObject({
  free: z.stringbool().optional(),
  type: z.string().max(40).optional(),
});
export const cardList = z.object({ cards: z.array(card) });
/** Adds every number of a range to the pool (all must lie in one type's range); existing cards are kept. */
export const cardRangeInput = z.strictObject({ from: cardNumber, to: cardNumber });
export const cardUpdate = z.strictObject({ status: z.enum(cardStatuses), note: text(500).default('') });

export const entry = z.object({
  id: z.uuid(),
  state: z.enum(entryStates),
  /** Empty once retention anonymised a closed visit (`anonymised` true). */
  firstName: z.string(),
  lastName: z.string(),
  company: z.string(),
  hostId: z.uuid().nullable(),
  hostName: z.string().nullable(),
  purpose: z.string(),
  notes: z.string(),
  card: cardNumber.nullable(),
  cardType: z.string().nullable(),
  locale: localeSchema.nullable(),
  kioskName: z.string().nullable(),
  invited: z.boolean(),
  submittedAt: z.iso.datetime(),
  cardGivenAt: z.iso.datetime().nullable(),
  exitedAt: z.iso.datetime().nullable(),
  anonymised: z.boolean(),
});
export type Entry = z.infer<typeof entry>;

export const entryQuery = z.strictObject({
  state: z.enum(entryStates).optional(),
  /** Words matched against names, company, host and notes, in any case and without diacritics. */
  q: text(200).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export const entryPage = z.object({ entries: z.array(entry), total: z.number().int() });

export const cardAssignment = z.strictObject({ card: cardNumber });
export const entryNotes = z.strictObject({ notes: text(1000) });
export const entryRelease = z.strictObject({ notes: text(1000).optional() });
export const entryRejection = z.strictObject({ reason: text(500).optional() });

/** What a keyboard-typing barcode scanner sends: `000` followed by the card number, six characters. */
export const scanInput = z.strictObject({
  code: z.string().regex(/^000\d{3}$/, 'expected 6 digits: 000 and the card number'),
});
export const scanResult = z.object({ action: z.enum(['assigned', 'released']), card: cardNumber, entry });

export const presence = z.object({
  entryId: z.uuid(),
  name: z.string(),
  company: z.string(),
  hostName: z.string().nullable(),
  card: cardNumber,
  cardType: z.string().nullable(),
  since: z.iso.datetime(),
});
/** Everyone in the building now; `asOf` says how fresh this node's copy is when read on a client node. */
export const evacuationList = z.object({
  people: z.array(presence),
  asOf: z.iso.datetime(),
  nodeRole: z.enum(['server', 'client']),
});

export const overview = z.object({
  waiting: z.number().int(),
  inBuilding: z.array(z.object({ type: z.string().nullable(), count: z.number().int() })),
  freeCards: z.array(z.object({ type: z.string(), count: z.number().int() })),
  /** Today's arrivals (cards given) and departures per hour, in the server's time zone. */
  timeline: z.array(z.object({ hour: z.number().int(), arrivals: z.number().int(), departures: z.number().int() })),
});

export const kioskDevice = z.object({
  id: z.uuid(),
  name: z.string(),
  createdAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime().nullable(),
  revoked: z.boolean(),
});
export const kioskDeviceList = z.object({ kiosks: z.array(kioskDevice) });
export const kioskDeviceInput = z.strictObject({ name: text(100).min(1) });
/** The key is shown once; the kiosk keeps it (`/kiosk?device=KEY` stores it) and sends it as `X-Kiosk-Key`. */
export const kioskDeviceCreated = z.object({ device: kioskDevice, key: z.string() });

export const visitorSettings = z.object({
  privacyNotice: z.partialRecord(localeSchema, text(10_000)),
  retentionDays: z.number().int().min(1).max(3650),
  /** When on, only registered kiosk devices may submit entries. */
  requireKioskDevice: z.boolean(),
  idleResetSeconds: z.number().int().min(10).max(600),
});
export type VisitorSettings = z.infer<typeof visitorSettings>;
export const visitorSettingsInput = visitorSettings.strict();

export const reportGroupings = ['day', 'host', 'company'] as const;
export const reportQuery = z.strictObject({
  by: z.enum(reportGroupings).default('day'),
  from: z.iso.date(),
  to: z.iso.date(),
  format: z.enum(['json', 'csv']).default('json'),
});
export const reportRow = z.object({ key: z.string(), visits: z.number().int(), guests: z.number().int() });
export const report = z.object({ by: z.enum(reportGroupings), rows: z.array(reportRow) });

export const invitationInput = z.strictObject({
  firstName: personName,
  lastName: personName,
  company: text(100).default(''),
  purpose: text(500).default(''),
  hostId: z.uuid().nullish(),
  expectedOn: z.iso.date(),
  /** When given, the invitation with its QR code is e-mailed to the guest. */
  guestEmail: z.email().max(254).optional(),
});
export const invitation = z.object({
  id: z.uuid(),
  firstName: z.string(),
  lastName: z.string(),
  company: z.string(),
  purpose: z.string(),
  hostId: z.uuid().nullable(),
  hostName: z.string().nullable(),
  expectedOn: z.iso.date(),
  createdAt: z.iso.datetime(),
  usedAt: z.iso.datetime().nullable(),
  /**
   * The kiosk address the QR code carries. Only the answer that creates the invitation has it: the server keeps
   * only a hash of the token (like a kiosk key), so lists answer null.
   */
  kioskUrl: z.string().nullable(),
  /** The QR code of `kioskUrl` as an SVG document; like `kioskUrl`, only when the invitation is created. */
  qrSvg: z.string().nullable(),
});
export const invitationList = z.object({ invitations: z.array(invitation) });
