/**
 * The words of the generated WestGear catalog (bench/commerce-data.ts): its category tree with the brands and price
 * range of each leaf, the engine models parts fit, product series names and description sentences in Swedish and
 * English.
 */

export type Kind = 'motor' | 'propeller' | 'part' | 'electronics' | 'wear' | 'fishing' | 'general' | 'boat';
export interface Leaf {
  slug: string;
  sv: string;
  en: string;
  kind: Kind;
  brands: string[];
  /** Consumer price range in whole kronor. */
  price: [number, number];
  fitment?: boolean;
}
export interface Top {
  slug: string;
  sv: string;
  en: string;
  leaves: Leaf[];
}

const OUTBOARD = ['Yamaha', 'Mercury', 'Suzuki', 'Honda', 'Tohatsu'];
const ELECTRONICS = ['Garmin', 'Lowrance', 'Humminbird', 'Raymarine', 'Simrad', 'Furuno'];
const FISHING = ['Shimano', 'Daiwa', 'Abu Garcia', 'Penn', 'Rapala', 'Westin', 'Savage Gear', 'Berkley'];
const WEAR = ['Helly Hansen', 'Musto', 'Gill', 'Sail Racing', 'Baltic', 'Regatta', 'Spinlock'];

export const TREE: Top[] = [
  {
    slug: 'motorer-och-delar',
    sv: 'Motorer och delar',
    en: 'Engines and parts',
    leaves: [
      {
        slug: 'utombordsmotorer',
        sv: 'utombordsmotor',
        en: 'outboard motor',
        kind: 'motor',
        brands: OUTBOARD,
        price: [9_000, 260_000],
      },
      {
        slug: 'propellrar',
        sv: 'propeller',
        en: 'propeller',
        kind: 'propeller',
        brands: ['Solas', 'Yamaha', 'Mercury', 'Suzuki', 'Michigan Wheel'],
        price: [600, 6_500],
        fitment: true,
      },
      {
        slug: 'impellrar',
        sv: 'impeller',
        en: 'impeller',
        kind: 'part',
        brands: ['CEF', 'Yamaha', 'Mercury', 'Johnson Pump'],
        price: [150, 900],
        fitment: true,
      },
      {
        slug: 'tandstift',
        sv: 'tändstift',
        en: 'spark plug',
        kind: 'part',
        brands: ['NGK', 'Champion', 'Bosch'],
        price: [40, 220],
        fitment: true,
      },
      {
        slug: 'oljefilter',
        sv: 'oljefilter',
        en: 'oil filter',
        kind: 'part',
        brands: ['Yamaha', 'Mercury', 'Suzuki', 'Sierra'],
        price: [80, 400],
        fitment: true,
      },
      {
        slug: 'anoder',
        sv: 'zinkanod',
        en: 'zinc anode',
        kind: 'part',
        brands: ['Martyr', 'Tecnoseal', 'Yamaha'],
        price: [100, 650],
        fitment: true,
      },
      {
        slug: 'bransletankar',
        sv: 'bränsletank',
        en: 'fuel tank',
        kind: 'general',
        brands: ['Scepter', 'Yamaha', 'Tuffy'],
        price: [400, 1_600],
      },
      {
        slug: 'motorolja',
        sv: 'motorolja',
        en: 'engine oil',
        kind: 'general',
        brands: ['Quicksilver', 'Yamalube', 'Castrol'],
        price: [150, 950],
      },
    ],
  },
  {
    slug: 'elektronik',
    sv: 'Elektronik',
    en: 'Electronics',
    leaves: [
      {
        slug: 'ekolod',
        sv: 'ekolod',
        en: 'fishfinder',
        kind: 'electronics',
        brands: ELECTRONICS,
        price: [1_500, 42_000],
      },
      {
        slug: 'plottrar',
        sv: 'sjökortsplotter',
        en: 'chartplotter',
        kind: 'electronics',
        brands: ELECTRONICS,
        price: [4_000, 65_000],
      },
      {
        slug: 'vhf-radio',
        sv: 'VHF-radio',
        en: 'VHF radio',
        kind: 'electronics',
        brands: ['Standard Horizon', 'Icom', 'Cobra', 'Garmin'],
        price: [1_200, 6_500],
      },
      {
        slug: 'autopiloter',
        sv: 'autopilot',
        en: 'autopilot',
        kind: 'electronics',
        brands: ['Raymarine', 'Simrad', 'Garmin'],
        price: [8_000, 45_000],
      },
      {
        slug: 'antenner',
        sv: 'antenn',
        en: 'antenna',
        kind: 'general',
        brands: ['Shakespeare', 'Glomex', 'Banten'],
        price: [400, 3_200],
      },
      {
        slug: 'batterier',
        sv: 'batteri',
        en: 'battery',
        kind: 'general',
        brands: ['Victron', 'Exide', 'Optima', 'Varta'],
        price: [1_000, 9_000],
      },
    ],
  },
  {
    slug: 'sakerhet',
    sv: 'Säkerhet',
    en: 'Safety',
    leaves: [
      { slug: 'flytvastar', sv: 'flytväst', en: 'life jacket', kind: 'wear', brands: WEAR, price: [400, 3_200] },
      {
        slug: 'raddningsvastar',
        sv: 'räddningsväst',
        en: 'lifejacket',
        kind: 'wear',
        brands: ['Baltic', 'Spinlock', 'Crewsaver', 'Regatta'],
        price: [900, 4_500],
      },
      {
        slug: 'brandslackare',
        sv: 'brandsläckare',
        en: 'fire extinguisher',
        kind: 'general',
        brands: ['Housegard', 'Gloria'],
        price: [300, 1_400],
      },
      {
        slug: 'nodraketer',
        sv: 'nödraket',
        en: 'distress flare',
        kind: 'general',
        brands: ['Ikaros', 'Pains Wessex'],
        price: [250, 1_200],
      },
    ],
  },
  {
    slug: 'forankring',
    sv: 'Förankring',
    en: 'Anchoring and mooring',
    leaves: [
      {
        slug: 'ankare',
        sv: 'ankare',
        en: 'anchor',
        kind: 'general',
        brands: ['Lewmar', 'Rocna', 'Delta', 'Bruce'],
        price: [500, 8_500],
      },
      {
        slug: 'forankringslinor',
        sv: 'förtöjningslina',
        en: 'mooring line',
        kind: 'general',
        brands: ['Gleistein', 'Liros', 'Marlow'],
        price: [200, 2_200],
      },
      {
        slug: 'fendrar',
        sv: 'fender',
        en: 'fender',
        kind: 'general',
        brands: ['Polyform', 'Majoni', 'Dan-Fender'],
        price: [150, 1_600],
      },
      {
        slug: 'kattingar',
        sv: 'ankarkätting',
        en: 'anchor chain',
        kind: 'general',
        brands: ['Lewmar', 'Kong', 'Maggi'],
        price: [600, 5_000],
      },
    ],
  },
  {
    slug: 'fiske',
    sv: 'Fiske',
    en: 'Fishing',
    leaves: [
      { slug: 'spon', sv: 'spinnspö', en: 'spinning rod', kind: 'fishing', brands: FISHING, price: [400, 5_200] },
      { slug: 'rullar', sv: 'spinnrulle', en: 'spinning reel', kind: 'fishing', brands: FISHING, price: [350, 6_000] },
      {
        slug: 'beten',
        sv: 'wobbler',
        en: 'lure',
        kind: 'fishing',
        brands: ['Rapala', 'Westin', 'Savage Gear', 'Abu Garcia'],
        price: [60, 320],
      },
      {
        slug: 'fiskelinor',
        sv: 'fiskelina',
        en: 'fishing line',
        kind: 'fishing',
        brands: ['Berkley', 'PowerPro', 'Shimano', 'Daiwa'],
        price: [90, 550],
      },
      {
        slug: 'havsfiske',
        sv: 'havsfiskeset',
        en: 'sea fishing kit',
        kind: 'fishing',
        brands: ['Penn', 'Abu Garcia', 'Kinetic'],
        price: [300, 2_500],
      },
    ],
  },
  {
    slug: 'klader',
    sv: 'Kläder',
    en: 'Clothing',
    leaves: [
      {
        slug: 'seglarjackor',
        sv: 'seglarjacka',
        en: 'sailing jacket',
        kind: 'wear',
        brands: WEAR,
        price: [1_200, 8_500],
      },
      {
        slug: 'seglarbyxor',
        sv: 'seglarbyxor',
        en: 'sailing trousers',
        kind: 'wear',
        brands: WEAR,
        price: [900, 5_500],
      },
      {
        slug: 'stovlar',
        sv: 'båtstövlar',
        en: 'sailing boots',
        kind: 'wear',
        brands: ['Dubarry', 'Gill', 'Musto', 'Helly Hansen'],
        price: [700, 4_200],
      },
      {
        slug: 'handskar',
        sv: 'seglarhandskar',
        en: 'sailing gloves',
        kind: 'wear',
        brands: ['Gill', 'Musto', 'Zhik', 'Spinlock'],
        price: [250, 900],
      },
    ],
  },
  {
    slug: 'batar',
    sv: 'Båtar och trailers',
    en: 'Boats and trailers',
    leaves: [
      {
        slug: 'gummibatar',
        sv: 'gummibåt',
        en: 'inflatable boat',
        kind: 'boat',
        brands: ['Zodiac', 'Honwave', 'Quicksilver'],
        price: [8_000, 95_000],
      },
      {
        slug: 'kajaker',
        sv: 'kajak',
        en: 'kayak',
        kind: 'boat',
        brands: ['Prijon', 'Point 65', 'Feelfree'],
        price: [4_000, 28_000],
      },
      {
        slug: 'battrailers',
        sv: 'båttrailer',
        en: 'boat trailer',
        kind: 'boat',
        brands: ['Brenderup', 'Nordic', 'Tiki'],
        price: [12_000, 65_000],
      },
    ],
  },
];

/** Engine models parts fit, with the years they were made. */
export const MODELS: Array<[string, string, number, number]> = [
  ...[
    'F2.5',
    'F4',
    'F6',
    'F8',
    'F9.9',
    'F15',
    'F20',
    'F25',
    'F30',
    'F40',
    'F50',
    'F60',
    'F70',
    'F90',
    'F115',
    'F150',
    'F200',
    'F250',
  ].map((model): [string, string, number, number] => ['Yamaha', model, 2000, 2024]),
  ...['2.5', '5', '9.9', '15', '20', '30', '40', '60', '90', '115', '150', '200'].map(
    (model): [string, string, number, number] => ['Mercury', model, 2004, 2024],
  ),
  ...['DF2.5', 'DF6', 'DF9.9', 'DF15', 'DF20', 'DF30', 'DF40', 'DF60', 'DF90', 'DF140', 'DF200'].map(
    (model): [string, string, number, number] => ['Suzuki', model, 2003, 2024],
  ),
  ...['BF2.3', 'BF5', 'BF10', 'BF15', 'BF20', 'BF40', 'BF50', 'BF60', 'BF90', 'BF150'].map(
    (model): [string, string, number, number] => ['Honda', model, 2001, 2024],
  ),
  ...['MFS5', 'MFS9.8', 'MFS15', 'MFS20', 'MFS30', 'MFS50', 'MFS60'].map((model): [string, string, number, number] => [
    'Tohatsu',
    model,
    2006,
    2024,
  ]),
  ...['E-TEC 25', 'E-TEC 60', 'E-TEC 90', 'E-TEC 150'].map((model): [string, string, number, number] => [
    'Evinrude',
    model,
    2004,
    2020,
  ]),
  ...['Volvo Penta D1-30', 'Volvo Penta D2-40', 'Volvo Penta D2-75'].map((model): [string, string, number, number] => [
    'Volvo Penta',
    model.slice('Volvo Penta '.length),
    1998,
    2024,
  ]),
];
export const SERIES = [
  'Amita',
  'Saturn',
  'Rubex',
  'Titan',
  'Pro',
  'Sport',
  'Classic',
  'Elite',
  'Nova',
  'Vega',
  'Atlas',
  'Orca',
];
export const SERIES_MORE = [
  'Storm',
  'Breeze',
  'Polar',
  'Delta',
  'Falcon',
  'Marlin',
  'Comet',
  'Zephyr',
  'Nordic',
  'Kustlinjen',
];
export const SENTENCES_SV = [
  'Tålig konstruktion för tuff användning till sjöss.',
  'Testad i saltvatten och kallt klimat.',
  'Enkel att montera och underhålla.',
  'Levereras med monteringsanvisning på svenska.',
  'Ett populärt val bland fritidsbåtägare.',
  'Lätt och kompakt, tar liten plats ombord.',
  'Korrosionsskyddad för lång livslängd.',
  'Passar både nybörjare och erfarna båtfolk.',
];
export const SENTENCES_EN = [
  'Rugged build for hard use at sea.',
  'Tested in salt water and cold climates.',
  'Easy to fit and to maintain.',
  'Comes with fitting instructions.',
  'A popular choice among leisure boaters.',
  'Light and compact, takes little room on board.',
  'Protected against corrosion for a long life.',
  'Suits beginners and seasoned sailors alike.',
];
