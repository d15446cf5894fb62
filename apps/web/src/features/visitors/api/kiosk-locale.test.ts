import { describe, expect, it } from 'vitest';
import { kioskLocale, privacyNoticeFor } from './kiosk-locale';

describe('kioskLocale', () => {
  it("takes the browser's first language Kontor speaks", () => {
    expect(kioskLocale(['pl-PL', 'en-US'])).toBe('pl');
    expect(kioskLocale(['de-DE', 'ru'])).toBe('ru');
    expect(kioskLocale(['EN-gb'])).toBe('en');
  });

  it('falls back to Swedish', () => {
    expect(kioskLocale(['de-DE', 'fr'])).toBe('sv');
    expect(kioskLocale([])).toBe('sv');
  });
});

describe('privacyNoticeFor', () => {
  it('prefers the chosen language, then English, then any', () => {
    expect(privacyNoticeFor({ pl: 'Polski', en: 'English' }, 'pl')).toEqual({ text: 'Polski', locale: 'pl' });
    expect(privacyNoticeFor({ pl: 'Polski', en: 'English' }, 'ru')).toEqual({ text: 'English', locale: 'en' });
    expect(privacyNoticeFor({ sv: 'Svenska', pl: '  ' }, 'pl')).toEqual({ text: 'Svenska', locale: 'sv' });
  });

  it('says when there is none', () => {
    expect(privacyNoticeFor({}, 'sv')).toBeNull();
    expect(privacyNoticeFor({ en: ' ' }, 'sv')).toBeNull();
  });
});
