import type { NoticeKind, UnitKind } from '@kontor/contracts';

/** A unit of the demo region; people are generated for it unless listed. */
export interface DemoUnit {
  name: string;
  kind: UnitKind;
  description?: string;
  /** How many generated people work here, besides those listed. */
  staff?: number;
  people?: Array<{ givenName: string; familyName: string; title: string; holds?: string }>;
  functions?: string[];
  radio?: string;
  fallback?: string;
  notices?: Array<{ kind: NoticeKind; title: string; body: string; daysAgo: number; unpublished?: boolean }>;
  children?: DemoUnit[];
}

export const HOSPITAL_FUNCTIONS = ['Enhetschef', 'Jourhavande läkare', 'Ansvarig sjuksköterska'];
export const PRIMARY_CARE_FUNCTIONS = ['Verksamhetschef', 'Jourhavande distriktsläkare'];

const itOutage = (where: string) => ({
  kind: 'instruction' as const,
  title: 'Vid avbrott i IT och telefoni',
  body: `Använd reservrutinen: pappersjournal ur krisskåpet, ${where}. Ring växeln från en fast reservtelefon (rödmärkt). Fungerar ingen telefoni: RAKEL-talgruppen ovan, annars springbud till närmaste ledningsplats.`,
  daysAgo: 40,
});

const primaryCare = (town: string): DemoUnit => ({
  name: `Vårdcentralen ${town}`,
  kind: 'primary_care',
  description: `Primärvård för ${town} med omnejd. Drop-in vardagar 8–10.`,
  staff: 6,
  functions: PRIMARY_CARE_FUNCTIONS,
  fallback: `Vid telefoniavbrott: sätt upp skylt vid entrén och hänvisa till närmaste lasarett. Akuta ärenden: 112.`,
});

/**
 * Region Örebro län as a fictitious demo: real place names, invented people, numbers from the ranges the Swedish
 * regulator (PTS) reserves for fiction, addresses and e-mail domains that cannot exist.
 */
export const demoRegion: DemoUnit = {
  name: 'Region Örebro län',
  kind: 'region',
  description: 'Demoorganisation. Alla personer, nummer och adresser är påhittade.',
  functions: ['Tjänsteman i beredskap (TiB)', 'Regional sjukvårdsledning'],
  radio: 'RÖL REGION LEDNING 1',
  fallback: 'Om alla ordinarie system ligger nere: TiB nås via satellittelefon. Ledningsplats: regionhuset, plan 4.',
  notices: [
    {
      kind: 'instruction',
      title: 'Stabsläge: så larmas TiB',
      body: 'Vid särskild händelse larmar SOS Alarm TiB. Fungerar inte telefonin används satellittelefonen eller RAKEL-talgruppen RÖL REGION LEDNING 1.',
      daysAgo: 120,
    },
    {
      kind: 'bulletin',
      title: 'Övning i regional ledning',
      body: 'Den regionala sjukvårdsledningen övar nästa tisdag 13–16. Övningsmeddelanden inleds med "ÖVNING ÖVNING ÖVNING".',
      daysAgo: 2,
    },
  ],
  children: [
    {
      name: 'Universitetssjukhuset Örebro',
      kind: 'hospital',
      description: 'Länets universitetssjukhus med akutsjukvård dygnet runt.',
      functions: ['Sjukhusets ledningsfunktion', 'Säkerhetssamordnare'],
      radio: 'RÖL USÖ LEDNING',
      fallback: 'Ledningsplats vid avbrott: sjukhusets ledningsrum, plan 1. Springbud från växeln.',
      children: [
        {
          name: 'Akutmottagningen',
          kind: 'unit',
          staff: 12,
          functions: [...HOSPITAL_FUNCTIONS, 'Medicinskt ledningsansvarig läkare'],
          people: [
            { givenName: 'Märta', familyName: 'Sjöberg', title: 'Överläkare', holds: 'Jourhavande läkare' },
            { givenName: 'Åsa', familyName: 'Lindqvist', title: 'Vårdenhetschef', holds: 'Enhetschef' },
          ],
          radio: 'RÖL USÖ AKUT 1',
          fallback: 'Om telefoni och IT ligger nere: springbud till akutens expedition, plan 2, ingång C.',
          notices: [
            itOutage('akutens expedition'),
            {
              kind: 'bulletin',
              title: 'Ny rutin för triage',
              body: 'Från måndag används den uppdaterade triagemallen. Utbildning i konferensrummet kl. 14.',
              daysAgo: 5,
            },
            {
              kind: 'bulletin',
              title: 'Utkast: sommarbemanning',
              body: 'Schemat för sommaren publiceras när det är klart.',
              daysAgo: 1,
              unpublished: true,
            },
          ],
        },
        {
          name: 'Intensivvårdsavdelningen (IVA)',
          kind: 'unit',
          staff: 10,
          functions: HOSPITAL_FUNCTIONS,
          people: [{ givenName: 'Göran', familyName: 'Åkesson', title: 'Överläkare', holds: 'Enhetschef' }],
          radio: 'RÖL USÖ IVA',
          notices: [itOutage('IVA:s läkarexpedition')],
        },
        { name: 'Ortopedavdelning 71', kind: 'unit', staff: 8, functions: HOSPITAL_FUNCTIONS },
        { name: 'Kardiologiska kliniken', kind: 'clinic', staff: 7, functions: HOSPITAL_FUNCTIONS },
        { name: 'Barn- och ungdomsmedicin', kind: 'clinic', staff: 7, functions: HOSPITAL_FUNCTIONS },
        { name: 'Förlossningen', kind: 'unit', staff: 7, functions: HOSPITAL_FUNCTIONS },
        { name: 'Operationsavdelningen', kind: 'unit', staff: 8, functions: HOSPITAL_FUNCTIONS },
        { name: 'Infektionskliniken', kind: 'clinic', staff: 5, functions: HOSPITAL_FUNCTIONS },
        { name: 'Röntgenkliniken', kind: 'clinic', staff: 5, functions: ['Enhetschef', 'Jourhavande röntgenläkare'] },
      ],
    },
    {
      name: 'Karlskoga lasarett',
      kind: 'hospital',
      description: 'Länsdelssjukhus i västra länet.',
      functions: ['Sjukhusets ledningsfunktion'],
      radio: 'RÖL KARLSKOGA LEDNING',
      children: [
        {
          name: 'Akutmottagningen Karlskoga',
          kind: 'unit',
          staff: 7,
          functions: HOSPITAL_FUNCTIONS,
          radio: 'RÖL KARLSKOGA AKUT',
          notices: [itOutage('akutens sköterskeexpedition')],
        },
        { name: 'Medicinavdelning 1', kind: 'unit', staff: 6, functions: HOSPITAL_FUNCTIONS },
        { name: 'Ortopedavdelningen Karlskoga', kind: 'unit', staff: 5, functions: HOSPITAL_FUNCTIONS },
        { name: 'Operation och anestesi', kind: 'unit', staff: 5, functions: HOSPITAL_FUNCTIONS },
      ],
    },
    {
      name: 'Lindesbergs lasarett',
      kind: 'hospital',
      description: 'Länsdelssjukhus i norra länet.',
      functions: ['Sjukhusets ledningsfunktion'],
      radio: 'RÖL LINDESBERG LEDNING',
      children: [
        {
          name: 'Närakuten Lindesberg',
          kind: 'unit',
          staff: 5,
          functions: HOSPITAL_FUNCTIONS,
          notices: [itOutage('närakutens reception')],
        },
        { name: 'Medicinavdelningen Lindesberg', kind: 'unit', staff: 5, functions: HOSPITAL_FUNCTIONS },
        { name: 'Rehabiliteringsavdelningen', kind: 'unit', staff: 4, functions: ['Enhetschef'] },
      ],
    },
    {
      name: 'Primärvården',
      kind: 'clinic',
      description: 'Länets vårdcentraler.',
      children: ['Brickebacken', 'Tybble', 'Hallsberg', 'Askersund', 'Nora', 'Kumla'].map(primaryCare),
    },
  ],
};

export const GIVEN_NAMES = [
  'Anna',
  'Maria',
  'Karin',
  'Eva',
  'Kristina',
  'Lena',
  'Sara',
  'Ingrid',
  'Linnéa',
  'Elsa',
  'Åsa',
  'Märta',
  'Sofia',
  'Emma',
  'Malin',
  'Birgitta',
  'Ylva',
  'Agneta',
  'Signe',
  'Hanna',
  'Erik',
  'Lars',
  'Karl',
  'Per',
  'Johan',
  'Anders',
  'Mats',
  'Björn',
  'Göran',
  'Jörgen',
  'Håkan',
  'Sören',
  'Oskar',
  'Nils',
  'Olof',
  'Ulf',
  'Mikael',
  'Fredrik',
  'Ali',
  'Amir',
  'Leila',
  'Noor',
  'Zeynep',
  'Mohammed',
  'Tove',
  'Ronja',
  'Östen',
  'Åke',
];

export const FAMILY_NAMES = [
  'Andersson',
  'Johansson',
  'Karlsson',
  'Nilsson',
  'Eriksson',
  'Larsson',
  'Olsson',
  'Persson',
  'Svensson',
  'Gustafsson',
  'Pettersson',
  'Jonsson',
  'Hansson',
  'Bengtsson',
  'Jönsson',
  'Lindberg',
  'Magnusson',
  'Lindström',
  'Olofsson',
  'Lindgren',
  'Berg',
  'Axelsson',
  'Bergström',
  'Lundberg',
  'Lind',
  'Lundqvist',
  'Mattsson',
  'Berglund',
  'Fredriksson',
  'Sandberg',
  'Henriksson',
  'Forsberg',
  'Sjöberg',
  'Wallin',
  'Engström',
  'Eklund',
  'Danielsson',
  'Håkansson',
  'Björk',
  'Bergman',
  'Holm',
  'Wikström',
  'Nyström',
  'Löfgren',
  'Söderberg',
  'Blomqvist',
  'Mårtensson',
  'Ström',
  'Åberg',
  'Öberg',
  'Ågren',
  'Ödman',
  'Ekström',
  'Hellström',
  'Åkesson',
  'Östlund',
  'Söderström',
  'Vallin',
  'Yilmaz',
  'Haddad',
];

export const HOSPITAL_TITLES = [
  'Överläkare',
  'Specialistläkare',
  'ST-läkare',
  'Sjuksköterska',
  'Sjuksköterska',
  'Specialistsjuksköterska',
  'Undersköterska',
  'Undersköterska',
  'Medicinsk sekreterare',
  'Fysioterapeut',
];
export const PRIMARY_CARE_TITLES = [
  'Distriktsläkare',
  'Distriktssköterska',
  'Sjuksköterska',
  'Undersköterska',
  'Medicinsk sekreterare',
];
