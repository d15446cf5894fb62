import { describe, expect, it } from 'vitest';
import {
  type CheckoutValues,
  checkoutBody,
  emptyAddress,
  emptyCheckout,
  prefillCheckout,
  validateAddress,
  validateCheckout,
} from './checkout-form';
import type { ShopAccount, ShopAddress } from './shop-types';

const filled = (): CheckoutValues => ({
  ...emptyCheckout(),
  email: ' anna@example.se ',
  name: 'Anna Svensson',
  phone: '070-123 45 67',
  shipping: { ...emptyAddress(), line1: 'Hamngatan 1', postalCode: '411 14', city: 'Göteborg' },
  shippingMethod: 'postnord-parcel',
  acceptTerms: true,
});

describe('validateCheckout', () => {
  it('passes a complete person checkout', () => {
    expect(validateCheckout(filled())).toEqual({});
  });

  it('names every missing field by the path the server uses', () => {
    expect(validateCheckout(emptyCheckout())).toEqual({
      email: 'required',
      name: 'required',
      'shippingAddress.line1': 'required',
      'shippingAddress.postalCode': 'required',
      'shippingAddress.city': 'required',
      shippingMethod: 'shippingMethod',
      acceptTerms: 'terms',
    });
  });

  it('refuses an address that is no e-mail address', () => {
    expect(validateCheckout({ ...filled(), email: 'anna.example.se' }).email).toBe('email');
    expect(validateCheckout({ ...filled(), email: 'anna@localhost' }).email).toBe('email');
  });

  it('asks a company for its name and checks the organisation number', () => {
    const company = { ...filled(), customerKind: 'company' as const };
    expect(validateCheckout(company).companyName).toBe('required');
    expect(validateCheckout({ ...company, companyName: 'Båt AB', orgNumber: '556677-8899' })).toEqual({});
    expect(validateCheckout({ ...company, companyName: 'Båt AB', orgNumber: '55!' }).orgNumber).toBe('orgNumber');
  });

  it('checks the billing address only when it differs', () => {
    const other = { ...filled(), billingSameAsShipping: false };
    expect(Object.keys(validateCheckout(other)).sort()).toEqual([
      'billingAddress.city',
      'billingAddress.line1',
      'billingAddress.name',
      'billingAddress.postalCode',
    ]);
  });

  it('refuses text longer than the server takes', () => {
    expect(validateCheckout({ ...filled(), name: 'x'.repeat(201) }).name).toBe('tooLong');
  });
});

describe('validateAddress', () => {
  const address = { ...emptyAddress(), name: 'Anna', line1: 'Hamngatan 1', city: 'Göteborg' };

  it('knows Swedish postal codes with or without the space', () => {
    expect(validateAddress({ ...address, postalCode: '41114' }, '', true)).toEqual({});
    expect(validateAddress({ ...address, postalCode: '411 14' }, '', true)).toEqual({});
    expect(validateAddress({ ...address, postalCode: '4111' }, '', true)).toEqual({ postalCode: 'postalCode' });
  });

  it('checks only the length where it does not know the format', () => {
    expect(validateAddress({ ...address, country: 'NL', postalCode: '1011 AB' }, '', true)).toEqual({});
    expect(validateAddress({ ...address, country: 'NL', postalCode: '1' }, '', true)).toEqual({
      postalCode: 'postalCode',
    });
  });

  it('wants a two-letter country', () => {
    expect(validateAddress({ ...address, postalCode: '41114', country: 'Sweden' }, 'a', true)).toEqual({
      'a.country': 'country',
    });
  });
});

describe('checkoutBody', () => {
  it('trims, leaves empty optionals out as null and sends no money', () => {
    const body = checkoutBody(filled());
    expect(body).toEqual({
      email: 'anna@example.se',
      name: 'Anna Svensson',
      phone: '070-123 45 67',
      customerKind: 'person',
      companyName: null,
      orgNumber: null,
      shippingAddress: {
        name: 'Anna Svensson',
        company: null,
        line1: 'Hamngatan 1',
        line2: null,
        postalCode: '411 14',
        city: 'Göteborg',
        country: 'SE',
        phone: '070-123 45 67',
      },
      billingAddress: null,
      shippingMethod: 'postnord-parcel',
      acceptTerms: true,
    });
  });

  it('drops company fields typed before switching back to a person', () => {
    const body = checkoutBody({ ...filled(), customerKind: 'person', companyName: 'Båt AB', orgNumber: '556677-8899' });
    expect(body.companyName).toBeNull();
    expect(body.orgNumber).toBeNull();
  });

  it('sends the billing address with its own name when it differs', () => {
    const body = checkoutBody({
      ...filled(),
      customerKind: 'company',
      companyName: 'Båt AB',
      billingSameAsShipping: false,
      billing: { ...emptyAddress('no'), name: 'Ekonomi', line1: 'Box 1', postalCode: '0150', city: 'Oslo' },
    });
    expect(body.shippingAddress.company).toBe('Båt AB');
    expect(body.billingAddress).toMatchObject({ name: 'Ekonomi', country: 'NO', company: null });
  });
});

describe('prefillCheckout', () => {
  const account: ShopAccount = {
    userId: 'u1',
    username: 'anna@example.se',
    displayName: 'Anna S',
    customer: {
      id: 'c1',
      kind: 'person',
      userId: 'u1',
      email: 'anna@example.se',
      name: 'Anna Svensson',
      companyName: null,
      orgNumber: null,
      phone: '0701234567',
      locale: 'sv',
      createdAt: '2026-01-01T00:00:00Z',
    },
  };
  const saved = (id: string, flags: Partial<ShopAddress>): ShopAddress => ({
    id,
    name: 'Anna Svensson',
    company: null,
    line1: `Gata ${id}`,
    line2: null,
    postalCode: '41114',
    city: 'Göteborg',
    country: 'SE',
    phone: null,
    defaultShipping: false,
    defaultBilling: false,
    ...flags,
  });

  it('fills contact and the default addresses', () => {
    const next = prefillCheckout(emptyCheckout(), account, [
      saved('1', {}),
      saved('2', { defaultShipping: true }),
      saved('3', { defaultBilling: true }),
    ]);
    expect(next.email).toBe('anna@example.se');
    expect(next.name).toBe('Anna Svensson');
    expect(next.shipping.line1).toBe('Gata 2');
    expect(next.billingSameAsShipping).toBe(false);
    expect(next.billing.line1).toBe('Gata 3');
  });

  it('keeps what the customer already typed', () => {
    const typed = {
      ...emptyCheckout(),
      email: 'other@example.se',
      shipping: { ...emptyAddress(), line1: 'Min väg 2' },
    };
    const next = prefillCheckout(typed, account, [saved('1', { defaultShipping: true })]);
    expect(next.email).toBe('other@example.se');
    expect(next.shipping.line1).toBe('Min väg 2');
  });

  it('leaves a guest form as it is', () => {
    expect(prefillCheckout(emptyCheckout(), null, [])).toEqual(emptyCheckout());
  });
});
