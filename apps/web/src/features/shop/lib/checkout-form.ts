import type { CheckoutInput, ShopAccount, ShopAddress } from './shop-types';

/**
 * The checkout form's values, their checks (the same rules as the server's `checkoutInput`, so most mistakes are
 * shown before a request is sent) and the request body they make. Errors are keyed by the path the server uses
 * (`shippingAddress.city`), so the server's field errors land on the same fields.
 */

export interface AddressValues {
  name: string;
  company: string;
  line1: string;
  line2: string;
  postalCode: string;
  city: string;
  country: string;
  phone: string;
}

export interface CheckoutValues {
  email: string;
  name: string;
  phone: string;
  customerKind: 'person' | 'company';
  companyName: string;
  orgNumber: string;
  /** The recipient is the customer (`name`); the address holds the rest. */
  shipping: AddressValues;
  billingSameAsShipping: boolean;
  billing: AddressValues;
  shippingMethod: string;
  acceptTerms: boolean;
}

/** Why a field is wrong; the page words each one (shop.validation.<code>). */
export type FormErrorCode =
  | 'required'
  | 'email'
  | 'tooLong'
  | 'postalCode'
  | 'orgNumber'
  | 'country'
  | 'terms'
  | 'shippingMethod';

export type FormErrors = Record<string, FormErrorCode>;

export const DEFAULT_COUNTRY = 'SE';

export const emptyAddress = (country = DEFAULT_COUNTRY): AddressValues => ({
  name: '',
  company: '',
  line1: '',
  line2: '',
  postalCode: '',
  city: '',
  country,
  phone: '',
});

export const emptyCheckout = (): CheckoutValues => ({
  email: '',
  name: '',
  phone: '',
  customerKind: 'person',
  companyName: '',
  orgNumber: '',
  shipping: emptyAddress(),
  billingSameAsShipping: true,
  billing: emptyAddress(),
  shippingMethod: '',
  acceptTerms: false,
});

// Deliberately loose, like the server's: one @, something on each side, a dot in the domain.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ORG_NUMBER = /^[0-9A-Za-z -]{4,20}$/;
const COUNTRY = /^[A-Za-z]{2}$/;

/** Postal codes the shop checks before sending; other countries get the server's length check only. */
const POSTAL_CODES: Record<string, RegExp> = {
  SE: /^\d{3} ?\d{2}$/,
  NO: /^\d{4}$/,
  DK: /^\d{4}$/,
  FI: /^\d{5}$/,
  DE: /^\d{5}$/,
  PL: /^\d{2}-?\d{3}$/,
};

function checkText(errors: FormErrors, path: string, value: string, max: number, required: boolean) {
  const text = value.trim();
  if (required && !text) errors[path] = 'required';
  else if (text.length > max) errors[path] = 'tooLong';
}

/** The checks of one postal address; `withName` for a billing or address-book address that names its recipient. */
export function validateAddress(address: AddressValues, prefix: string, withName: boolean): FormErrors {
  const errors: FormErrors = {};
  const at = (field: string) => (prefix ? `${prefix}.${field}` : field);
  if (withName) checkText(errors, at('name'), address.name, 200, true);
  checkText(errors, at('company'), address.company, 200, false);
  checkText(errors, at('line1'), address.line1, 200, true);
  checkText(errors, at('line2'), address.line2, 200, false);
  checkText(errors, at('city'), address.city, 100, true);
  checkText(errors, at('phone'), address.phone, 40, false);
  const country = address.country.trim().toUpperCase();
  if (!COUNTRY.test(country)) errors[at('country')] = country ? 'country' : 'required';
  const postal = address.postalCode.trim();
  if (!postal) errors[at('postalCode')] = 'required';
  else if (postal.length < 2 || postal.length > 12 || (POSTAL_CODES[country] && !POSTAL_CODES[country].test(postal)))
    errors[at('postalCode')] = 'postalCode';
  return errors;
}

export function validateCheckout(values: CheckoutValues): FormErrors {
  const errors: FormErrors = {};
  const email = values.email.trim();
  if (!email) errors.email = 'required';
  else if (email.length > 254 || !EMAIL.test(email)) errors.email = 'email';
  checkText(errors, 'name', values.name, 200, true);
  checkText(errors, 'phone', values.phone, 40, false);
  if (values.customerKind === 'company') {
    checkText(errors, 'companyName', values.companyName, 200, true);
    const org = values.orgNumber.trim();
    if (org && !ORG_NUMBER.test(org)) errors.orgNumber = 'orgNumber';
  }
  Object.assign(errors, validateAddress(values.shipping, 'shippingAddress', false));
  if (!values.billingSameAsShipping) Object.assign(errors, validateAddress(values.billing, 'billingAddress', true));
  if (!values.shippingMethod) errors.shippingMethod = 'shippingMethod';
  if (!values.acceptTerms) errors.acceptTerms = 'terms';
  return errors;
}

const orNull = (text: string) => {
  const trimmed = text.trim();
  return trimmed ? trimmed : null;
};

function addressBody(address: AddressValues, name: string, company: string | null) {
  return {
    name: name.trim(),
    company,
    line1: address.line1.trim(),
    line2: orNull(address.line2),
    postalCode: address.postalCode.trim(),
    city: address.city.trim(),
    country: address.country.trim().toUpperCase(),
    phone: orNull(address.phone),
  };
}

/** What POST /api/shop/checkout gets: trimmed, empty optional fields as null, no money at all. */
export function checkoutBody(values: CheckoutValues): CheckoutInput {
  const company = values.customerKind === 'company' ? orNull(values.companyName) : null;
  const shippingAddress = {
    ...addressBody(values.shipping, values.name, company),
    phone: orNull(values.shipping.phone) ?? orNull(values.phone),
  };
  return {
    email: values.email.trim(),
    name: values.name.trim(),
    phone: orNull(values.phone),
    customerKind: values.customerKind,
    companyName: company,
    orgNumber: values.customerKind === 'company' ? orNull(values.orgNumber) : null,
    shippingAddress,
    billingAddress: values.billingSameAsShipping
      ? null
      : addressBody(values.billing, values.billing.name, orNull(values.billing.company)),
    shippingMethod: values.shippingMethod,
    acceptTerms: true,
  };
}

/** A saved address as form values. */
export function addressValues(address: ShopAddress): AddressValues {
  return {
    name: address.name,
    company: address.company ?? '',
    line1: address.line1,
    line2: address.line2 ?? '',
    postalCode: address.postalCode,
    city: address.city,
    country: address.country,
    phone: address.phone ?? '',
  };
}

/**
 * A signed-in customer's checkout, filled from their account and saved addresses; what the customer already typed
 * is kept (the account answers after the page has shown).
 */
export function prefillCheckout(
  values: CheckoutValues,
  account: ShopAccount | null | undefined,
  addresses: ShopAddress[],
): CheckoutValues {
  const customer = account?.customer ?? null;
  const keep = (typed: string, saved: string | null | undefined) => typed || saved || '';
  const next: CheckoutValues = {
    ...values,
    email: keep(values.email, customer?.email ?? (account?.username.includes('@') ? account.username : '')),
    name: keep(values.name, customer?.name ?? account?.displayName),
    phone: keep(values.phone, customer?.phone),
  };
  if (customer?.kind === 'company' && !values.companyName) {
    next.customerKind = 'company';
    next.companyName = customer.companyName ?? '';
    next.orgNumber = keep(values.orgNumber, customer.orgNumber);
  }
  const untouched = (address: AddressValues) => !address.line1 && !address.postalCode && !address.city;
  const shipping = addresses.find((address) => address.defaultShipping) ?? addresses[0];
  if (shipping && untouched(values.shipping)) next.shipping = addressValues(shipping);
  const billing = addresses.find((address) => address.defaultBilling);
  if (billing && shipping && billing.id !== shipping.id && untouched(values.billing)) {
    next.billing = addressValues(billing);
    next.billingSameAsShipping = false;
  }
  return next;
}
