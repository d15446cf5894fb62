import type { IncidentAttachment } from '@kontor/contracts';
import type { Insertable } from 'kysely';
import type { DeskDb } from '../tables.js';
import type { AttachmentRow, AttachmentsDb, StoredAttachment } from './tables.js';

const DESCRIPTION_COLUMNS = [
  'id',
  'incident_id',
  'activity_id',
  'filename',
  'content_type',
  'size',
  'sha256',
  'uploaded_by_id',
  'uploaded_by_name',
  'created_at',
] as const;

const attachments = (db: DeskDb) => db as unknown as AttachmentsDb;

export const toAttachment = (row: StoredAttachment): IncidentAttachment => ({
  id: row.id,
  filename: row.filename,
  contentType: row.content_type,
  size: Number(row.size),
  sha256: row.sha256,
  activityId: row.activity_id === null ? null : Number(row.activity_id),
  uploadedBy: { id: row.uploaded_by_id, name: row.uploaded_by_name },
  createdAt: new Date(row.created_at).toISOString(),
});

/** The SQL of `desk.attachments`: the content is read only when a file is downloaded. */
export const attachmentsRepository = {
  async insert(db: DeskDb, row: Insertable<AttachmentRow>): Promise<void> {
    await attachments(db).insertInto('desk.attachments').values(row).execute();
  },

  /** An incident's files, oldest first, without their content. */
  async list(db: DeskDb, incidentId: string): Promise<IncidentAttachment[]> {
    const rows = await attachments(db)
      .selectFrom('desk.attachments')
      .select(DESCRIPTION_COLUMNS)
      .where('incident_id', '=', incidentId)
      .orderBy('position')
      .execute();
    return rows.map(toAttachment);
  },

  async content(db: DeskDb, incidentId: string, id: string) {
    return attachments(db)
      .selectFrom('desk.attachments')
      .select([...DESCRIPTION_COLUMNS, 'content'])
      .where('incident_id', '=', incidentId)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  /** The newest comment of the incident: inside the transaction that wrote it, the one a file came with. */
  async latestCommentId(db: DeskDb, incidentId: string): Promise<number | null> {
    const row = await db
      .selectFrom('desk.activities')
      .select('id')
      .where('incident_id', '=', incidentId)
      .where('kind', '=', 'comment')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? Number(row.id) : null;
  },
};
