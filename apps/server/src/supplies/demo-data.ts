import { WARD_FAMILIES } from './demo-ward-supplies.js';

/**
 * The demo catalog: care consumables as a Swedish region's central store lists them. Each family expands into its
 * variants (sizes, volumes, gauges), which is how such catalogs grow to hundreds of lines.
 */
export interface DemoFamily {
  category: string;
  /** `{v}` is replaced by each variant. */
  name: string;
  variants: string[];
  manufacturer: string;
  unit: string;
  packSize: number;
  /** Öre per ordering unit for the first variant; later variants cost a little more. */
  price: number;
  supplier?: string;
}

export const DEMO_SUPPLIER = 'Regionförrådet Örebro';

const GLOVE_SIZES = ['XS', 'S', 'M', 'L', 'XL'];
const STERILE_GLOVE_SIZES = ['6', '6,5', '7', '7,5', '8', '8,5', '9'];

/** The clinical consumables: gloves, dressings, syringes, infusion, sampling. */
const CLINICAL_FAMILIES: DemoFamily[] = [
  {
    category: 'Handskar',
    name: 'Engångshandskar nitril {v} 100 st',
    variants: GLOVE_SIZES,
    manufacturer: 'Abena',
    unit: 'förp',
    packSize: 100,
    price: 6_900,
  },
  {
    category: 'Handskar',
    name: 'Engångshandskar nitril lång manschett {v} 100 st',
    variants: GLOVE_SIZES,
    manufacturer: 'Abena',
    unit: 'förp',
    packSize: 100,
    price: 9_400,
  },
  {
    category: 'Handskar',
    name: 'Engångshandskar vinyl {v} 100 st',
    variants: GLOVE_SIZES,
    manufacturer: 'Evercare',
    unit: 'förp',
    packSize: 100,
    price: 4_800,
  },
  {
    category: 'Handskar',
    name: 'Operationshandskar sterila latexfria storlek {v}',
    variants: STERILE_GLOVE_SIZES,
    manufacturer: 'Mölnlycke',
    unit: 'par',
    packSize: 1,
    price: 1_450,
  },
  {
    category: 'Handskar',
    name: 'Undersökningshandskar sterila nitril {v}',
    variants: GLOVE_SIZES,
    manufacturer: 'Mölnlycke',
    unit: 'förp',
    packSize: 50,
    price: 18_900,
  },
  {
    category: 'Förband och kompresser',
    name: 'Kompress nonwoven osteril {v} cm 100 st',
    variants: ['5 x 5', '7,5 x 7,5', '10 x 10', '10 x 20'],
    manufacturer: 'Mölnlycke',
    unit: 'förp',
    packSize: 100,
    price: 3_200,
  },
  {
    category: 'Förband och kompresser',
    name: 'Kompress gasväv steril {v} cm 5 st',
    variants: ['5 x 5', '7,5 x 7,5', '10 x 10'],
    manufacturer: 'Mölnlycke',
    unit: 'förp',
    packSize: 5,
    price: 850,
  },
  {
    category: 'Förband och kompresser',
    name: 'Skumförband med silikonhäfta {v} cm',
    variants: ['7,5 x 7,5', '10 x 10', '12,5 x 12,5', '15 x 15', '17,5 x 17,5'],
    manufacturer: 'Mölnlycke',
    unit: 'st',
    packSize: 1,
    price: 2_900,
  },
  {
    category: 'Förband och kompresser',
    name: 'Självhäftande förband {v} cm',
    variants: ['5 x 7,2', '9 x 10', '9 x 15', '9 x 20', '9 x 25', '9 x 30'],
    manufacturer: 'Hartmann',
    unit: 'förp',
    packSize: 50,
    price: 9_900,
  },
  {
    category: 'Förband och kompresser',
    name: 'Elastisk gasbinda {v} cm x 4 m',
    variants: ['6', '8', '10', '12'],
    manufacturer: 'Hartmann',
    unit: 'förp',
    packSize: 20,
    price: 7_400,
  },
  {
    category: 'Förband och kompresser',
    name: 'Transparent filmförband {v} cm',
    variants: ['6 x 7', '10 x 12', '15 x 20'],
    manufacturer: '3M',
    unit: 'förp',
    packSize: 100,
    price: 24_500,
  },
  {
    category: 'Förband och kompresser',
    name: 'Häftplåster textil {v} cm x 5 m',
    variants: ['1,25', '2,5', '5'],
    manufacturer: '3M',
    unit: 'rle',
    packSize: 1,
    price: 1_900,
  },
  {
    category: 'Sprutor och kanyler',
    name: 'Spruta Luer Lock {v} ml',
    variants: ['1', '2', '3', '5', '10', '20', '50'],
    manufacturer: 'BD',
    unit: 'förp',
    packSize: 100,
    price: 5_900,
  },
  {
    category: 'Sprutor och kanyler',
    name: 'Insulinspruta 0,5 ml med kanyl {v}',
    variants: ['30G 8 mm', '29G 12,7 mm'],
    manufacturer: 'BD',
    unit: 'förp',
    packSize: 100,
    price: 14_900,
  },
  {
    category: 'Sprutor och kanyler',
    name: 'Injektionskanyl {v}',
    variants: ['18G 40 mm', '20G 40 mm', '21G 40 mm', '23G 25 mm', '25G 16 mm', '27G 19 mm'],
    manufacturer: 'BD',
    unit: 'förp',
    packSize: 100,
    price: 3_900,
  },
  {
    category: 'Sprutor och kanyler',
    name: 'Säkerhetskanyl {v}',
    variants: ['21G 38 mm', '23G 25 mm', '25G 25 mm'],
    manufacturer: 'BD',
    unit: 'förp',
    packSize: 100,
    price: 16_900,
  },
  {
    category: 'Sprutor och kanyler',
    name: 'Sprutlådor för stickande avfall {v} l',
    variants: ['0,6', '1,5', '3', '5', '11'],
    manufacturer: 'Sharpsafe',
    unit: 'st',
    packSize: 1,
    price: 2_400,
  },
  {
    category: 'Infart och dropp',
    name: 'Perifer venkateter {v}',
    variants: ['14G orange', '16G grå', '17G vit', '18G grön', '20G rosa', '22G blå', '24G gul'],
    manufacturer: 'BD',
    unit: 'förp',
    packSize: 50,
    price: 39_500,
  },
  {
    category: 'Infart och dropp',
    name: 'Infusionsaggregat {v}',
    variants: ['med luftfilter 150 cm', 'ljusskyddat 180 cm', 'för pump 250 cm'],
    manufacturer: 'B. Braun',
    unit: 'st',
    packSize: 1,
    price: 1_250,
  },
  {
    category: 'Infart och dropp',
    name: 'Förlängningsslang {v} cm',
    variants: ['10', '25', '50', '150'],
    manufacturer: 'B. Braun',
    unit: 'st',
    packSize: 1,
    price: 690,
  },
  {
    category: 'Infart och dropp',
    name: 'Trevägskran {v}',
    variants: ['utan slang', 'med 10 cm slang'],
    manufacturer: 'B. Braun',
    unit: 'förp',
    packSize: 50,
    price: 19_500,
  },
  {
    category: 'Infart och dropp',
    name: 'Fixeringsförband för PVK {v}',
    variants: ['vuxen', 'barn'],
    manufacturer: '3M',
    unit: 'förp',
    packSize: 100,
    price: 28_000,
  },
  {
    category: 'Provtagning',
    name: 'Provrör {v}',
    variants: [
      'EDTA 4 ml lila',
      'Citrat 2,7 ml ljusblå',
      'Serum 5 ml röd',
      'Litium-heparin 4 ml grön',
      'Glukos 2 ml grå',
    ],
    manufacturer: 'BD Vacutainer',
    unit: 'förp',
    packSize: 100,
    price: 21_500,
  },
  {
    category: 'Provtagning',
    name: 'Blodprovstagningsnål med hållare {v}',
    variants: ['21G', '22G'],
    manufacturer: 'BD Vacutainer',
    unit: 'förp',
    packSize: 50,
    price: 27_500,
  },
  {
    category: 'Provtagning',
    name: 'Butterfly blodprovstagning {v}',
    variants: ['21G', '23G', '25G'],
    manufacturer: 'BD Vacutainer',
    unit: 'förp',
    packSize: 50,
    price: 42_000,
  },
  {
    category: 'Provtagning',
    name: 'Odlingspinne {v}',
    variants: ['med Amies-medium', 'flockad nasofarynx'],
    manufacturer: 'Copan',
    unit: 'förp',
    packSize: 50,
    price: 31_000,
  },
  {
    category: 'Provtagning',
    name: 'Urinprovsrör {v}',
    variants: ['med borsyra 10 ml', 'utan tillsats 10 ml'],
    manufacturer: 'Sarstedt',
    unit: 'förp',
    packSize: 100,
    price: 12_500,
  },
  {
    category: 'Provtagning',
    name: 'Teststickor glukos {v}',
    variants: ['till mätare A', 'till mätare B'],
    manufacturer: 'Roche',
    unit: 'förp',
    packSize: 50,
    price: 24_900,
  },
];

export const DEMO_FAMILIES: DemoFamily[] = [...CLINICAL_FAMILIES, ...WARD_FAMILIES];
