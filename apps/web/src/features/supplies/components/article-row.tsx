import type { Article } from '@kontor/contracts';
import { Badge, Button, Card, Group, Image, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format';
import { quantityProblem } from '../api/order-draft';
import { FavouriteStar } from './favourite-star';
import { packText } from './pack-text';
import { lineProblemText, QuantityInput } from './quantity-input';

interface ArticleRowProps {
  article: Article;
  favourite: boolean;
  onToggleFavourite: () => void;
  onAdd: (quantity: number) => void;
}

/** One catalog article: what it is, how it comes, what it costs, and a quantity to put in the cart. */
export function ArticleRow({ article, favourite, onToggleFavourite, onAdd }: ArticleRowProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [quantity, setQuantity] = useState(1);
  const problem = quantityProblem(quantity);
  const add = (
    <Button
      size="xs"
      onClick={() => {
        onAdd(quantity);
        setQuantity(1);
      }}
      disabled={!article.active || problem !== null}
      aria-label={t('supplies.catalog.addNamed', { name: article.name })}
      data-testid="article-add"
    >
      {t('supplies.catalog.add')}
    </Button>
  );
  return (
    <Card withBorder padding="xs" component="li" data-testid="article-row" data-article-number={article.articleNumber}>
      <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
        {article.imageUrl ? (
          <Image
            src={article.imageUrl}
            alt=""
            w={48}
            h={48}
            fit="contain"
            radius="sm"
            loading="lazy"
            referrerPolicy="no-referrer"
            data-testid="article-image"
          />
        ) : null}
        <div style={{ flex: '1 1 220px', minWidth: 0 }}>
          <Group gap={6} wrap="nowrap" align="flex-start">
            <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
              {article.name}
            </Text>
            {article.active ? null : (
              <Badge color="gray" size="sm" tt="none" data-testid="article-inactive">
                {t('supplies.article.inactive')}
              </Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            <Text span ff="monospace" size="xs">
              {article.articleNumber}
            </Text>
            {article.manufacturer ? ` · ${article.manufacturer}` : ''}
          </Text>
          <Text size="xs">
            {packText(t, article)}
            {article.priceMinor !== null ? (
              <Text span size="xs" fw={600}>
                {' · '}
                {t('supplies.article.price', { amount: format.sek(article.priceMinor), unit: article.unit })}
              </Text>
            ) : null}
          </Text>
        </div>
        <Group gap={6} wrap="nowrap" align="flex-start">
          <FavouriteStar name={article.name} favourite={favourite} onToggle={onToggleFavourite} />
          <QuantityInput
            w={76}
            size="xs"
            value={quantity}
            onChange={setQuantity}
            disabled={!article.active}
            error={problem !== null}
            aria-label={t('supplies.cart.quantityOf', { name: article.name })}
            data-testid="article-quantity"
          />
          {add}
        </Group>
      </Group>
      {article.active ? null : (
        <Text size="xs" c="dimmed" ta="right" data-testid="article-inactive-hint">
          {t('supplies.article.inactiveHint')}
        </Text>
      )}
      {problem && article.active ? (
        <Text size="xs" c="red" ta="right" role="alert" data-testid="article-quantity-error">
          {lineProblemText(t, problem)}
        </Text>
      ) : null}
    </Card>
  );
}
