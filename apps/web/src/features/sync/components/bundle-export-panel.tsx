import { Button, Group, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bundleExportUrl, type ExportChoice, parseVector } from '../api/bundles-api';

type Kind = ExportChoice['kind'];
const kinds: Kind[] = ['everything', 'since', 'snapshot'];

/** Choose what goes into the file, then let the browser download it straight to disk. */
export function BundleExportPanel({ isHub }: { isHub: boolean }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<Kind>('everything');
  const [vectorText, setVectorText] = useState('');
  const vector = kind === 'since' ? parseVector(vectorText) : null;
  const choice: ExportChoice | null = kind === 'since' ? (vector ? { kind, vector } : null) : { kind };
  const labels: Record<Kind, { label: string; description: string }> = {
    everything: { label: t('bundles.export.everything'), description: t('bundles.export.everythingHint') },
    since: { label: t('bundles.export.since'), description: t('bundles.export.sinceHint') },
    snapshot: {
      label: t('bundles.export.snapshot'),
      description: isHub ? t('bundles.export.snapshotHint') : t('bundles.export.snapshotHubOnly'),
    },
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="bundle-export-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="bundle-export-title">
          {t('bundles.export.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('bundles.export.intro')}
        </Text>
        <Radio.Group value={kind} onChange={(value) => setKind(value as Kind)} label={t('bundles.export.choice')}>
          <Stack gap="sm" mt="xs">
            {kinds.map((option) => (
              <Radio
                key={option}
                value={option}
                disabled={option === 'snapshot' && !isHub}
                data-testid={`bundle-export-${option}`}
                {...labels[option]}
              />
            ))}
          </Stack>
        </Radio.Group>
        {kind === 'since' ? (
          <Textarea
            label={t('bundles.export.vector')}
            placeholder='{"8f1c…": 120}'
            autosize
            minRows={2}
            value={vectorText}
            onChange={(event) => setVectorText(event.currentTarget.value)}
            error={vectorText.trim() !== '' && !vector ? t('bundles.export.vectorInvalid') : undefined}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            data-testid="bundle-export-vector"
          />
        ) : null}
        <Group>
          {choice ? (
            <Button component="a" href={bundleExportUrl(choice)} download data-testid="bundle-export-download">
              {t('bundles.export.download')}
            </Button>
          ) : (
            <Button disabled data-testid="bundle-export-download">
              {t('bundles.export.download')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
