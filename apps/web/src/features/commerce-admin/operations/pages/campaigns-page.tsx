import { Anchor, Button, Group, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../../../app/page-header';
import { PRICE_LISTS_PAGE } from '../../catalog/api/catalog-paths';
import { DiscountCodeModal } from '../components/discount-code-modal';
import { DiscountCodes } from '../components/discount-codes';
import { DiscountRuleModal } from '../components/discount-rule-modal';
import { DiscountRules } from '../components/discount-rules';
import { OperationsNav } from '../components/operations-nav';

/**
 * Discount codes and automatic discounts (campaigns, volume, bundles): the lists, and new ones of each; sale prices
 * live in the catalog's price lists, linked from here.
 */
export function CampaignsPage() {
  const { t } = useTranslation();
  const [creatingCode, setCreatingCode] = useState(false);
  const [creatingRule, setCreatingRule] = useState(false);
  return (
    <>
      <OperationsNav />
      <PageHeader
        title={t('commerceOps.codes.title')}
        action={{ label: t('commerceOps.codes.new'), testId: 'code-new', onClick: () => setCreatingCode(true) }}
      />
      <Title order={2} size="h4" mb="sm">
        {t('commerceOps.codes.heading')}
      </Title>
      <DiscountCodes />
      <Group justify="space-between" mt="xl" mb="sm">
        <Title order={2} size="h4">
          {t('commerceOps.rules.heading')}
        </Title>
        <Button variant="light" onClick={() => setCreatingRule(true)} data-testid="rule-new">
          {t('commerceOps.rules.new')}
        </Button>
      </Group>
      <DiscountRules />
      <Title order={2} size="h4" mt="xl" mb="xs">
        {t('commerceOps.salePrices.heading')}
      </Title>
      <Text size="sm" mb="xs">
        {t('commerceOps.salePrices.text')}
      </Text>
      <Anchor component={Link} to={PRICE_LISTS_PAGE} data-testid="campaigns-price-lists">
        {t('commerceOps.salePrices.link')}
      </Anchor>
      <DiscountRuleModal opened={creatingRule} rule={null} onClose={() => setCreatingRule(false)} />
      <DiscountCodeModal opened={creatingCode} onClose={() => setCreatingCode(false)} />
    </>
  );
}
