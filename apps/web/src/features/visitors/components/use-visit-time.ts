import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format';

/** A visit's times: the clock time alone for today, which is nearly every visit at reception; else with the date. */
export function useVisitTime() {
  const { i18n } = useTranslation();
  const format = useFormat();
  return useMemo(() => {
    const time = new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short' });
    const today = new Date().toDateString();
    return (iso: string) => {
      const date = new Date(iso);
      return date.toDateString() === today ? time.format(date) : format.dateTime(iso);
    };
  }, [i18n.language, format]);
}
