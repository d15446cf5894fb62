import type { Generated, Kysely, Selectable } from 'kysely';
import type { DeskTables } from '../tables.js';

export interface AttachmentRow {
  id: string;
  position: Generated<number>;
  incident_id: string;
  activity_id: number | null;
  filename: string;
  content_type: string;
  size: number;
  sha256: string;
  content: Buffer;
  uploaded_by_id: string | null;
  uploaded_by_name: string;
  created_at: Generated<Date>;
}

export type AttachmentsDb = Kysely<DeskTables & { 'desk.attachments': AttachmentRow }>;
/** An attachment without its content: what lists and the incident detail show. */
export type StoredAttachment = Omit<Selectable<AttachmentRow>, 'content' | 'position'>;
