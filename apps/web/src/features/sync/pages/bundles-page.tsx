import { SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../app/page-header';
import { useSyncStatus } from '../api/sync-api';
import { BundleExportPanel } from '../components/bundle-export-panel';
import { BundleImportPanel } from '../components/bundle-import-panel';

/** Bundles: changes (or the hub's full snapshot) carried on removable media between nodes that cannot talk. */
export function BundlesPage() {
  const { t } = useTranslation();
  const status = useSyncStatus();
  return (
    <>
      <PageHeader title={t('bundles.title')} />
      <Text size="sm" c="dimmed" mb="md" maw={820}>
        {t('bundles.intro')}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <BundleExportPanel isHub={status.data?.role === 'server'} />
        <BundleImportPanel />
      </SimpleGrid>
    </>
  );
}
