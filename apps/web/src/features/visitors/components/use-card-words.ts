import { useTranslation } from 'react-i18next';
import { type CardLabelWords, cardLabel, isDefaultCardType } from '../api/card-label';
import type { VisitorCardType } from '../api/types';
import { useCardTypes } from '../api/visitors-api';

/**
 * Card labels and type names in the user's language: the default types (`regular`, `full-service`,
 * `administrator`) translated, the organisation's own types by the name it gave them.
 */
export function useCardWords() {
  const { t } = useTranslation();
  const types = useCardTypes().data ?? [];
  const typeName = (type: Pick<VisitorCardType, 'key' | 'name'>) =>
    isDefaultCardType(type.key) ? t(`visitors.cardTypes.${type.key}`) : type.name;
  const words: CardLabelWords = {
    typeName,
    numbered: (name, index) => t('visitors.card.numbered', { name, index }),
    unknown: (number) => t('visitors.card.unknown', { number }),
    typedUnknown: (name, number) => t('visitors.card.typedUnknown', { name, number }),
  };
  return {
    types,
    typeName,
    /** "Regular guest 7" for card 107. */
    label: (number: number, key?: string | null) => cardLabel(number, types, words, key),
    /** A type known only by its key (the overview's counts); null for cards outside every range. */
    typeNameOfKey: (key: string | null) => {
      if (key === null) return t('visitors.card.noType');
      const type = types.find((candidate) => candidate.key === key);
      return typeName(type ?? { key, name: key });
    },
  };
}

export type CardWords = ReturnType<typeof useCardWords>;
