import type { CatalogProduct } from '@kontor/contracts';
import { ActionIcon, Button, Group, Image, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { catalogPaths } from '../api/catalog-paths';
import { sameText } from '../api/translated';

type Media = CatalogProduct['media'][number];

interface MediaCardProps {
  media: Media;
  index: number;
  count: number;
  locales: string[];
  onMove: (by: -1 | 1) => void;
  onSaveAlt: (alt: Record<string, string>) => void;
  onRemove: () => void;
  busy: boolean;
}

/** One picture: what it shows, its alt text per language, its place among the others. */
export function MediaCard({ media, index, count, locales, onMove, onSaveAlt, onRemove, busy }: MediaCardProps) {
  const { t } = useTranslation();
  const [alt, setAlt] = useState<Record<string, string>>({ ...media.alt });
  const changed = !sameText(alt, media.alt);
  const label = t('catalogAdmin.media.number', { number: index + 1 });
  return (
    <Paper withBorder p="xs" data-testid="media-item" data-media-id={media.id}>
      <Stack gap="xs">
        <Image
          src={catalogPaths.mediaContent(media.id)}
          alt={media.alt.sv || media.alt.en || label}
          h={140}
          fit="contain"
          radius="sm"
          bg="var(--mantine-color-gray-light)"
        />
        <Text size="xs" c="dimmed">
          {label} · {media.width} × {media.height} · {media.contentType}
        </Text>
        {locales.map((locale) => (
          <TextInput
            key={locale}
            size="xs"
            lang={locale}
            label={t('catalogAdmin.media.altIn', { locale: locale.toUpperCase() })}
            value={alt[locale] ?? ''}
            onChange={(event) => setAlt({ ...alt, [locale]: event.currentTarget.value })}
            maxLength={200}
            data-testid={`media-item-alt-${locale}`}
          />
        ))}
        <Group gap={4} justify="space-between">
          <Group gap={4}>
            <ActionIcon
              variant="default"
              disabled={index === 0 || busy}
              onClick={() => onMove(-1)}
              aria-label={t('catalogAdmin.media.earlier', { label })}
              data-testid="media-earlier"
            >
              ↑
            </ActionIcon>
            <ActionIcon
              variant="default"
              disabled={index === count - 1 || busy}
              onClick={() => onMove(1)}
              aria-label={t('catalogAdmin.media.later', { label })}
              data-testid="media-later"
            >
              ↓
            </ActionIcon>
          </Group>
          <Group gap={4}>
            <Button
              size="compact-xs"
              variant="light"
              disabled={!changed || busy}
              onClick={() => onSaveAlt(alt)}
              data-testid="media-alt-save"
            >
              {t('catalogAdmin.media.saveAlt')}
            </Button>
            <Button size="compact-xs" variant="subtle" color="red" onClick={onRemove} data-testid="media-delete">
              {t('common.delete')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Paper>
  );
}
