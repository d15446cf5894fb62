import { type DemoProduct, sizes } from './demo-product.js';

/** Fishing: reels, rods and lures. */
export const demoFishing: DemoProduct[] = [
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
];
