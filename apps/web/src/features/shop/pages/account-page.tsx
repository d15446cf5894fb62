import { Button, Center, Group, Loader, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useMe, useSignOut } from '../../auth/api/session';
import { useShopAccount } from '../api/account-api';
import { AccountAuth } from '../components/account-auth';
import { AddressBook } from '../components/address-book';
import { OrderHistory } from '../components/order-history';
import { ShopProblemAlert } from '../components/shop-problem';
import { useShopTitle } from '../components/use-shop-title';

/** Only a path of the shop's own pages, never another site (`returnTo` comes from the address bar). */
export function shopReturnPath(value: string | null): string | null {
  return value?.startsWith('/shop/') && !value.startsWith('//') ? value : null;
}

/** The customer's account: sign in or create one, then orders, addresses and signing out. */
export function AccountPage() {
  const { t } = useTranslation();
  useShopTitle(t('shop.layout.account'));
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const me = useMe();
  const account = useShopAccount();
  const signOut = useSignOut();
  const tab = search.get('tab') === 'addresses' ? 'addresses' : 'orders';

  if (me.isPending)
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  if (!me.data) {
    const back = shopReturnPath(search.get('returnTo'));
    return <AccountAuth onDone={() => (back ? navigate(back) : undefined)} />;
  }

  const customer = account.data?.customer;
  return (
    <div data-testid="account-home">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <div>
          <h1>{t('shop.layout.account')}</h1>
          <p className="wg-muted" style={{ marginTop: 0 }} data-testid="account-who">
            {t('shop.account.signedInAs', { name: customer?.name ?? me.data.displayName })}
            {customer?.email ? ` · ${customer.email}` : ''}
          </p>
        </div>
        <Button
          variant="default"
          mih={44}
          onClick={() => signOut.mutate(undefined, { onSettled: () => navigate('/shop/account') })}
          loading={signOut.isPending}
          data-testid="account-sign-out"
        >
          {t('shop.account.signOut')}
        </Button>
      </Group>
      <ShopProblemAlert error={account.error} />
      <Tabs
        value={tab}
        onChange={(value) => setSearch(value === 'addresses' ? { tab: 'addresses' } : {}, { replace: true })}
        mt="md"
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="orders" mih={44} data-testid="account-tab-orders">
            {t('shop.account.ordersTab')}
          </Tabs.Tab>
          <Tabs.Tab value="addresses" mih={44} data-testid="account-tab-addresses">
            {t('shop.account.addressesTab')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="orders">{tab === 'orders' ? <OrderHistory /> : null}</Tabs.Panel>
        <Tabs.Panel value="addresses">{tab === 'addresses' ? <AddressBook /> : null}</Tabs.Panel>
      </Tabs>
    </div>
  );
}
