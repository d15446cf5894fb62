import type { ImportSummary } from '@kontor/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

const CREATED = ['units', 'people', 'functions', 'contacts'] as const;

/**
 * Counts of an import in words, each with its language's plural form ("1 enhet", "2 jednostki", "5 jednostek")
 * and listed as the language lists ("2 units, 5 people and 1 function"); what is zero is left out.
 */
export function useImportWords() {
  const { t, i18n } = useTranslation();
  return useMemo(() => {
    const list = new Intl.ListFormat(i18n.language, { type: 'conjunction' });
    return {
      created: (counts: ImportSummary['created']) => {
        const parts = CREATED.filter((kind) => counts[kind] > 0).map((kind) =>
          t(`directoryImport.counts.${kind}`, { count: counts[kind] }),
        );
        return parts.length > 0 ? list.format(parts) : t('directoryImport.counts.nothing');
      },
      records: (count: number) => t('directoryImport.counts.records', { count }),
      rows: (count: number) => t('directoryImport.counts.rows', { count }),
    };
  }, [t, i18n.language]);
}
