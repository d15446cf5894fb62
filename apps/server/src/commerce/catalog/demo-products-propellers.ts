import { type DemoProduct, pitchAxes, pitches, YAMAHA_MID } from './demo-product.js';

/** Propellers, most of them for the Yamaha F40–F60 (the fitment showcase). */
export const demoPropellers: DemoProduct[] = [
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
];
