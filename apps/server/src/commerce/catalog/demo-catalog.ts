import type { DemoProduct } from './demo-product.js';
import { demoBoats } from './demo-products-boats.js';
import { demoDeckAndSafety } from './demo-products-deck.js';
import { demoElectronics } from './demo-products-electronics.js';
import { demoFishing } from './demo-products-fishing.js';
import { demoLaterProducts } from './demo-products-later.js';
import { demoPropellers } from './demo-products-propellers.js';

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

/** Every demo product, in the order the demo seeds them: a variant's EAN and default stock follow from its place. */
export const demoProducts: DemoProduct[] = [
  ...demoBoats,
  ...demoElectronics,
  ...demoPropellers,
  ...demoDeckAndSafety,
  ...demoFishing,
  ...demoLaterProducts,
];
