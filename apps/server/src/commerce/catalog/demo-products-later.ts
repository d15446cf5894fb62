import { type DemoProduct, motorAxes, shafts } from './demo-product.js';

/** Accessories and the products added last. They stay last in the demo (demo-catalog.ts), since a variant's EAN and
 * default stock follow from its place: moving them would change those of every product after them. */
export const demoLaterProducts: DemoProduct[] = [
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
