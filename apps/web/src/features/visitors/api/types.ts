import type {
  card,
  cardType,
  entry,
  evacuationList,
  invitation,
  invitationInput,
  kioskDevice,
  kioskDeviceCreated,
  kioskEntryInput,
  kioskHost,
  kioskInvitation,
  kioskReceipt,
  kioskSettings,
  overview,
  presence,
  report,
  reportGroupings,
  scanResult,
  visitorSettings,
} from '@kontor/contracts';

/**
 * The payloads of the visitors API, read off the contract's zod schemas (the contract exports a few of these
 * types itself; the others are inferred here, so the web needs no zod of its own).
 */
type Output<Schema> = Schema extends { _zod: { output: infer Value } } ? Value : never;
type Input<Schema> = Schema extends { _zod: { input: infer Value } } ? Value : never;

export type VisitorCard = Output<typeof card>;
export type VisitorCardType = Output<typeof cardType>;
export type VisitorEntry = Output<typeof entry>;
export type EntryPage = { entries: VisitorEntry[]; total: number };
export type EvacuationList = Output<typeof evacuationList>;
export type Presence = Output<typeof presence>;
export type Overview = Output<typeof overview>;
export type ScanResult = Output<typeof scanResult>;
export type KioskHost = Output<typeof kioskHost>;
export type KioskSettings = Output<typeof kioskSettings>;
export type KioskInvitation = Output<typeof kioskInvitation>;
export type KioskReceipt = Output<typeof kioskReceipt>;
export type KioskEntryInput = Input<typeof kioskEntryInput>;
export type KioskDevice = Output<typeof kioskDevice>;
export type KioskDeviceCreated = Output<typeof kioskDeviceCreated>;
export type VisitorSettings = Output<typeof visitorSettings>;
export type ReportGrouping = (typeof reportGroupings)[number];
export type VisitorReport = Output<typeof report>;
export type Invitation = Output<typeof invitation>;
export type InvitationInput = Input<typeof invitationInput>;
