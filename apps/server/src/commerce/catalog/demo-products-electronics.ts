import type { DemoProduct } from './demo-product.js';

/** Marine electronics: fishfinders and chart plotters. */
export const demoElectronics: DemoProduct[] = [
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
];
