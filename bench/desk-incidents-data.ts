import type pg from 'pg';

/**
 * A million invented incidents of two years of a service desk, written by PostgreSQL itself (generate_series):
 * most old incidents closed and most of the last fortnight's open, normal priority the rule and critical rare,
 * a few big clients and a long tail, 25 agents with the benchmark's admin among them, some labels, texts from
 * a list of the problems people report. Random, not seeded: the distributions matter, not the rows.
 */

const CATEGORIES = ['network', 'printers', 'email', 'access', 'hardware', 'software', 'telephony', 'facilities'];
const TITLES = [
  'VPN down for remote staff',
  'Printer on floor 2 does not print',
  'Cannot log in to the intranet',
  'Outlook keeps asking for the password',
  'New laptop for a new employee',
  'Screen flickers after docking',
  'Shared drive is full',
  'Wi-Fi drops in the meeting room',
  'Phone line crackles',
  'Access to the finance folder',
  'Teams meeting has no sound',
  'Badge reader at the back door broken',
  'Scanner sends no e-mail',
  'Password reset for a locked account',
  'Software licence expired',
  'Slow network at the warehouse',
  'Calendar invitations disappear',
  'Keyboard missing keys',
  'Update fails with an error',
  'Projector shows no picture',
  'Mailbox over quota',
  'Cannot reach the order system',
  'Remote desktop disconnects',
  'Toner empty in the copy room',
  'Monitor arm loose',
  'Browser certificate warning',
  'Mobile phone will not sync mail',
  'Label printer prints blank labels',
  'Heating too low in the office',
  'Install statistics software',
];
const SENTENCES = [
  'It started this morning.',
  'Several colleagues have the same problem.',
  'Restarting did not help.',
  'It worked yesterday afternoon.',
  'The error message says access denied.',
  'Urgent because of a customer meeting.',
  'It happens every few minutes.',
  'Only on the second floor.',
  'I tried another cable.',
  'Please call me when someone can look at it.',
  'The light is blinking orange.',
  'It is very slow since the update.',
  'Nothing happens when I click the button.',
  'We need it before Friday.',
  'The customer is waiting for an answer.',
  'I have attached a screenshot.',
];
const PEOPLE = [
  'Anna Berg',
  'Erik Lund',
  'Maria Nowak',
  'Piotr Kowalski',
  'Olga Ivanova',
  'Johan Ek',
  'Sara Holm',
  'Lars Nilsson',
  'Karin Sjöberg',
  'Dmitri Petrov',
  'Agnieszka Wójcik',
  'Per Andersson',
  'Lena Svensson',
  'Tomasz Zieliński',
  'Elena Smirnova',
  'Nils Björk',
];
const CLIENT_WORDS = ['Nord', 'Syd', 'Väst', 'Öst', 'Berg', 'Sjö', 'Skog', 'Fjäll', 'Hav', 'Dal', 'Ström', 'Ek'];
const CLIENT_KINDS = ['Bygg', 'Logistik', 'Data', 'Konsult', 'Marin', 'Vård', 'Energi', 'Handel', 'Teknik', 'Foto'];
/** ACME AB first: the biggest client (about 4%), then a long tail. */
const CLIENTS = [
  'ACME AB',
  ...CLIENT_WORDS.flatMap((word) => CLIENT_KINDS.map((kind) => `${word}${kind.toLowerCase()} AB`)),
];

export const INCIDENTS = 1_000_000;
const CHUNK = 100_000;

/** Writes `count` incidents with every index of desk.incidents dropped meanwhile and built again after. */
export async function fillIncidents(client: pg.Client, adminId: string, count = INCIDENTS, log = console.log) {
  for (const name of CATEGORIES)
    await client.query(
      `insert into desk.categories (id, name) values (gen_random_uuid(), $1) on conflict (lower(name)) do nothing`,
      [name],
    );
  const categories = await client.query<{ id: string }>(
    `select id from desk.categories where lower(name) = any($1::text[]) order by array_position($1::text[], lower(name))`,
    [CATEGORIES],
  );
  const agentIds = [
    adminId,
    ...Array.from({ length: 24 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`),
  ];
  const agentNames = ['Administrator', ...agentIds.slice(1).map((_, i) => `Agent ${i + 1}`)];
  const indexes = await client.query<{ indexname: string; indexdef: string }>(
    `select indexname, indexdef from pg_indexes where schemaname = 'desk' and tablename = 'incidents'
       and indexname not in ('incidents_pkey', 'incidents_number_key')`,
  );
  for (const index of indexes.rows) await client.query(`drop index desk.${index.indexname}`);
  for (let done = 0; done < count; done += CHUNK) {
    const startedAt = performance.now();
    await client.query(FILL_SQL, [
      Math.min(CHUNK, count - done),
      categories.rows.map((row) => row.id),
      agentIds,
      agentNames,
      TITLES,
      SENTENCES,
      PEOPLE,
      CLIENTS,
    ]);
    log(
      `  ${done + Math.min(CHUNK, count - done)} incidents (${((performance.now() - startedAt) / 1000).toFixed(1)} s)`,
    );
  }
  await client.query(`set maintenance_work_mem = '512MB'`);
  for (const index of indexes.rows) {
    const startedAt = performance.now();
    await client.query(index.indexdef);
    log(`  index ${index.indexname} (${((performance.now() - startedAt) / 1000).toFixed(1)} s)`);
  }
  // As autovacuum would soon after: statistics, and the visibility map that lets counts read indexes only.
  await client.query('vacuum analyze desk.incidents');
}

// $1 rows, $2 category ids, $3 agent ids, $4 agent names, $5 titles, $6 sentences, $7 people, $8 clients.
const FILL_SQL = `
with drawn as (
  select nextval('desk.incident_number') as number,
    now() - interval '730 days' * power(random(), 1.6) as created_at,
    random() as r_status, random() as r_priority, random() as r_category, random() as r_assignee,
    random() as r_client, random() as r_label, random() as r_title, random() as r_text1, random() as r_text2,
    random() as r_person, random() as r_hours, random() as r_unassigned
  from generate_series(1, $1::int)
), shaped as (
  select d.*,
    case when d.created_at > now() - interval '14 days' then
      case when r_status < 0.25 then 'new' when r_status < 0.5 then 'in_progress' when r_status < 0.6 then 'waiting'
           when r_status < 0.85 then 'resolved' else 'closed' end
    else
      case when r_status < 0.004 then 'new' when r_status < 0.012 then 'in_progress' when r_status < 0.02 then 'waiting'
           when r_status < 0.06 then 'resolved' else 'closed' end
    end as status,
    case when r_priority < 0.25 then 'low' when r_priority < 0.8 then 'normal' when r_priority < 0.95 then 'high'
         else 'critical' end as priority,
    case when r_category < 0.1 then null
         else ($2::uuid[])[1 + floor(power((r_category - 0.1) / 0.9, 1.4) * array_length($2::uuid[], 1))::int] end
      as category_id,
    1 + floor(r_assignee * array_length($3::uuid[], 1))::int as agent,
    case when r_client < 0.1 then ''
         else ($8::text[])[1 + floor(power((r_client - 0.1) / 0.9, 1.8) * array_length($8::text[], 1))::int] end
      as client_ref,
    case when r_label < 0.04 then array['duplicate'] when r_label < 0.1 then array['vip']
         when r_label < 0.13 then array['hardware-swap', 'vip'] else '{}'::text[] end as labels,
    ($5::text[])[1 + floor(power(r_title, 1.2) * array_length($5::text[], 1))::int] as title,
    ($6::text[])[1 + floor(r_text1 * array_length($6::text[], 1))::int] || ' ' ||
      ($6::text[])[1 + floor(r_text2 * array_length($6::text[], 1))::int] as description,
    ($7::text[])[1 + floor(r_person * array_length($7::text[], 1))::int] as requester_name
  from drawn d
), assigned as (
  select s.*,
    case when s.status = 'new' and r_unassigned < 0.7 then null else ($3::uuid[])[agent] end as assignee_id,
    case when s.status = 'new' and r_unassigned < 0.7 then null else ($4::text[])[agent] end as assignee_name,
    s.created_at + interval '1 hour' * (r_hours * 72) as touched_at,
    'ORD-' || (10000 + s.number % 90000) as order_ref,
    lower(replace(s.requester_name, ' ', '.')) || '@example.org' as requester_email
  from shaped s
)
insert into desk.incidents (id, number, title, description, status, priority, category_id, assignee_id,
  assignee_name, requester_name, requester_email, client_ref, order_ref, labels, created_at, updated_at,
  first_response_at, resolved_at, closed_at, channel, search_text)
select gen_random_uuid(), number, title, title || '. ' || description, status, priority, category_id, assignee_id,
  assignee_name, requester_name, requester_email, client_ref, order_ref, labels, created_at,
  least(touched_at, now()),
  case when status <> 'new' then least(created_at + interval '20 minutes', now()) end,
  case when status in ('resolved', 'closed') then least(touched_at, now()) end,
  case when status = 'closed' then least(touched_at, now()) end,
  'web',
  lower('inc-' || lpad(number::text, 6, '0') || ' ' || number || ' ' || title || ' ' || title || ' ' ||
    description || ' ' || requester_name || ' ' || requester_email || ' ' || client_ref || ' ' || order_ref || ' ' ||
    array_to_string(labels, ' '))
from assigned`;
