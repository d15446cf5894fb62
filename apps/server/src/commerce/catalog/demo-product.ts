import type { DemoIcon } from './demo-image.js';
import type { AttributeValue } from './tables.js';

// The shape of a demo product as the demo-products-*.ts files write it, and the builders of their variants.

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

export const shafts = (sku: string, sek: number, grams: number, lengths = ['L', 'XL']): DemoVariant[] =>
  lengths.map((length, index) => ({
    sku: `${sku}-${length}`,
    options: { shaft: length },
    attributes: { shaft_length: length },
    grams: grams + index * 2000,
    sek: sek + index * 1500,
  }));

export const pitches = (sku: string, values: number[], sek: number, grams: number): DemoVariant[] =>
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

export const sizes = (sku: string, values: string[], colours: string[], sek: number, grams: number): DemoVariant[] =>
  colours.flatMap((colour) =>
    values.map((size) => ({
      sku: `${sku}-${skuPart(colour).slice(0, 3)}-${skuPart(size)}`,
      options: { size, colour },
      grams,
      sek,
    })),
  );

export const motorAxes: DemoProduct['options'] = [['shaft', 'Riggdjup', 'Shaft length']];
export const pitchAxes: DemoProduct['options'] = [['pitch', 'Stigning', 'Pitch']];
export const vestAxes: DemoProduct['options'] = [
  ['size', 'Storlek', 'Size'],
  ['colour', 'Färg', 'Colour'],
];

export const YAMAHA_MID: DemoProduct['fitments'] = [
  ['Yamaha', 'F40', 2010, 2020],
  ['Yamaha', 'F50', 2010, 2020],
  ['Yamaha', 'F60', 2010, 2020],
];
