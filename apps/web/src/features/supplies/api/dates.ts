/** A local calendar day as the API and date inputs write it (YYYY-MM-DD), not the UTC day `toISOString` gives. */
export function isoDay(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The default delivery day: the next Monday to Friday after today, as the supply room does not deliver at weekends. */
export function nextWeekday(today: Date = new Date()): string {
  const day = new Date(today.getFullYear(), today.getMonth(), today.getDate() + 1);
  while (day.getDay() === 0 || day.getDay() === 6) day.setDate(day.getDate() + 1);
  return isoDay(day);
}
