import { describe, expect, it } from 'vitest';
import { countryName, countryOptions } from './countries';

describe('countryOptions', () => {
  const delivered = ['DE', 'DK', 'FI', 'NO', 'SE'];

  it('puts Sweden first and the rest in the language’s order', () => {
    const options = countryOptions('sv', delivered);
    expect(options[0]).toEqual({ value: 'SE', label: 'Sverige' });
    const labels = options.slice(1).map((option) => option.label);
    expect(labels).toEqual([...labels].sort(new Intl.Collator('sv').compare));
    expect(options.find((option) => option.value === 'NO')?.label).toBe('Norge');
  });

  it('adds a saved address’s country that is not in the list', () => {
    expect(countryOptions('en', delivered, ['gb']).some((option) => option.value === 'GB')).toBe(true);
    expect(countryOptions('en', delivered, ['SE']).filter((option) => option.value === 'SE')).toHaveLength(1);
  });

  it('offers only the countries the shop delivers to, and the address’s own', () => {
    expect(countryOptions('en', ['NO', 'FI']).map((option) => option.value)).toEqual(['FI', 'NO']);
    expect(countryOptions('en', [], ['SE'])).toEqual([{ value: 'SE', label: 'Sweden' }]);
  });
});

describe('countryName', () => {
  it('names the country in the language', () => {
    expect(countryName('DE', 'en')).toBe('Germany');
  });
});
