import { randomUUID } from 'node:crypto';
import { directoryPerson, searchDirectoryPeople } from '../directory/index.js';
import { systemContext } from '../platform/context.js';
import type { Platform } from '../platform/platform.js';
import { entriesRepository } from './entries-repository.js';
import { DEFAULT_CARD_TYPES, entrySearchText, typeOf } from './mappers.js';
import { poolRepository } from './pool-repository.js';
import { DEFAULT_SETTINGS, settingsStored, writeSettings } from './settings.js';
import type { EntryRow, VisitorsDb } from './tables.js';

const DEMO_CARDS: Array<[number, number]> = [
  [100, 129],
  [200, 209],
  [700, 704],
];

const PRIVACY_NOTICE = {
  sv: 'Region Örebro län (demo) registrerar ditt namn, företag, värd och besökstid för säkerheten i byggnaden och för utrymning. Uppgifterna raderas 30 dagar efter besöket. Frågor: dataskydd@regionorebrolan.example.',
  en: 'Region Örebro län (demo) records your name, company, host and the time of your visit for the safety of the building and for evacuation. The data is erased 30 days after your visit. Questions: dataskydd@regionorebrolan.example.',
  pl: 'Region Örebro län (demo) zapisuje Twoje imię i nazwisko, firmę, gospodarza i czas wizyty ze względu na bezpieczeństwo budynku i ewakuację. Dane są usuwane 30 dni po wizycie. Pytania: dataskydd@regionorebrolan.example.',
  ru: 'Region Örebro län (demo) записывает ваше имя, компанию, принимающего сотрудника и время визита для безопасности здания и эвакуации. Данные удаляются через 30 дней после визита. Вопросы: dataskydd@regionorebrolan.example.',
};

/** Hosts from the directory's demo region; visits name them when the directory has them. */
const DEMO_HOSTS = ['Märta Sjöberg', 'Åsa Lindqvist', 'Göran Åkesson'];

interface DemoVisit {
  first: string;
  last: string;
  company: string;
  purpose: string;
  host: number;
  /** Minutes before now: arrival at the kiosk, card given, exit (absent: still in, or still waiting). */
  arrived: number;
  card?: number;
  left?: number;
  locale: 'sv' | 'en' | 'pl' | 'ru';
}

const DAY = 24 * 60;
const DEMO_VISITS: DemoVisit[] = [
  {
    first: 'Karin',
    last: 'Holm',
    company: 'Nordic Medtech AB',
    purpose: 'Service av infusionspumpar',
    host: 0,
    arrived: 8 * DAY + 120,
    card: 100,
    left: 8 * DAY - 30,
    locale: 'sv',
  },
  {
    first: 'Tomasz',
    last: 'Kowalski',
    company: 'Baltic Service Sp. z o.o.',
    purpose: 'Installation',
    host: 1,
    arrived: 5 * DAY + 200,
    card: 201,
    left: 5 * DAY - 60,
    locale: 'pl',
  },
  {
    first: 'Olga',
    last: 'Ivanova',
    company: 'Medisafe Nordic',
    purpose: 'Audit',
    host: 2,
    arrived: 5 * DAY + 90,
    card: 102,
    left: 5 * DAY + 10,
    locale: 'ru',
  },
  {
    first: 'Lars',
    last: 'Persson',
    company: 'Örebro Bygg AB',
    purpose: 'Byggmöte',
    host: 1,
    arrived: 2 * DAY + 300,
    card: 103,
    left: 2 * DAY + 120,
    locale: 'sv',
  },
  {
    first: 'John',
    last: 'Smith',
    company: 'Siemens Healthineers',
    purpose: 'MR service',
    host: 0,
    arrived: 2 * DAY + 100,
    card: 200,
    left: 2 * DAY - 100,
    locale: 'en',
  },
  {
    first: 'Ewa',
    last: 'Zielińska',
    company: 'Pharma Nord',
    purpose: 'Leverans av läkemedel',
    host: 2,
    arrived: DAY + 240,
    card: 101,
    left: DAY + 200,
    locale: 'pl',
  },
  {
    first: 'Anders',
    last: 'Ek',
    company: 'Region Västmanland',
    purpose: 'Studiebesök',
    host: 1,
    arrived: DAY + 180,
    card: 104,
    left: DAY + 30,
    locale: 'sv',
  },
  {
    first: 'Sofia',
    last: 'Nilsson',
    company: 'Nordic Medtech AB',
    purpose: 'Utbildning',
    host: 0,
    arrived: DAY + 60,
    card: 105,
    left: DAY - 60,
    locale: 'sv',
  },
  {
    first: 'Mikael',
    last: 'Berg',
    company: 'Örebro Bygg AB',
    purpose: 'Besiktning',
    host: 1,
    arrived: 240,
    card: 106,
    left: 150,
    locale: 'sv',
  },
  {
    first: 'Anna',
    last: 'Kask',
    company: 'Tallinn Lab OÜ',
    purpose: 'Meeting',
    host: 2,
    arrived: 200,
    card: 700,
    left: 100,
    locale: 'en',
  },
  {
    first: 'Piotr',
    last: 'Nowicki',
    company: 'Baltic Service Sp. z o.o.',
    purpose: 'Serwis',
    host: 1,
    arrived: 90,
    card: 202,
    locale: 'pl',
  },
  {
    first: 'Helena',
    last: 'Strand',
    company: 'Nordic Medtech AB',
    purpose: 'Demonstration',
    host: 0,
    arrived: 45,
    card: 107,
    locale: 'sv',
  },
  { first: 'Irina', last: 'Petrova', company: 'Medisafe Nordic', purpose: 'Audit', host: 2, arrived: 6, locale: 'ru' },
];

const minutesAgo = (now: number, minutes: number) => new Date(now - minutes * 60_000);

/** The card types and pool, a privacy notice in four languages, and some visits of the past days and of today. */
export async function seedVisitorsDemo(platform: Platform): Promise<void> {
  // Found before the transaction: the directory's search opens one of its own.
  const hosts = await Promise.all(
    DEMO_HOSTS.map(async (name) => {
      const [found] = await searchDirectoryPeople(platform.db, name, 1);
      return found ? await directoryPerson(platform.db, found.id) : undefined;
    }),
  );
  const ctx = systemContext('demo');
  await platform.transaction(async (trx) => {
    const db = trx as VisitorsDb;
    if ((await poolRepository.types(db)).length === 0) {
      await poolRepository.replaceTypes(db, DEFAULT_CARD_TYPES);
      await platform.audit.record(trx, ctx, {
        action: 'visitors.card_types.update',
        entity: 'visitors.card_types',
        after: DEFAULT_CARD_TYPES,
      });
    }
    for (const [from, to] of DEMO_CARDS) await poolRepository.addCards(db, from, to);
    if (!(await settingsStored(trx))) await writeSettings(trx, { ...DEFAULT_SETTINGS, privacyNotice: PRIVACY_NOTICE });

    if ((await entriesRepository.list(db, { words: [], limit: 1, offset: 0 })).total > 0) return;
    const types = await poolRepository.types(db);
    const now = Date.now();
    for (const visit of DEMO_VISITS) {
      const host = hosts[visit.host];
      const given = visit.card === undefined ? null : minutesAgo(now, visit.arrived - 3);
      const state = visit.card === undefined ? 'waiting' : visit.left === undefined ? 'active' : 'closed';
      const cardType = visit.card === undefined ? null : (typeOf(types, visit.card)?.key ?? null);
      const row: Omit<EntryRow, 'submitted_at'> = {
        id: randomUUID(),
        state,
        first_name: visit.first,
        last_name: visit.last,
        company: visit.company,
        host_id: host?.id ?? null,
        host_name: host?.name ?? null,
        host_email: host?.email ?? null,
        purpose: visit.purpose,
        notes: '',
        card: visit.card ?? null,
        card_type: cardType,
        locale: visit.locale,
        kiosk_id: null,
        kiosk_name: null,
        invitation_id: null,
        card_given_at: given,
        card_given_by_name: given ? 'Ewa Nowak' : null,
        exited_at: visit.left === undefined ? null : minutesAgo(now, visit.left),
        released_by_name: visit.left === undefined ? null : 'Ewa Nowak',
        anonymised_at: null,
        search_text: '',
      };
      await entriesRepository.insert(db, {
        ...row,
        search_text: entrySearchText(row),
        submitted_at: minutesAgo(now, visit.arrived),
      });
      if (state === 'active' && visit.card !== undefined && given)
        await entriesRepository.insertPresence(db, {
          entry_id: row.id,
          name: `${visit.first} ${visit.last}`,
          company: visit.company,
          host_name: row.host_name,
          card: visit.card,
          card_type: cardType,
          since: given,
        });
    }
  });
}
