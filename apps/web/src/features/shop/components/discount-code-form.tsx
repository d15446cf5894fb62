import { Button, Group, TextInput } from '@mantine/core';
import type { TFunction } from 'i18next';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../app/api-client';
import { useApplyCode, useRemoveCode } from '../api/cart-api';
import type { ShopCart } from '../lib/shop-types';
import { ShopProblemAlert, shopCodeText } from './shop-problem';

/** Why a code in the cart does not take effect now, in the customer's words. */
function reasonText(t: TFunction, reason: string | null, currency: string) {
  switch (reason) {
    case 'min_order':
      return t('shop.discount.minOrder');
    case 'currency':
      return t('shop.discount.currency', { currency });
    case 'expired':
      return t('shop.discount.expired');
    case 'used_up':
      return t('shop.discount.usedUp');
    default:
      return t('shop.discount.unknown');
  }
}

/** One discount code per order: apply it, see whether it takes effect, take it out again. */
export function DiscountCodeForm({ cart }: { cart: ShopCart }) {
  const { t } = useTranslation();
  const apply = useApplyCode();
  const remove = useRemoveCode();
  const [code, setCode] = useState('');
  const [empty, setEmpty] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = code.trim();
    setEmpty(!text);
    if (!text) return;
    apply.mutate(text, { onSuccess: () => setCode('') });
  };

  const current = cart.discountCode;
  if (current) {
    return (
      <div className="wg-code-box" data-testid="discount-current">
        <Group justify="space-between" gap="sm">
          <div>
            <strong>{t('shop.discount.code', { code: current.code })}</strong>
            {current.applied ? (
              <p className="wg-line-meta" data-testid="discount-applied">
                {t('shop.discount.applied')}
              </p>
            ) : (
              <p className="wg-warn" role="status" data-testid="discount-not-applied">
                {reasonText(t, current.reason, cart.currency)}
              </p>
            )}
          </div>
          <Button
            variant="default"
            onClick={() => remove.mutate()}
            loading={remove.isPending}
            data-testid="discount-remove"
            mih={44}
          >
            {t('shop.discount.remove')}
          </Button>
        </Group>
        <ShopProblemAlert error={remove.error} />
      </div>
    );
  }

  // The server's refusal belongs to the field (unknown, expired or used-up code); anything else above it.
  const fieldError =
    apply.error instanceof ApiError && apply.error.status === 422 ? shopCodeText(t, apply.error.code) : null;
  return (
    <form onSubmit={submit} noValidate>
      <Group align="flex-start" gap="sm" wrap="nowrap">
        <TextInput
          label={t('shop.discount.label')}
          value={code}
          onChange={(event) => {
            setCode(event.currentTarget.value);
            setEmpty(false);
          }}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          error={empty ? t('shop.validation.required') : (fieldError ?? undefined)}
          data-testid="discount-code-input"
          style={{ flex: 1 }}
          styles={{ input: { minHeight: 44 } }}
        />
        <Button type="submit" variant="default" mt={25} mih={44} loading={apply.isPending} data-testid="discount-apply">
          {t('shop.discount.apply')}
        </Button>
      </Group>
      {fieldError ? null : <ShopProblemAlert error={apply.error} />}
    </form>
  );
}
