// Demo data, not code: one entry per product reads better than a file split to stay under 400 lines.
import type { DemoIcon } from './demo-image.js';
import type { AttributeValue } from './tables.js';

/** WestGear's demo catalog (seed 001): what a newcomer browses, searches and buys. Prices in whole kronor, VAT included. */

export const demoBrands: Array<[slug: string, name: string]> = [
  ['yamaha', 'Yamaha'],
  ['mercury', 'Mercury'],
  ['suzuki', 'Suzuki'],
  ['garmin', 'Garmin'],
  ['lowrance', 'Lowrance'],
  ['humminbird', 'Humminbird'],
  ['solas', 'Solas'],
  ['abu-garcia', 'Abu Garcia'],
  ['rapala', 'Rapala'],
  ['linder', 'Linder'],
  ['buster', 'Buster'],
  ['brenderup', 'Brenderup'],
  ['baltic', 'Baltic'],
  ['lewmar', 'Lewmar'],
  ['majoni', 'Majoni'],
  ['pioner', 'Pioner'],
];

/** [slug, parent slug, sv, en, sv description, en description] */
export const demoCategories: Array<[string, string | null, string, string, string, string]> = [
  [
    'batar',
    null,
    'Båtar',
    'Boats',
    'Aluminium- och plastbåtar för fiske och familj.',
    'Aluminium and fibreglass boats for fishing and family days.',
  ],
  [
    'battrailers',
    'batar',
    'Båttrailers',
    'Boat trailers',
    'Trailers för båtar upp till 6 meter.',
    'Trailers for boats up to 6 metres.',
  ],
  [
    'utombordsmotorer',
    null,
    'Utombordsmotorer',
    'Outboard motors',
    'Fyrtaktare från 6 till 40 hk.',
    'Four-stroke outboards from 6 to 40 hp.',
  ],
  [
    'marinelektronik',
    null,
    'Marinelektronik',
    'Marine electronics',
    'Ekolod, plottrar och givare.',
    'Fishfinders, chartplotters and transducers.',
  ],
  [
    'ekolod',
    'marinelektronik',
    'Ekolod',
    'Fishfinders',
    'Ekolod med CHIRP och sidobild.',
    'Fishfinders with CHIRP and side imaging.',
  ],
  [
    'sjokortsplottrar',
    'marinelektronik',
    'Sjökortsplottrar',
    'Chartplotters',
    'Plottrar med svenska sjökort.',
    'Chartplotters with Swedish charts.',
  ],
  [
    'tillbehor',
    null,
    'Tillbehör',
    'Accessories',
    'Allt för båten och bryggan.',
    'Everything for the boat and the jetty.',
  ],
  [
    'propellrar',
    'tillbehor',
    'Propellrar',
    'Propellers',
    'Propellrar i aluminium och rostfritt.',
    'Aluminium and stainless steel propellers.',
  ],
  ['ankare', 'tillbehor', 'Ankare', 'Anchors', 'Ankare för sand, lera och sten.', 'Anchors for sand, mud and rock.'],
  ['fendrar', 'tillbehor', 'Fendrar', 'Fenders', 'Fendrar och fenderlinor.', 'Fenders and fender lines.'],
  [
    'flytvastar',
    'tillbehor',
    'Flytvästar',
    'Life jackets',
    'Flytvästar och räddningsvästar för vuxna och barn.',
    'Buoyancy aids and life jackets for adults and children.',
  ],
  ['fiske', null, 'Fiske', 'Fishing gear', 'Spön, rullar och beten.', 'Rods, reels and lures.'],
  ['fiskespon', 'fiske', 'Spön', 'Rods', 'Spinn- och trollingspön.', 'Spinning and trolling rods.'],
  ['fiskerullar', 'fiske', 'Rullar', 'Reels', 'Haspel- och multirullar.', 'Spinning and baitcasting reels.'],
  ['beten', 'fiske', 'Beten', 'Lures', 'Wobblers och skeddrag.', 'Crankbaits and spoons.'],
];

/** [key, type, unit, sv, en, facet, enum options [value, sv, en]] */
export const demoAttributes: Array<
  [
    string,
    'text' | 'number' | 'boolean' | 'enum',
    string | null,
    string,
    string,
    boolean,
    Array<[string, string, string]>,
  ]
> = [
  ['power_hp', 'number', 'hp', 'Effekt', 'Power', true, []],
  [
    'shaft_length',
    'enum',
    null,
    'Riggdjup',
    'Shaft length',
    true,
    [
      ['S', 'Kort (15")', 'Short (15")'],
      ['L', 'Lång (20")', 'Long (20")'],
      ['XL', 'Extra lång (25")', 'Extra long (25")'],
    ],
  ],
  ['pitch_in', 'number', 'in', 'Stigning', 'Pitch', true, []],
  ['diameter_in', 'number', 'in', 'Diameter', 'Diameter', true, []],
  ['blades', 'number', null, 'Antal blad', 'Blades', false, []],
  [
    'material',
    'enum',
    null,
    'Material',
    'Material',
    true,
    [
      ['aluminium', 'Aluminium', 'Aluminium'],
      ['stainless', 'Rostfritt stål', 'Stainless steel'],
      ['galvanised', 'Galvaniserat stål', 'Galvanised steel'],
      ['fibreglass', 'Glasfiber', 'Fibreglass'],
      ['pvc', 'PVC', 'PVC'],
    ],
  ],
  ['waterproof', 'boolean', null, 'Vattentät', 'Waterproof', true, []],
  ['screen_in', 'number', 'in', 'Skärmstorlek', 'Screen size', true, []],
  ['length_m', 'number', 'm', 'Längd', 'Length', true, []],
  ['persons', 'number', null, 'Max antal personer', 'Max persons', false, []],
  ['buoyancy_n', 'number', 'N', 'Flytkraft', 'Buoyancy', true, []],
  ['weight_kg', 'number', 'kg', 'Vikt', 'Weight', false, []],
  ['max_load_kg', 'number', 'kg', 'Maxlast', 'Max load', true, []],
];

export interface DemoVariant {
  sku: string;
  options?: Record<string, string>;
  attributes?: Record<string, AttributeValue>;
  grams: number;
  /** Kronor, VAT included. */
  sek: number;
  /** [on hand, low-stock threshold, backorder]. */
  stock?: [number, number, boolean?];
}

export interface DemoProduct {
  slug: string;
  brand: string;
  category: string;
  icon: DemoIcon;
  bulky?: boolean;
  name: [string, string];
  description: [string, string];
  attributes?: Record<string, AttributeValue>;
  options?: Array<[key: string, sv: string, en: string]>;
  variants: DemoVariant[];
  fitments?: Array<[make: string, model: string, from: number, to: number]>;
  /** Vinterrea: percent off the retail price. */
  salePercent?: number;
  /** The retail price 20 days before the sale began, when it was lower than now (the 30-day rule's showcase). */
  earlierSek?: number;
}

const shafts = (sku: string, sek: number, grams: number, lengths = ['L', 'XL']): DemoVariant[] =>
  lengths.map((length, index) => ({
    sku: `${sku}-${length}`,
    options: { shaft: length },
    attributes: { shaft_length: length },
    grams: grams + index * 2000,
    sek: sek + index * 1500,
  }));

const pitches = (sku: string, values: number[], sek: number, grams: number): DemoVariant[] =>
  values.map((pitch) => ({
    sku: `${sku}-P${pitch}`,
    options: { pitch: `${pitch}"` },
    attributes: { pitch_in: pitch },
    grams,
    sek,
  }));

/** A SKU's part from a label: "blå" → "BLA", "15-25 kg" → "15-25KG". */
const skuPart = (label: string) =>
  label
    .normalize('NFD')
    .replace(/[^A-Za-z0-9-]/g, '')
    .toUpperCase();

const sizes = (sku: string, values: string[], colours: string[], sek: number, grams: number): DemoVariant[] =>
  colours.flatMap((colour) =>
    values.map((size) => ({
      sku: `${sku}-${skuPart(colour).slice(0, 3)}-${skuPart(size)}`,
      options: { size, colour },
      grams,
      sek,
    })),
  );

const motorAxes: DemoProduct['options'] = [['shaft', 'Riggdjup', 'Shaft length']];
const pitchAxes: DemoProduct['options'] = [['pitch', 'Stigning', 'Pitch']];
const vestAxes: DemoProduct['options'] = [
  ['size', 'Storlek', 'Size'],
  ['colour', 'Färg', 'Colour'],
];

const YAMAHA_MID: DemoProduct['fitments'] = [
  ['Yamaha', 'F40', 2010, 2020],
  ['Yamaha', 'F50', 2010, 2020],
  ['Yamaha', 'F60', 2010, 2020],
];

export const demoProducts: DemoProduct[] = [
  {
    slug: 'linder-sportsman-445',
    brand: 'linder',
    category: 'batar',
    icon: 'boat',
    bulky: true,
    name: ['Linder Sportsman 445', 'Linder Sportsman 445'],
    description: [
      'Stabil aluminiumbåt för fiske och familjeturer, byggd i Sverige. Klarar motorer upp till 20 hk.',
      'A stable aluminium boat for fishing and family trips, built in Sweden. Takes motors up to 20 hp.',
    ],
    attributes: { material: 'aluminium', length_m: 4.45, persons: 4 },
    variants: [{ sku: 'LIN-SP445', grams: 150000, sek: 54900, stock: [0, 0, true] }],
  },
  {
    slug: 'linder-arkip-460',
    brand: 'linder',
    category: 'batar',
    icon: 'boat',
    bulky: true,
    name: ['Linder Arkip 460', 'Linder Arkip 460'],
    description: [
      'Mångsidig arbetsbåt med plant däck och hög fribord.',
      'A versatile workboat with a flat deck and high freeboard.',
    ],
    attributes: { material: 'aluminium', length_m: 4.6, persons: 5 },
    variants: [{ sku: 'LIN-ARK460', grams: 190000, sek: 89900, stock: [2, 1] }],
  },
  {
    slug: 'buster-l',
    brand: 'buster',
    category: 'batar',
    icon: 'boat',
    bulky: true,
    name: ['Buster L', 'Buster L'],
    description: [
      'Finsk aluminiumbåt med styrpulpet, torr och trygg i krabb sjö.',
      'A Finnish aluminium boat with a side console, dry and safe in a chop.',
    ],
    attributes: { material: 'aluminium', length_m: 4.9, persons: 5 },
    variants: [{ sku: 'BUS-L', grams: 320000, sek: 189000, stock: [1, 1] }],
  },
  {
    slug: 'brenderup-batrailer-750',
    brand: 'brenderup',
    category: 'battrailers',
    icon: 'trailer',
    bulky: true,
    name: ['Brenderup båttrailer 750 kg', 'Brenderup boat trailer 750 kg'],
    description: [
      'Varmförzinkad båttrailer med kölrullar, för båtar upp till 5 meter.',
      'A hot-dip galvanised boat trailer with keel rollers for boats up to 5 metres.',
    ],
    attributes: { material: 'galvanised' },
    options: [['load', 'Maxlast', 'Max load']],
    variants: [
      {
        sku: 'BRE-BT-750',
        options: { load: '750 kg' },
        attributes: { max_load_kg: 750 },
        grams: 180000,
        sek: 21900,
        stock: [3, 1],
      },
      {
        sku: 'BRE-BT-1000',
        options: { load: '1000 kg' },
        attributes: { max_load_kg: 1000 },
        grams: 230000,
        sek: 27900,
        stock: [1, 1],
      },
    ],
  },
  {
    slug: 'yamaha-f40-fetl',
    brand: 'yamaha',
    category: 'utombordsmotorer',
    icon: 'motor',
    bulky: true,
    name: ['Yamaha F40FETL utombordsmotor', 'Yamaha F40FETL outboard motor'],
    description: [
      'Tyst och bränslesnål fyrtaktare med elstart och trim. En favorit på 4,5–5,5 meters båtar.',
      'A quiet, economical four-stroke with electric start and trim. A favourite on 4.5–5.5 metre boats.',
    ],
    attributes: { power_hp: 40 },
    options: motorAxes,
    variants: shafts('YAM-F40FETL', 89900, 97000),
  },
  {
    slug: 'yamaha-f20-gepl',
    brand: 'yamaha',
    category: 'utombordsmotorer',
    icon: 'motor',
    name: ['Yamaha F20GEPL utombordsmotor', 'Yamaha F20GEPL outboard motor'],
    description: [
      'Lätt 20-hästare med elstart, perfekt för Sportsman och liknande båtar.',
      'A light 20 hp motor with electric start, just right for the Sportsman and similar boats.',
    ],
    attributes: { power_hp: 20 },
    options: motorAxes,
    variants: shafts('YAM-F20GEPL', 49900, 47000, ['S', 'L']),
    salePercent: 10,
  },
  {
    slug: 'yamaha-f9-9-jmhs',
    brand: 'yamaha',
    category: 'utombordsmotorer',
    icon: 'motor',
    name: ['Yamaha F9.9JMHS utombordsmotor', 'Yamaha F9.9JMHS outboard motor'],
    description: [
      'Smidig 9,9-hästare med handstart, för jullen och ekan.',
      'A handy 9.9 hp motor with manual start, for dinghies and rowing boats.',
    ],
    attributes: { power_hp: 9.9 },
    options: motorAxes,
    variants: shafts('YAM-F99JMH', 29900, 40000, ['S', 'L']),
  },
  {
    slug: 'mercury-40-elpt',
    brand: 'mercury',
    category: 'utombordsmotorer',
    icon: 'motor',
    bulky: true,
    name: ['Mercury 40 ELPT EFI', 'Mercury 40 ELPT EFI'],
    description: [
      'Insprutad fyrtaktare med power trim, stark i låga varv.',
      'A fuel-injected four-stroke with power trim and strong low-end torque.',
    ],
    attributes: { power_hp: 40 },
    options: motorAxes,
    variants: shafts('MER-40ELPT', 92900, 98000),
  },
  {
    slug: 'mercury-15-mh',
    brand: 'mercury',
    category: 'utombordsmotorer',
    icon: 'motor',
    name: ['Mercury 15 MH', 'Mercury 15 MH'],
    description: ['Lättstartad 15-hästare med rorkult.', 'An easy-starting 15 hp tiller motor.'],
    attributes: { power_hp: 15 },
    options: motorAxes,
    variants: shafts('MER-15MH', 38900, 45000, ['S', 'L']),
  },
  {
    slug: 'suzuki-df40atl',
    brand: 'suzuki',
    category: 'utombordsmotorer',
    icon: 'motor',
    bulky: true,
    name: ['Suzuki DF40ATL', 'Suzuki DF40ATL'],
    description: [
      'Lean Burn-teknik ger låg förbrukning; offset-drivlina för bättre balans.',
      'Lean Burn technology for low fuel use; an offset driveshaft for better balance.',
    ],
    attributes: { power_hp: 40 },
    options: motorAxes,
    variants: shafts('SUZ-DF40ATL', 87900, 104000),
  },
  {
    slug: 'suzuki-df6as',
    brand: 'suzuki',
    category: 'utombordsmotorer',
    icon: 'motor',
    name: ['Suzuki DF6AS', 'Suzuki DF6AS'],
    description: [
      'Lätt 6-hästare som väger 24 kg, med inbyggd tank.',
      'A light 6 hp motor weighing 24 kg, with a built-in tank.',
    ],
    attributes: { power_hp: 6 },
    options: motorAxes,
    variants: shafts('SUZ-DF6A', 19900, 24000, ['S', 'L']),
  },
  {
    slug: 'garmin-striker-vivid-4cv',
    brand: 'garmin',
    category: 'ekolod',
    icon: 'screen',
    name: ['Garmin Striker Vivid 4cv med givare', 'Garmin Striker Vivid 4cv with transducer'],
    description: [
      'Ekolod med 4" skärm, CHIRP och ClearVü, inklusive GT20-givare.',
      'A 4" fishfinder with CHIRP and ClearVü, GT20 transducer included.',
    ],
    attributes: { screen_in: 4.3, waterproof: true },
    variants: [{ sku: 'GAR-STV4CV', grams: 900, sek: 2490, stock: [14, 3] }],
    salePercent: 20,
    earlierSek: 2290,
  },
  {
    slug: 'garmin-echomap-uhd2-65sv',
    brand: 'garmin',
    category: 'sjokortsplottrar',
    icon: 'screen',
    name: ['Garmin ECHOMAP UHD2 65sv', 'Garmin ECHOMAP UHD2 65sv'],
    description: [
      'Kombinerad plotter och ekolod med 6" pekskärm och Garmin Navionics+ sjökort.',
      'A combined chartplotter and fishfinder with a 6" touchscreen and Garmin Navionics+ charts.',
    ],
    attributes: { screen_in: 6, waterproof: true },
    variants: [{ sku: 'GAR-EM65SV', grams: 1600, sek: 8990, stock: [6, 2] }],
    salePercent: 15,
  },
  {
    slug: 'lowrance-hook-reveal-5',
    brand: 'lowrance',
    category: 'ekolod',
    icon: 'screen',
    name: ['Lowrance HOOK Reveal 5 SplitShot', 'Lowrance HOOK Reveal 5 SplitShot'],
    description: [
      'Lättanvänt ekolod med FishReveal och autotuning.',
      'An easy fishfinder with FishReveal and automatic tuning.',
    ],
    attributes: { screen_in: 5, waterproof: true },
    variants: [{ sku: 'LOW-HR5-SS', grams: 1100, sek: 3990, stock: [2, 3] }],
  },
  {
    slug: 'lowrance-elite-fs-9',
    brand: 'lowrance',
    category: 'sjokortsplottrar',
    icon: 'screen',
    name: ['Lowrance Elite FS 9 med Active Imaging 3-in-1', 'Lowrance Elite FS 9 with Active Imaging 3-in-1'],
    description: [
      '9" plotter med sidobild, nedåtbild och CHIRP i en givare.',
      'A 9" chartplotter with side, down and CHIRP sonar in one transducer.',
    ],
    attributes: { screen_in: 9, waterproof: true },
    variants: [{ sku: 'LOW-EFS9-AI', grams: 2600, sek: 16990, stock: [4, 1] }],
  },
  {
    slug: 'humminbird-helix-7-chirp-mega-si',
    brand: 'humminbird',
    category: 'ekolod',
    icon: 'screen',
    name: ['Humminbird HELIX 7 CHIRP MEGA SI GPS G4', 'Humminbird HELIX 7 CHIRP MEGA SI GPS G4'],
    description: ['Sidobild med MEGA-upplösning och inbyggd GPS.', 'MEGA side imaging with a built-in GPS.'],
    attributes: { screen_in: 7, waterproof: true },
    variants: [{ sku: 'HUM-H7MSI', grams: 2100, sek: 11990, stock: [5, 2] }],
  },
  {
    slug: 'solas-amita-3-yamaha-40-60',
    brand: 'solas',
    category: 'propellrar',
    icon: 'propeller',
    name: [
      'Solas Amita 3 aluminiumpropeller 11 1/8" för Yamaha 40–60 hk',
      'Solas Amita 3 aluminium propeller 11 1/8" for Yamaha 40–60 hp',
    ],
    description: [
      'Trebladig aluminiumpropeller med utbytbar nav. Välj stigning efter båtens last och fart.',
      'A three-blade aluminium propeller with a replaceable hub. Choose the pitch by the load and speed of your boat.',
    ],
    attributes: { diameter_in: 11.125, blades: 3, material: 'aluminium' },
    options: pitchAxes,
    variants: pitches('SOL-AM3-Y40', [11, 12, 13, 14], 1290, 2100),
    fitments: YAMAHA_MID,
    salePercent: 25,
  },
  {
    slug: 'solas-rubex-s3-yamaha-40-60',
    brand: 'solas',
    category: 'propellrar',
    icon: 'propeller',
    name: [
      'Solas Rubex S3 rostfri propeller för Yamaha 40–60 hk',
      'Solas Rubex S3 stainless propeller for Yamaha 40–60 hp',
    ],
    description: [
      'Rostfri propeller för högre toppfart och bättre grepp i svängar.',
      'A stainless propeller for higher top speed and better grip in turns.',
    ],
    attributes: { diameter_in: 11.125, blades: 3, material: 'stainless' },
    options: pitchAxes,
    variants: pitches('SOL-RS3-Y40', [13, 14, 15], 3490, 3900),
    fitments: YAMAHA_MID,
  },
  {
    slug: 'yamaha-originalpropeller-f40',
    brand: 'yamaha',
    category: 'propellrar',
    icon: 'propeller',
    name: ['Yamaha originalpropeller för F40', 'Yamaha original propeller for F40'],
    description: [
      'Yamahas egen aluminiumpropeller, samma som motorn levereras med.',
      'Yamaha’s own aluminium propeller, the one the motor ships with.',
    ],
    attributes: { diameter_in: 11.5, blades: 3, material: 'aluminium' },
    options: pitchAxes,
    variants: pitches('YAM-PROP-F40', [12, 13], 1690, 2200),
    fitments: [
      ['Yamaha', 'F40', 2010, 2020],
      ['Yamaha', 'F40', 1999, 2009],
    ],
  },
  {
    slug: 'mercury-black-max-40-60',
    brand: 'mercury',
    category: 'propellrar',
    icon: 'propeller',
    name: ['Mercury Black Max propeller 40–60 hk', 'Mercury Black Max propeller 40–60 hp'],
    description: [
      'Aluminiumpropeller med Flo-Torq-nav för Mercury 40–60 hk.',
      'An aluminium propeller with a Flo-Torq hub for Mercury 40–60 hp.',
    ],
    attributes: { diameter_in: 10.5, blades: 3, material: 'aluminium' },
    options: pitchAxes,
    variants: pitches('MER-BM-4060', [11, 12, 13], 1390, 2000),
    fitments: [
      ['Mercury', '40 ELPT', 2012, 2020],
      ['Mercury', '50 ELPT', 2012, 2020],
    ],
  },
  {
    slug: 'suzuki-propeller-df40-60',
    brand: 'suzuki',
    category: 'propellrar',
    icon: 'propeller',
    name: ['Suzuki propeller för DF40A–DF60A', 'Suzuki propeller for DF40A–DF60A'],
    description: [
      'Originalpropeller i aluminium för Suzukis mellanklass.',
      'Original aluminium propeller for Suzuki’s mid-range motors.',
    ],
    attributes: { diameter_in: 11.5, blades: 3, material: 'aluminium' },
    options: pitchAxes,
    variants: pitches('SUZ-PROP-DF40', [12, 13, 14], 1590, 2200),
    fitments: [
      ['Suzuki', 'DF40A', 2010, 2021],
      ['Suzuki', 'DF50A', 2010, 2021],
    ],
  },
  {
    slug: 'solas-amita-3-small-9-20',
    brand: 'solas',
    category: 'propellrar',
    icon: 'propeller',
    name: ['Solas Amita 3 propeller för 9,9–20 hk', 'Solas Amita 3 propeller for 9.9–20 hp'],
    description: [
      'Trebladig aluminiumpropeller för mindre motorer.',
      'A three-blade aluminium propeller for smaller motors.',
    ],
    attributes: { diameter_in: 9.25, blades: 3, material: 'aluminium' },
    options: pitchAxes,
    variants: pitches('SOL-AM3-S', [8, 9, 10], 790, 900),
    fitments: [
      ['Yamaha', 'F9.9', 2008, 2020],
      ['Yamaha', 'F15', 2008, 2020],
      ['Yamaha', 'F20', 2008, 2020],
      ['Suzuki', 'DF15A', 2012, 2021],
    ],
  },
  {
    slug: 'lewmar-delta-ankare',
    brand: 'lewmar',
    category: 'ankare',
    icon: 'anchor',
    name: ['Lewmar Delta ankare', 'Lewmar Delta anchor'],
    description: [
      'Självstabiliserande plogankare som gräver ner sig snabbt i sand och lera.',
      'A self-launching plough anchor that sets quickly in sand and mud.',
    ],
    attributes: { material: 'galvanised' },
    options: [['weight', 'Vikt', 'Weight']],
    variants: [4, 6, 10].map((kg) => ({
      sku: `LEW-DELTA-${kg}`,
      options: { weight: `${kg} kg` },
      attributes: { weight_kg: kg },
      grams: kg * 1000,
      sek: 690 + kg * 120,
    })),
  },
  {
    slug: 'claw-ankare-galvaniserat',
    brand: 'lewmar',
    category: 'ankare',
    icon: 'anchor',
    name: ['Claw-ankare galvaniserat', 'Galvanised claw anchor'],
    description: [
      'Klassiskt klorankare som fäster i de flesta bottnar.',
      'A classic claw anchor that holds in most bottoms.',
    ],
    attributes: { material: 'galvanised' },
    options: [['weight', 'Vikt', 'Weight']],
    variants: [5, 7.5, 10].map((kg) => ({
      sku: `LEW-CLAW-${String(kg).replace('.', '_')}`,
      options: { weight: `${String(kg).replace('.', ',')} kg` },
      attributes: { weight_kg: kg },
      grams: kg * 1000,
      sek: 490 + Math.round(kg * 60),
    })),
  },
  {
    slug: 'majoni-fender',
    brand: 'majoni',
    category: 'fendrar',
    icon: 'fender',
    name: ['Majoni fender', 'Majoni fender'],
    description: [
      'Ventilerad fender i mjuk PVC med genomgående hål för linan.',
      'A valved fender in soft PVC with a rope hole through it.',
    ],
    attributes: { material: 'pvc' },
    options: [
      ['size', 'Storlek', 'Size'],
      ['colour', 'Färg', 'Colour'],
    ],
    variants: sizes('MAJ-FEN', ['15x58', '20x65'], ['vit', 'blå'], 249, 900).map((variant, index) => ({
      ...variant,
      sek: variant.options?.size === '20x65' ? 349 : 249,
      stock: index === 3 ? [2, 5] : undefined,
    })),
  },
  {
    slug: 'baltic-legend-165-automatisk',
    brand: 'baltic',
    category: 'flytvastar',
    icon: 'vest',
    name: ['Baltic Legend 165 automatisk räddningsväst', 'Baltic Legend 165 automatic life jacket'],
    description: [
      'Uppblåsbar räddningsväst med automatisk utlösning och 165 N flytkraft.',
      'An inflatable life jacket with automatic firing and 165 N buoyancy.',
    ],
    attributes: { buoyancy_n: 165 },
    options: [['colour', 'Färg', 'Colour']],
    variants: ['röd', 'svart'].map((colour) => ({
      sku: `BAL-LEG165-${colour === 'röd' ? 'RED' : 'BLK'}`,
      options: { colour },
      grams: 1200,
      sek: 1495,
    })),
    salePercent: 20,
  },
  {
    slug: 'baltic-genua-flytvast',
    brand: 'baltic',
    category: 'flytvastar',
    icon: 'vest',
    name: ['Baltic Genua flytväst', 'Baltic Genua buoyancy aid'],
    description: [
      'Bekväm flytväst för kajak, jolle och brygga, 50 N.',
      'A comfortable buoyancy aid for kayaks, dinghies and jetties, 50 N.',
    ],
    attributes: { buoyancy_n: 50 },
    options: vestAxes,
    variants: sizes('BAL-GEN', ['S', 'M', 'L', 'XL'], ['röd', 'blå'], 599, 600),
  },
  {
    slug: 'baltic-junior-flytvast',
    brand: 'baltic',
    category: 'flytvastar',
    icon: 'vest',
    name: ['Baltic Junior flytväst för barn', 'Baltic Junior life jacket for children'],
    description: [
      'Barnväst med krage och grenrem som vänder barnet rätt i vattnet.',
      'A children’s life jacket with a collar and crotch strap that turns the child face up.',
    ],
    attributes: { buoyancy_n: 100 },
    options: vestAxes,
    variants: sizes('BAL-JUN', ['15-25 kg', '25-40 kg'], ['gul', 'rosa'], 549, 500),
  },
  {
    slug: 'abu-garcia-ambassadeur-6500-c3',
    brand: 'abu-garcia',
    category: 'fiskerullar',
    icon: 'reel',
    name: ['Abu Garcia Ambassadeur 6500 C3', 'Abu Garcia Ambassadeur 6500 C3'],
    description: [
      'Den klassiska multirullen från Svängsta, för gädda, lax och trolling.',
      'The classic baitcasting reel from Svängsta, for pike, salmon and trolling.',
    ],
    options: [['hand', 'Vevsida', 'Handle']],
    variants: [
      { sku: 'ABU-6500C3-R', options: { hand: 'höger' }, grams: 300, sek: 1299, stock: [12, 2] },
      { sku: 'ABU-6500C3-L', options: { hand: 'vänster' }, grams: 300, sek: 1299, stock: [1, 2] },
    ],
  },
  {
    slug: 'abu-garcia-revo-sx-spinning',
    brand: 'abu-garcia',
    category: 'fiskerullar',
    icon: 'reel',
    name: ['Abu Garcia Revo SX haspelrulle', 'Abu Garcia Revo SX spinning reel'],
    description: [
      'Lätt haspelrulle i kolfiberhus med mjuk broms.',
      'A light spinning reel with a carbon body and a smooth drag.',
    ],
    options: [['size', 'Storlek', 'Size']],
    variants: ['2000', '3000'].map((size) => ({ sku: `ABU-REVOSX-${size}`, options: { size }, grams: 230, sek: 1599 })),
  },
  {
    slug: 'abu-garcia-vendetta-spinnspo',
    brand: 'abu-garcia',
    category: 'fiskespon',
    icon: 'rod',
    name: ['Abu Garcia Vendetta spinnspö', 'Abu Garcia Vendetta spinning rod'],
    description: [
      'Tvådelat spinnspö med snabb aktion för abborre och gädda.',
      'A two-piece fast-action spinning rod for perch and pike.',
    ],
    options: [['length', 'Längd', 'Length']],
    variants: ["7'", "8'", "9'"].map((length, index) => ({
      sku: `ABU-VEN-${7 + index}`,
      options: { length },
      attributes: { length_m: [2.13, 2.44, 2.74][index] as number },
      grams: 150 + index * 20,
      sek: 799 + index * 100,
    })),
  },
  {
    slug: 'abu-garcia-max-x-kombo',
    brand: 'abu-garcia',
    category: 'fiskespon',
    icon: 'rod',
    name: ['Abu Garcia Max X spinnkombo', 'Abu Garcia Max X spinning combo'],
    description: [
      'Färdigt kit med spö och rulle, linan redan spolad.',
      'A ready kit of rod and reel with the line already spooled.',
    ],
    variants: [{ sku: 'ABU-MAXX-COMBO', grams: 600, sek: 699, stock: [30, 5] }],
  },
  {
    slug: 'rapala-original-floater',
    brand: 'rapala',
    category: 'beten',
    icon: 'lure',
    name: ['Rapala Original Floater', 'Rapala Original Floater'],
    description: [
      'Balsawobblern som började allt, med sin lättigenkännliga gång.',
      'The balsa crankbait that started it all, with its well-known wobble.',
    ],
    options: [
      ['size', 'Storlek', 'Size'],
      ['colour', 'Färg', 'Colour'],
    ],
    variants: sizes('RAP-OF', ['7 cm', '9 cm', '11 cm'], ['silver', 'guld'], 129, 10),
  },
  {
    slug: 'rapala-x-rap-10',
    brand: 'rapala',
    category: 'beten',
    icon: 'lure',
    name: ['Rapala X-Rap 10', 'Rapala X-Rap 10'],
    description: [
      'Jerkbait med slashande gång och holografisk finish.',
      'A jerkbait with a slashing action and a holographic finish.',
    ],
    options: [['colour', 'Färg', 'Colour']],
    variants: ['silver', 'firetiger', 'abborre'].map((colour) => ({
      sku: `RAP-XR10-${colour.toUpperCase().slice(0, 4)}`,
      options: { colour },
      grams: 13,
      sek: 149,
    })),
  },
  {
    slug: 'fortojningslina-polyester',
    brand: 'lewmar',
    category: 'tillbehor',
    icon: 'rope',
    name: ['Förtöjningslina polyester 12 mm', 'Polyester mooring line 12 mm'],
    description: ['Flätad förtöjningslina med splitsat ögla.', 'A braided mooring line with a spliced eye.'],
    options: [['length', 'Längd', 'Length']],
    variants: [6, 8, 10].map((metres) => ({
      sku: `LEW-ML12-${metres}`,
      options: { length: `${metres} m` },
      attributes: { length_m: metres },
      grams: metres * 100,
      sek: 199 + metres * 15,
    })),
  },
  {
    slug: 'pioner-14',
    brand: 'pioner',
    category: 'batar',
    icon: 'boat',
    bulky: true,
    name: ['Pioner 14 plastbåt', 'Pioner 14 polyethylene boat'],
    description: [
      'Nästan oförstörbar båt i rotationsgjuten polyeten, osänkbar med flytkammare.',
      'A near-indestructible rotomoulded polyethylene boat, unsinkable with buoyancy chambers.',
    ],
    attributes: { length_m: 4.3, persons: 5 },
    variants: [{ sku: 'PIO-14', grams: 175000, sek: 44900, stock: [3, 1] }],
  },
  {
    slug: 'suzuki-df20as',
    brand: 'suzuki',
    category: 'utombordsmotorer',
    icon: 'motor',
    name: ['Suzuki DF20AS med elstart', 'Suzuki DF20AS with electric start'],
    description: [
      'Insprutad 20-hästare med bränsleinsprutning utan batteri.',
      'A 20 hp motor with battery-less fuel injection.',
    ],
    attributes: { power_hp: 20 },
    options: motorAxes,
    variants: shafts('SUZ-DF20AS', 47900, 45000, ['S', 'L']),
  },
  {
    slug: 'lowrance-hook2-4x',
    brand: 'lowrance',
    category: 'ekolod',
    icon: 'screen',
    name: ['Lowrance HOOK2 4x GPS', 'Lowrance HOOK2 4x GPS'],
    description: [
      'Enkelt ekolod med bred givarkon och GPS för waypoints.',
      'A simple fishfinder with a wide sonar cone and GPS for waypoints.',
    ],
    attributes: { screen_in: 4, waterproof: true },
    variants: [{ sku: 'LOW-HOOK2-4X', grams: 700, sek: 1690, stock: [20, 4] }],
  },
  {
    slug: 'yamaha-bransletank-med-matare',
    brand: 'yamaha',
    category: 'tillbehor',
    icon: 'fender',
    name: ['Yamaha bränsletank med mätare', 'Yamaha fuel tank with gauge'],
    description: [
      'Bränsletank med nivåmätare och Yamaha-koppling.',
      'A fuel tank with a level gauge and a Yamaha connector.',
    ],
    options: [['volume', 'Volym', 'Volume']],
    variants: [12, 24].map((litres) => ({
      sku: `YAM-TANK-${litres}`,
      options: { volume: `${litres} l` },
      grams: litres * 250,
      sek: 590 + litres * 20,
    })),
    fitments: [
      ['Yamaha', 'F20', 2005, 2023],
      ['Yamaha', 'F40', 2005, 2023],
      ['Yamaha', 'F50', 2005, 2023],
    ],
  },
  {
    slug: 'majoni-fenderlina',
    brand: 'majoni',
    category: 'fendrar',
    icon: 'rope',
    name: ['Majoni fenderlina 2-pack', 'Majoni fender line 2-pack'],
    description: [
      'Flätade fenderlinor, 8 mm × 1,5 m, två i förpackningen.',
      'Braided fender lines, 8 mm × 1.5 m, two to a pack.',
    ],
    variants: [{ sku: 'MAJ-FLINE-2', grams: 200, sek: 119, stock: [40, 10] }],
  },
];
