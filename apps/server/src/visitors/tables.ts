import type { CardStatus, EntryState } from '@kontor/contracts';
import type { Generated, Kysely } from 'kysely';

export interface EntryRow {
  id: string;
  state: EntryState;
  first_name: string;
  last_name: string;
  company: string;
  host_id: string | null;
  host_name: string | null;
  host_email: string | null;
  purpose: string;
  notes: string;
  card: number | null;
  card_type: string | null;
  locale: string | null;
  kiosk_id: string | null;
  kiosk_name: string | null;
  invitation_id: string | null;
  submitted_at: Generated<Date>;
  card_given_at: Date | null;
  card_given_by_name: string | null;
  exited_at: Date | null;
  released_by_name: string | null;
  anonymised_at: Date | null;
  search_text: string;
}

export interface VisitorsTables {
  'visitors.card_types': {
    key: string;
    name: string;
    range_from: number;
    range_to: number;
    position: number;
    updated_at: Generated<Date>;
  };
  'visitors.cards': {
    number: number;
    status: CardStatus;
    note: string;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  'visitors.kiosks': {
    id: string;
    name: string;
    key_hash: string;
    created_at: Generated<Date>;
    created_by_name: string;
    last_seen_at: Date | null;
    revoked_at: Date | null;
  };
  'visitors.invitations': {
    id: string;
    token_hash: string;
    first_name: string;
    last_name: string;
    company: string;
    purpose: string;
    host_id: string | null;
    host_name: string | null;
    expected_on: string;
    created_by: string | null;
    created_by_name: string;
    created_at: Generated<Date>;
    used_at: Date | null;
    entry_id: string | null;
  };
  'visitors.entries': EntryRow;
  'visitors.presence': {
    entry_id: string;
    name: string;
    company: string;
    host_name: string | null;
    card: number;
    card_type: string | null;
    since: Date;
  };
}

export type VisitorsDb = Kysely<VisitorsTables>;
