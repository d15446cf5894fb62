import { randomUUID } from 'node:crypto';
import type { IncidentPriority, IncidentStatus } from '@kontor/contracts';
import { activeUsers } from '../identity/index.js';
import { systemContext } from '../platform/context.js';
import type { Platform } from '../platform/platform.js';
import { incidentsRepository, listsRepository } from './incidents-repository.js';
import { incidentSearchText } from './mappers.js';
import { seedProblemsDemo } from './problems/seed-problems.js';
import { seedSlaDemo } from './sla/seed.js';
import type { DeskDb, StoredIncident } from './tables.js';

const CATEGORIES = ['Nätverk', 'Skrivare', 'E-post', 'Behörigheter', 'Hårdvara', 'Programvara'];
const GROUPS = ['Servicedesk 1st line', 'Nätverksgruppen', 'Klientgruppen'];

interface DemoIncident {
  title: string;
  description: string;
  category: number;
  group: number;
  priority: IncidentPriority;
  status: IncidentStatus;
  /** Hours before now. */
  age: number;
  requester: string;
  agent?: string;
  labels?: string[];
  client?: string;
  reply?: string;
  note?: string;
}

const HOUR = 1;
const DAY = 24 * HOUR;
const DEMO: DemoIncident[] = [
  {
    title: 'VPN fungerar inte hemifrån',
    description: 'Får timeout när jag ansluter till VPN sedan i morse.',
    category: 0,
    group: 1,
    priority: 'high',
    status: 'in_progress',
    age: 3 * HOUR,
    requester: 'maria.ek',
    agent: 'olga.ivanova',
    labels: ['vpn'],
    reply: 'Vi undersöker, fler har samma problem.',
    note: 'Certifikatet på VPN-gatewayen gick ut i natt?',
  },
  {
    title: 'Skrivaren på plan 3 skriver inte ut',
    description: 'Skrivaren HP-3F visar "Pappersstopp" men inget papper sitter fast.',
    category: 1,
    group: 2,
    priority: 'normal',
    status: 'new',
    age: 5 * HOUR,
    requester: 'ewa.nowak',
    labels: ['plan-3'],
  },
  {
    title: 'Kan inte logga in i journalsystemet',
    description: 'Mitt konto låses efter första försöket.',
    category: 3,
    group: 0,
    priority: 'critical',
    status: 'in_progress',
    age: 8 * HOUR,
    requester: 'maria.ek',
    agent: 'sergej.petrov',
    reply: 'Kontot är upplåst, prova igen.',
  },
  {
    title: 'Outlook synkar inte kalendern',
    description: 'Kalenderhändelser från mobilen syns inte i Outlook.',
    category: 2,
    group: 2,
    priority: 'normal',
    status: 'waiting',
    age: 1 * DAY,
    requester: 'johan.falk',
    agent: 'olga.ivanova',
    reply: 'Vilken mobil och vilken version av appen har du?',
  },
  {
    title: 'Ny skärm till receptionen',
    description: 'Skärmen i receptionen flimrar och behöver bytas.',
    category: 4,
    group: 2,
    priority: 'low',
    status: 'new',
    age: 1 * DAY + 4,
    requester: 'ewa.nowak',
    labels: ['beställning'],
  },
  {
    title: 'Wi-Fi tappar anslutningen i mötesrum Vänern',
    description: 'Anslutningen bryts var tionde minut.',
    category: 0,
    group: 1,
    priority: 'normal',
    status: 'resolved',
    age: 2 * DAY,
    requester: 'anna.lind',
    agent: 'sergej.petrov',
    reply: 'Accesspunkten är utbytt.',
  },
  {
    title: 'Behöver behörighet till ekonomimappen',
    description: 'Jag har börjat på ekonomi och behöver läsbehörighet till G:\\Ekonomi.',
    category: 3,
    group: 0,
    priority: 'normal',
    status: 'closed',
    age: 3 * DAY,
    requester: 'erik.berg',
    agent: 'olga.ivanova',
    reply: 'Behörigheten är tillagd.',
  },
  {
    title: 'Excel kraschar vid öppning av stor fil',
    description: 'Budgetfilen (80 MB) får Excel att stänga sig.',
    category: 5,
    group: 2,
    priority: 'high',
    status: 'in_progress',
    age: 3 * DAY + 6,
    requester: 'johan.falk',
    agent: 'olga.ivanova',
    client: 'Ekonomienheten',
  },
  {
    title: 'Spam från extern avsändare',
    description: 'Vi får många mejl om "fakturor" från okänd avsändare.',
    category: 2,
    group: 0,
    priority: 'high',
    status: 'resolved',
    age: 4 * DAY,
    requester: 'anna.lind',
    agent: 'sergej.petrov',
    labels: ['säkerhet'],
    reply: 'Avsändaren är blockerad.',
  },
  {
    title: 'Tangentbordet saknar tangenter',
    description: 'Å, Ä och Ö fungerar inte på nya tangentbordet.',
    category: 4,
    group: 2,
    priority: 'low',
    status: 'closed',
    age: 5 * DAY,
    requester: 'maria.ek',
    agent: 'olga.ivanova',
    reply: 'Layouten var engelsk; nu svensk.',
  },
  {
    title: 'Nätverksuttag dött i rum 214',
    description: 'Inget nät i väggens uttag B.',
    category: 0,
    group: 1,
    priority: 'normal',
    status: 'waiting',
    age: 5 * DAY + 3,
    requester: 'ewa.nowak',
    agent: 'sergej.petrov',
    note: 'Väntar på elektriker.',
  },
  {
    title: 'Installera statistikprogrammet R',
    description: 'Behöver R och RStudio för en uppföljning.',
    category: 5,
    group: 2,
    priority: 'low',
    status: 'new',
    age: 6 * DAY,
    requester: 'erik.berg',
  },
  {
    title: 'Skrivaren skriver ut tomma sidor',
    description: 'Lasern i labbet ger vita ark.',
    category: 1,
    group: 2,
    priority: 'normal',
    status: 'resolved',
    age: 6 * DAY + 5,
    requester: 'johan.falk',
    agent: 'olga.ivanova',
    reply: 'Tonern är bytt.',
  },
  {
    title: 'Delad brevlåda saknas',
    description: 'Brevlådan för "Förråd" syns inte längre i Outlook.',
    category: 2,
    group: 0,
    priority: 'normal',
    status: 'in_progress',
    age: 7 * DAY,
    requester: 'maria.ek',
    agent: 'sergej.petrov',
  },
  {
    title: 'Dockningsstation laddar inte',
    description: 'Laptopen laddar inte i dockan, bara direkt i laddaren.',
    category: 4,
    group: 2,
    priority: 'normal',
    status: 'closed',
    age: 8 * DAY,
    requester: 'anna.lind',
    agent: 'olga.ivanova',
    reply: 'Ny docka levererad.',
  },
  {
    title: 'Långsamt nätverk på avdelning 7',
    description: 'Allt går segt efter lunch varje dag.',
    category: 0,
    group: 1,
    priority: 'high',
    status: 'waiting',
    age: 8 * DAY + 2,
    requester: 'ewa.nowak',
    agent: 'sergej.petrov',
    labels: ['prestanda'],
    note: 'Misstänker backup-jobb kl 13.',
  },
  {
    title: 'Lösenordsbyte fungerar inte',
    description: 'Får felmeddelande när jag byter lösenord.',
    category: 3,
    group: 0,
    priority: 'normal',
    status: 'resolved',
    age: 9 * DAY,
    requester: 'johan.falk',
    agent: 'olga.ivanova',
    reply: 'Lösenordet måste vara minst 12 tecken.',
  },
  {
    title: 'Adobe Reader ber om licens',
    description: 'Reader frågar efter licensnyckel vid start.',
    category: 5,
    group: 2,
    priority: 'low',
    status: 'closed',
    age: 10 * DAY,
    requester: 'erik.berg',
    agent: 'olga.ivanova',
  },
  {
    title: 'Etikettskrivaren i förrådet',
    description: 'Zebra-skrivaren skriver ut förskjutna etiketter.',
    category: 1,
    group: 2,
    priority: 'normal',
    status: 'in_progress',
    age: 10 * DAY + 7,
    requester: 'johan.falk',
    agent: 'olga.ivanova',
    client: 'Förrådet',
  },
  {
    title: 'Kan inte skicka mejl med bilaga',
    description: 'Mejl med bilagor över 10 MB studsar.',
    category: 2,
    group: 0,
    priority: 'low',
    status: 'resolved',
    age: 11 * DAY,
    requester: 'maria.ek',
    agent: 'sergej.petrov',
    reply: 'Gränsen är 25 MB; använd delad länk för större.',
  },
  {
    title: 'Behörighet till besöksregistret',
    description: 'Ny receptionist behöver tillgång till receptionspanelen.',
    category: 3,
    group: 0,
    priority: 'normal',
    status: 'closed',
    age: 12 * DAY,
    requester: 'ewa.nowak',
    agent: 'sergej.petrov',
    reply: 'Rollen Reception är tilldelad.',
  },
  {
    title: 'Dator startar om av sig själv',
    description: 'Datorn vid kassan startar om flera gånger om dagen.',
    category: 4,
    group: 2,
    priority: 'high',
    status: 'new',
    age: 12 * DAY + 3,
    requester: 'anna.lind',
  },
  {
    title: 'Teams-möten hackar',
    description: 'Ljud och bild hackar i alla Teams-möten.',
    category: 0,
    group: 1,
    priority: 'normal',
    status: 'in_progress',
    age: 13 * DAY,
    requester: 'erik.berg',
    agent: 'sergej.petrov',
  },
  {
    title: 'Uppdatera webbläsaren på kiosken',
    description: 'Kiosken i entrén kör en gammal webbläsare.',
    category: 5,
    group: 2,
    priority: 'low',
    status: 'waiting',
    age: 13 * DAY + 5,
    requester: 'ewa.nowak',
    agent: 'olga.ivanova',
  },
  {
    title: 'Trasig laddkabel',
    description: 'Behöver ny USB-C-laddare.',
    category: 4,
    group: 0,
    priority: 'low',
    status: 'closed',
    age: 14 * DAY - 2,
    requester: 'maria.ek',
    agent: 'olga.ivanova',
    reply: 'Hämta i IT-förrådet.',
  },
];

/** The demo desk: categories, groups and incidents of the last two weeks. Skipped when the desk has any. */
export async function seedDeskDemo(platform: Platform): Promise<void> {
  const db = platform.db as DeskDb;
  if ((await listsRepository.all(db, 'desk.categories')).length > 0 || (await incidentsRepository.count(db)) > 0)
    return;
  const users = new Map((await activeUsers(platform.db)).map((user) => [user.username, user]));
  const ctx = systemContext('demo');
  const now = Date.now();
  await platform.transaction(async (trx) => {
    const tx = trx as DeskDb;
    const categories = CATEGORIES.map((name) => ({ id: randomUUID(), name, active: true }));
    const groups = GROUPS.map((name) => ({ id: randomUUID(), name, active: true }));
    for (const entry of categories) await listsRepository.insert(tx, 'desk.categories', entry);
    for (const entry of groups) await listsRepository.insert(tx, 'desk.groups', entry);
    await platform.audit.record(trx, ctx, {
      action: 'desk.lists.seed',
      entity: 'desk.category',
      after: { categories: CATEGORIES, groups: GROUPS },
    });
    // Oldest first, so the numbers follow the creation times.
    for (const demo of [...DEMO].sort((a, b) => b.age - a.age)) {
      const requester = users.get(demo.requester);
      const agent = demo.agent ? users.get(demo.agent) : undefined;
      const created = new Date(now - demo.age * 3_600_000);
      const touched = new Date(now - Math.max(0, demo.age - 2) * 3_600_000);
      const id = randomUUID();
      const done = demo.status === 'resolved' || demo.status === 'closed';
      await incidentsRepository.insert(tx, {
        id,
        title: demo.title,
        description: demo.description,
        priority: demo.priority,
        status: demo.status,
        category_id: categories[demo.category]?.id ?? null,
        group_id: groups[demo.group]?.id ?? null,
        assignee_id: agent?.id ?? null,
        assignee_name: agent?.displayName ?? null,
        requester_user_id: requester?.id ?? null,
        requester_name: requester?.displayName ?? demo.requester,
        requester_email: null,
        client_ref: demo.client ?? '',
        order_ref: '',
        labels: demo.labels ?? [],
        created_by: requester?.id ?? null,
        created_at: created,
        updated_at: touched,
        first_response_at: demo.reply ? touched : null,
        resolved_at: done ? touched : null,
        closed_at: demo.status === 'closed' ? touched : null,
        search_text: '',
      });
      const stored = (await incidentsRepository.get(tx, id)) as StoredIncident;
      await tx
        .updateTable('desk.incidents')
        .set({ search_text: incidentSearchText(stored) })
        .where('id', '=', id)
        .execute();
      const by = (user: typeof requester) => ({
        actor_id: user?.id ?? null,
        actor_name: user?.displayName ?? 'Kontor',
      });
      await incidentsRepository.addActivity(tx, {
        incident_id: id,
        kind: 'change',
        field: 'status',
        from_value: null,
        to_value: 'new',
        at: created,
        ...by(requester),
      });
      if (demo.note)
        await incidentsRepository.addActivity(tx, {
          incident_id: id,
          kind: 'comment',
          internal: true,
          body: demo.note,
          at: touched,
          ...by(agent),
        });
      if (demo.reply)
        await incidentsRepository.addActivity(tx, {
          incident_id: id,
          kind: 'comment',
          body: demo.reply,
          at: touched,
          ...by(agent),
        });
      if (demo.status !== 'new')
        await incidentsRepository.addActivity(tx, {
          incident_id: id,
          kind: 'change',
          field: 'status',
          from_value: 'new',
          to_value: demo.status,
          at: touched,
          ...by(agent),
        });
    }
  });
  await seedSlaDemo(platform);
  await seedProblemsDemo(platform);
}
