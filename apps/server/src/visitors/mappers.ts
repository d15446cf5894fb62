import type { Card, CardType, Entry, Locale } from '@kontor/contracts';
import { foldForSearch } from '../directory/index.js';
import { iso, isoOrNull } from './dates.js';
import type { StoredEntry } from './entries-repository.js';
import type { StoredCard } from './pool-repository.js';

/** The default card types of VIGO-Guests; the web names them in the user's language by their keys. */
export const DEFAULT_CARD_TYPES: CardType[] = [
  { key: 'regular', name: 'Regular guest', from: 100, to: 199 },
  { key: 'full-service', name: 'Full service', from: 200, to: 299 },
  { key: 'administrator', name: 'Administrator', from: 700, to: 799 },
];

/** The type whose range holds a card number, if any. */
export const typeOf = (types: CardType[], number: number): CardType | undefined =>
  types.find((type) => type.from <= number && number <= type.to);

export const toCard = (card: StoredCard, types: CardType[]): Card => ({
  number: card.number,
  type: typeOf(types, card.number)?.key ?? null,
  status: card.status,
  note: card.note,
  holderEntryId: card.holderEntryId,
});

/** What the past-visits search matches: names, company, host and notes, folded. */
export const entrySearchText = (entry: {
  first_name: string;
  last_name: string;
  company: string;
  host_name: string | null;
  notes: string;
}) => foldForSearch([entry.first_name, entry.last_name, entry.company, entry.host_name ?? '', entry.notes].join(' '));

export const toEntry = (row: StoredEntry): Entry => ({
  id: row.id,
  state: row.state,
  firstName: row.first_name,
  lastName: row.last_name,
  company: row.company,
  hostId: row.host_id,
  hostName: row.host_name,
  purpose: row.purpose,
  notes: row.notes,
  card: row.card,
  cardType: row.card_type,
  locale: row.locale as Locale | null,
  kioskName: row.kiosk_name,
  invited: row.invitation_id !== null,
  submittedAt: iso(row.submitted_at),
  cardGivenAt: isoOrNull(row.card_given_at),
  exitedAt: isoOrNull(row.exited_at),
  anonymised: row.anonymised_at !== null,
});
