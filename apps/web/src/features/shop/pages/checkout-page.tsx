import { Button, Center, Checkbox, Loader, NativeSelect, Stack } from '@mantine/core';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../../app/api-client';
import { useMe } from '../../auth/api/session';
import { useAddresses, useShopAccount } from '../api/account-api';
import { useCart } from '../api/cart-api';
import { checkoutAttemptPending, usePlaceOrder, useShippingOptions } from '../api/checkout-api';
import { AddressFields } from '../components/address-fields';
import { CheckoutContact } from '../components/checkout-contact';
import { CheckoutSummary } from '../components/checkout-summary';
import { ShippingChoice } from '../components/shipping-choice';
import { ShopProblemAlert, shopFieldErrors } from '../components/shop-problem';
import { TermsAcceptance } from '../components/terms-acceptance';
import { useShopFormat } from '../components/use-shop-format';
import { useShopTitle } from '../components/use-shop-title';
import {
  addressValues,
  type CheckoutValues,
  checkoutBody,
  emptyCheckout,
  prefillCheckout,
  validateCheckout,
} from '../lib/checkout-form';
import { safeRedirect } from '../lib/order-progress';
import { storefrontHref } from '../lib/shop-locale';
import { formPaths, lineProblems } from '../lib/shop-problems';
import { checkoutTotals } from '../lib/totals';

/** Moves the keyboard focus to the first field the checks found wrong, once it shows its error. */
function focusFirstInvalid(form: HTMLFormElement | null) {
  requestAnimationFrame(() => {
    const field = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
    field?.focus();
    field?.scrollIntoView({ block: 'center' });
  });
}

export function CheckoutPage() {
  const { t, i18n } = useTranslation();
  useShopTitle(t('shop.checkout.title'));
  const navigate = useNavigate();
  const format = useShopFormat();
  const cart = useCart();
  const { data: me } = useMe();
  const account = useShopAccount();
  const addresses = useAddresses(Boolean(me));
  const placing = usePlaceOrder();
  const [values, setValues] = useState<CheckoutValues>(emptyCheckout);
  const [checked, setChecked] = useState(false);
  const [mayHavePlaced, setMayHavePlaced] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  // A second click before React has re-rendered must not send a second request.
  const inFlight = useRef(false);
  const prefilled = useRef(false);

  const set = <K extends keyof CheckoutValues>(key: K, value: CheckoutValues[K]) =>
    setValues((previous) => ({ ...previous, [key]: value }));

  // A signed-in customer's details and default addresses, once they have come.
  useEffect(() => {
    if (prefilled.current || !account.data || addresses.isPending) return;
    prefilled.current = true;
    setValues((previous) => prefillCheckout(previous, account.data, addresses.data ?? []));
  }, [account.data, addresses.isPending, addresses.data]);

  const currency = cart.data?.currency;
  const country = values.shipping.country;
  const shipping = useShippingOptions(country, currency);
  const options = shipping.data?.country === country ? shipping.data.options : [];
  const chosen = options.find((option) => option.code === values.shippingMethod) ?? null;
  // The first option is chosen for the customer; a change of country or cart may take the chosen one away.
  useEffect(() => {
    if (!shipping.data || shipping.data.country !== country) return;
    const codes = shipping.data.options.map((option) => option.code);
    if (!codes.includes(values.shippingMethod))
      setValues((previous) => ({ ...previous, shippingMethod: codes[0] ?? '' }));
  }, [shipping.data, country, values.shippingMethod]);

  const serverError = placing.error instanceof ApiError ? placing.error : null;
  const clientErrors = useMemo(() => (checked ? validateCheckout(values) : {}), [checked, values]);
  const errors: Record<string, string> = {};
  for (const [path, code] of Object.entries(clientErrors)) errors[path] = t(`shop.validation.${code}`);
  for (const [path, text] of Object.entries(shopFieldErrors(t, serverError, { email: 'email' }))) errors[path] ??= text;
  const skus = cart.data?.lines.map((line) => line.sku) ?? [];
  const problems = lineProblems(serverError?.problem.errors, skus, serverError?.code ?? '');
  // Field errors are shown at their fields; the alert says what no field says.
  const fieldsExplain =
    serverError !== null && formPaths(serverError.problem.errors).size > 0 && serverError.code === 'validation_failed';

  if (placing.isSuccess) {
    return (
      <Center py="xl" data-testid="checkout-redirecting">
        <Stack align="center">
          <Loader aria-label={t('shop.checkout.redirecting')} />
          <p role="status">{t('shop.checkout.redirecting')}</p>
        </Stack>
      </Center>
    );
  }
  if (cart.isPending)
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  if (cart.error) return <ShopProblemAlert error={cart.error} />;
  if (cart.data.lines.length === 0) {
    return (
      <section data-testid="checkout-empty">
        <h1>{t('shop.checkout.title')}</h1>
        <p>{t('shop.cart.empty')}</p>
        <Button component="a" href={storefrontHref('/shop', i18n.language)} mih={44}>
          {t('shop.cart.continueShopping')}
        </Button>
      </section>
    );
  }
  const data = cart.data;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (inFlight.current || placing.isPending) return;
    setChecked(true);
    if (Object.keys(validateCheckout(values)).length > 0) {
      focusFirstInvalid(formRef.current);
      return;
    }
    inFlight.current = true;
    const hadPending = checkoutAttemptPending();
    setMayHavePlaced(false);
    placing.mutate(checkoutBody(values), {
      onSuccess: (result) => {
        const target = safeRedirect(result.payment.redirectUrl, window.location.href);
        if (result.payment.status === 'started' && target) {
          window.location.assign(target);
          return;
        }
        const token = encodeURIComponent(result.order.accessToken);
        navigate(`/shop/orders/${result.order.id}?token=${token}`, { replace: true });
      },
      onError: (error) => {
        if (hadPending && error instanceof ApiError && error.code === 'commerce.cart_empty') setMayHavePlaced(true);
        if (error instanceof ApiError && error.status === 400) focusFirstInvalid(formRef.current);
        else requestAnimationFrame(() => alertRef.current?.focus());
      },
      onSettled: () => {
        inFlight.current = false;
      },
    });
  };

  const totals = checkoutTotals(data.totals, chosen);
  const saved = addresses.data ?? [];
  return (
    <form ref={formRef} onSubmit={submit} noValidate data-testid="checkout-form">
      <h1>{t('shop.checkout.title')}</h1>
      {me ? (
        <p className="wg-muted" data-testid="checkout-signed-in">
          {t('shop.checkout.signedInAs', { name: me.displayName })}
        </p>
      ) : (
        <p>
          {t('shop.checkout.haveAccount')}{' '}
          <Link to="/shop/account?returnTo=/shop/checkout" data-testid="checkout-sign-in">
            {t('shop.checkout.signIn')}
          </Link>
        </p>
      )}
      <div className="wg-columns">
        <div>
          <fieldset className="wg-section">
            <legend>{t('shop.checkout.contactTitle')}</legend>
            <CheckoutContact values={values} set={set} errors={errors} />
          </fieldset>
          <fieldset className="wg-section">
            <legend>{t('shop.checkout.deliveryTitle')}</legend>
            {saved.length > 0 ? (
              <NativeSelect
                label={t('shop.checkout.savedAddress')}
                data={[
                  { value: '', label: t('shop.checkout.chooseSaved') },
                  ...saved.map((address) => ({
                    value: address.id,
                    label: `${address.name}, ${address.line1}, ${address.city}`,
                  })),
                ]}
                defaultValue=""
                onChange={(event) => {
                  const found = saved.find((address) => address.id === event.currentTarget.value);
                  if (found) set('shipping', addressValues(found));
                }}
                mb="sm"
                data-testid="checkout-saved-address"
                styles={{ input: { minHeight: 44 } }}
              />
            ) : null}
            <AddressFields
              values={values.shipping}
              onChange={(shippingAddress) => set('shipping', shippingAddress)}
              errors={errors}
              prefix="shippingAddress"
              withName={false}
              testId="checkout-shipping"
            />
            <Checkbox
              mt="md"
              size="md"
              checked={values.billingSameAsShipping}
              onChange={(event) => set('billingSameAsShipping', event.currentTarget.checked)}
              label={t('shop.checkout.billingSame')}
              data-testid="checkout-billing-same"
            />
          </fieldset>
          {values.billingSameAsShipping ? null : (
            <fieldset className="wg-section">
              <legend>{t('shop.checkout.billingTitle')}</legend>
              <AddressFields
                values={values.billing}
                onChange={(billing) => set('billing', billing)}
                errors={errors}
                prefix="billingAddress"
                withName
                testId="checkout-billing"
              />
            </fieldset>
          )}
          <fieldset className="wg-section">
            <legend>{t('shop.checkout.shippingTitle')}</legend>
            <ShippingChoice
              country={country}
              options={shipping.data?.country === country ? shipping.data : undefined}
              loading={shipping.isFetching}
              error={shipping.error}
              value={values.shippingMethod}
              onChange={(code) => set('shippingMethod', code)}
              errorText={errors.shippingMethod}
            />
          </fieldset>
        </div>
        <div className="wg-panel">
          <h2>{t('shop.checkout.summaryTitle')}</h2>
          <CheckoutSummary cart={data} shipping={chosen} problems={problems} />
          <p style={{ margin: '0.5rem 0 1rem' }}>
            <Link to="/shop/cart" data-testid="checkout-edit-cart">
              {t('shop.checkout.editCart')}
            </Link>
          </p>
          <Stack gap="md">
            <TermsAcceptance
              checked={values.acceptTerms}
              onChange={(accepted) => set('acceptTerms', accepted)}
              error={errors.acceptTerms}
            />
            <div ref={alertRef} tabIndex={-1} data-testid="checkout-problem">
              {mayHavePlaced ? (
                <p className="wg-note" role="alert" data-testid="checkout-may-have-placed">
                  {t('shop.checkout.mayHavePlaced')}
                </p>
              ) : null}
              {placing.error && !fieldsExplain ? (
                <ShopProblemAlert
                  error={placing.error}
                  testId={serverError?.status === 0 ? 'checkout-network-error' : 'checkout-error'}
                />
              ) : null}
              {serverError?.status === 0 ? <p className="wg-line-meta">{t('shop.checkout.retrySafe')}</p> : null}
            </div>
            {/* The label names the amount (the customer sees that ordering costs money) and may wrap on a phone. */}
            <Button
              type="submit"
              size="lg"
              fullWidth
              loading={placing.isPending}
              data-testid="place-order"
              h="auto"
              py="sm"
              styles={{ label: { whiteSpace: 'normal', textAlign: 'center' } }}
            >
              {t('shop.checkout.placeOrder', { total: format.money(totals.totalMinor, data.currency) })}
            </Button>
          </Stack>
        </div>
      </div>
    </form>
  );
}
