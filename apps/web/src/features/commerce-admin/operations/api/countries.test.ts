import { describe, expect, it } from 'vitest';
import { allCountryOptions, countryCodes, countryList } from './countries';

describe('countries of shipping zones', () => {
  it('knows every country Intl names, and no groupings', () => {
    const codes = countryCodes();
    expect(codes).toEqual(expect.arrayContaining(['SE', 'NO', 'GB', 'US', 'AX', 'JP']));
    expect(codes).not.toContain('EU');
    expect(codes).not.toContain('ZZ');
    expect(codes.length).toBeGreaterThan(240);
  });

  it('offers them by name in the language, with the code to type', () => {
    const options = allCountryOptions('sv');
    expect(options.find((option) => option.value === 'DE')?.label).toBe('Tyskland (DE)');
    expect(allCountryOptions('en', ['QQ']).some((option) => option.value === 'QQ')).toBe(true);
  });

  it('lists a zone\u2019s countries by name', () => {
    expect(countryList(['NO', 'DK', 'FI'], 'en')).toBe('Denmark, Finland, Norway');
  });
});
