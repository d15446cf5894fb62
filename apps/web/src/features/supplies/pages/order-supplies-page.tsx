import type { OrderingUnit } from '@kontor/contracts';
import { Alert, Anchor, Button, Card, Grid, Group, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PageLoader } from '../../../app/guards';
import { PageHeader } from '../../../app/page-header';
import { ProblemAlert } from '../../../app/problem-alert';
import { lastUnitId, rememberAddress, rememberUnitId, useStoredCart } from '../api/cart-storage';
import { useOrderingUnits, useUnitListsLive } from '../api/catalog-api';
import { addLines, lineInputs } from '../api/order-draft';
import { usePlaceOrder } from '../api/orders-api';
import { CatalogBrowser } from '../components/catalog-browser';
import { OrderForm } from '../components/order-form';
import { UnitSelect } from '../components/unit-select';
import '../supplies.css';

/** Catalog and cart side by side (stacked on a phone), for the unit last ordered for. */
export function OrderSuppliesPage() {
  const { t } = useTranslation();
  const units = useOrderingUnits();
  const [chosen, setChosen] = useState(lastUnitId);
  const list = units.data ?? [];
  const unit = list.find((candidate) => candidate.id === chosen) ?? list[0];

  return (
    <>
      <PageHeader title={t('supplies.order.title')} />
      {units.error ? <ProblemAlert error={units.error} /> : null}
      {units.isPending ? <PageLoader /> : null}
      {units.isSuccess && !unit ? (
        <Alert color="yellow" data-testid="supplies-no-units">
          {t('supplies.order.noUnits')}
        </Alert>
      ) : null}
      {unit ? (
        <Stack gap="md">
          <Group gap="sm" align="flex-end" wrap="wrap">
            <UnitSelect
              units={list}
              value={unit.id}
              onChange={(unitId) => {
                rememberUnitId(unitId);
                setChosen(unitId);
              }}
              label={t('supplies.order.unit')}
            />
            <Anchor component={Link} to="/supplies/orders" size="sm" pb={8}>
              {t('supplies.order.seeOrders')}
            </Anchor>
          </Group>
          {/* Keyed by unit: each unit has its own cart, loaded afresh when another is picked. */}
          <OrderingWorkspace key={unit.id} unit={unit} />
        </Stack>
      ) : null}
    </>
  );
}

function OrderingWorkspace({ unit }: { unit: OrderingUnit }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const cart = useStoredCart(unit.id, unit.name);
  useUnitListsLive();
  const place = usePlaceOrder();
  const { draft } = cart;
  const submit = () =>
    place.mutate(
      {
        unitId: unit.id,
        deliveryAddress: draft.deliveryAddress.trim(),
        requestedDate: draft.requestedDate,
        note: draft.note.trim(),
        lines: lineInputs(draft.lines),
      },
      {
        onSuccess: (order) => {
          rememberAddress(unit.id, draft.deliveryAddress);
          cart.clear();
          navigate(`/supplies/orders/${order.id}`);
        },
      },
    );

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 7, lg: 8 }}>
        <Button component="a" href="#cart" variant="light" fullWidth mb="sm" hiddenFrom="md" data-testid="cart-jump">
          {t('supplies.cart.jump', { count: draft.lines.length })}
        </Button>
        <CatalogBrowser
          unitId={unit.id}
          cartLines={draft.lines}
          onAdd={(lines) => cart.setDraft((previous) => ({ ...previous, lines: addLines(previous.lines, lines) }))}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5, lg: 4 }}>
        <Card
          withBorder
          padding="sm"
          id="cart"
          component="section"
          aria-labelledby="cart-title"
          className="supplies-cart"
          data-testid="cart"
        >
          <Title order={2} size="h4" id="cart-title" mb="sm">
            {t('supplies.cart.title', { unit: unit.name })}
          </Title>
          <OrderForm
            draft={draft}
            onChange={cart.setDraft}
            scope="order"
            onSubmit={submit}
            submitLabel={t('supplies.cart.place')}
            submitTestId="cart-place"
            submitting={place.isPending}
            error={place.error}
          />
        </Card>
      </Grid.Col>
    </Grid>
  );
}
