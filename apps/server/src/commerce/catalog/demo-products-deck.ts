import { type DemoProduct, sizes, vestAxes } from './demo-product.js';

/** On deck and for safety: anchors, fenders, life jackets. */
export const demoDeckAndSafety: DemoProduct[] = [
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
];
