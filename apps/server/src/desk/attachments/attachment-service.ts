import { createHash, randomUUID } from 'node:crypto';
import { attachmentFilename, type IncidentAttachment } from '@kontor/contracts';
import type { RequestContext } from '../../platform/context.js';
import { notFound } from '../../platform/http/errors.js';
import type { Db, Platform } from '../../platform/platform.js';
import type { IncidentService } from '../incident-service.js';
import { incidentsRepository } from '../incidents-repository.js';
import type { DeskDb } from '../tables.js';
import { attachmentBadName, attachmentEmpty, attachmentTooLarge } from './attachment-errors.js';
import { normalContentType } from './attachment-names.js';
import { attachmentsRepository, toAttachment } from './attachments-repository.js';

export interface NewAttachment {
  filename: string;
  contentType: string;
  data: Buffer;
}

/**
 * Files of incidents, kept in `desk.attachments` (content included) so every hub instance serves them.
 * Agents reach every incident's files, a requester their own incidents' only (the incident's own rule).
 */
export class AttachmentService {
  constructor(
    private readonly platform: Platform,
    private readonly incidents: IncidentService,
  ) {}

  get maxBytes(): number {
    return this.platform.config.deskAttachmentMaxBytes;
  }

  /** Stores a file inside the caller's transaction: an upload, an e-mail's attachment, a Telegram photo. */
  async add(
    trx: Db,
    ctx: RequestContext,
    incidentId: string,
    file: NewAttachment,
    activityId: number | null = null,
  ): Promise<IncidentAttachment> {
    const name = attachmentFilename.safeParse(file.filename);
    if (!name.success) throw attachmentBadName('filename', name.error.issues[0]?.message ?? 'is not acceptable');
    if (file.data.length === 0) throw attachmentEmpty();
    if (file.data.length > this.maxBytes) throw attachmentTooLarge(this.maxBytes);
    const row = {
      id: randomUUID(),
      incident_id: incidentId,
      activity_id: activityId,
      filename: name.data,
      content_type: normalContentType(file.contentType),
      size: file.data.length,
      sha256: createHash('sha256').update(file.data).digest('hex'),
      uploaded_by_id: ctx.actor?.userId ?? null,
      uploaded_by_name: ctx.actor?.displayName ?? 'Kontor',
    };
    await attachmentsRepository.insert(trx as DeskDb, { ...row, content: file.data });
    return toAttachment({ ...row, created_at: new Date() });
  }

  /** The id of the comment just written on the incident in `trx`, for files that came with it. */
  latestCommentId(trx: Db, incidentId: string): Promise<number | null> {
    return attachmentsRepository.latestCommentId(trx as DeskDb, incidentId);
  }

  /** An upload through the API by an agent or the incident's requester. */
  async upload(ctx: RequestContext, incidentId: string, file: NewAttachment): Promise<IncidentAttachment> {
    await this.incidents.get(ctx, incidentId);
    return this.platform.transaction(async (trx) => {
      const db = trx as DeskDb;
      // The incident is locked so a file never lands on an incident being changed under it.
      if (!(await incidentsRepository.lock(db, incidentId))) throw notFound('The incident');
      const added = await this.add(trx, ctx, incidentId, file);
      await incidentsRepository.touch(db, incidentId);
      return added;
    });
  }

  async list(ctx: RequestContext, incidentId: string): Promise<IncidentAttachment[]> {
    await this.incidents.get(ctx, incidentId);
    return attachmentsRepository.list(this.platform.db as DeskDb, incidentId);
  }

  async download(ctx: RequestContext, incidentId: string, attachmentId: string) {
    await this.incidents.get(ctx, incidentId);
    const row = await attachmentsRepository.content(this.platform.db as DeskDb, incidentId, attachmentId);
    if (!row) throw notFound('The attachment');
    return { attachment: toAttachment(row), content: row.content };
  }
}
