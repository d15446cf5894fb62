import type { NotificationEvent } from '@kontor/contracts';
import type { Generated, Kysely, Selectable } from 'kysely';
import type { DeskTables } from '../tables.js';

interface NotificationRow {
  id: Generated<number>;
  user_id: string;
  event: NotificationEvent;
  incident_id: string;
  reference: string;
  title: string;
  actor_name: string | null;
  excerpt: string | null;
  created_at: Generated<Date>;
  read_at: Date | null;
}

interface PreferenceRow {
  user_id: string;
  event: NotificationEvent;
  in_app: boolean;
  email: boolean;
}

export interface NotificationTables extends DeskTables {
  'desk.notifications': NotificationRow;
  'desk.notification_preferences': PreferenceRow;
}
export type NotificationDb = Kysely<NotificationTables>;
export type StoredNotification = Selectable<NotificationRow>;
