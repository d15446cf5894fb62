import type { VisitorCardType } from './types';

/** The card types the organisation starts with; the web names them in the user's language. */
export const defaultCardTypeKeys = ['regular', 'full-service', 'administrator'] as const;
export type DefaultCardTypeKey = (typeof defaultCardTypeKeys)[number];

export const isDefaultCardType = (key: string): key is DefaultCardTypeKey =>
  (defaultCardTypeKeys as readonly string[]).includes(key);

/**
 * The type a card belongs to: the one the server named when it still exists, else the one whose range holds the
 * number (a card outside every range, after the ranges changed, has none).
 */
export function cardTypeOf(
  number: number,
  types: readonly VisitorCardType[],
  key?: string | null,
): VisitorCardType | null {
  const named = key ? types.find((type) => type.key === key) : undefined;
  if (named && number >= named.from && number <= named.to) return named;
  return types.find((type) => number >= type.from && number <= type.to) ?? null;
}

export interface CardLabelWords {
  /** The name of a type in the user's language: a default type translated, another as the admin named it. */
  typeName: (type: VisitorCardType) => string;
  /** "Regular guest 7": the type's name and the card's place in its range. */
  numbered: (typeName: string, index: number) => string;
  /** A card outside every type's range: "ID 42", as the original labelled it. */
  unknown: (number: number) => string;
  /**
   * A card whose type is named but whose range is not known here (the types could not be read): the type and the
   * card's own number, "Regular guest, ID 107", rather than a place in a range that cannot be computed.
   */
  typedUnknown: (typeName: string, number: number) => string;
}

/** As VIGO-Guests labelled its cards: card 107 of the range 100–199 is "Regular guest 7". */
export function cardLabel(
  number: number,
  types: readonly VisitorCardType[],
  words: CardLabelWords,
  key?: string | null,
): string {
  const type = cardTypeOf(number, types, key);
  if (type) return words.numbered(words.typeName(type), number - type.from);
  if (key && !types.some((candidate) => candidate.key === key))
    return words.typedUnknown(words.typeName({ key, name: key, from: number, to: number }), number);
  return words.unknown(number);
}
