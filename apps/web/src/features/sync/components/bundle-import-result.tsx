import { Alert, Code, Table, Text } from '@mantine/core';
import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../app/api-client';
import { useFormat } from '../../../app/format';
import { ProblemAlert } from '../../../app/problem-alert';
import { type BundleImportOutcome, type BundleRefusalReason, bundleRefusalReason } from '../api/bundles-api';

/** Typed by the server's reasons, so a reason added there without words here fails to compile. */
const refusalKeys: Record<BundleRefusalReason, ParseKeys> = {
  damaged: 'bundles.refused.damaged',
  newer_format: 'bundles.refused.newerFormat',
  unknown_signer: 'bundles.refused.unknownSigner',
  revoked_signer: 'bundles.refused.revokedSigner',
  tampered: 'bundles.refused.tampered',
  foreign_cluster: 'bundles.refused.foreignCluster',
  forged_change: 'bundles.refused.forgedChange',
  not_from_hub: 'bundles.refused.notFromHub',
  node_has_data: 'bundles.refused.nodeHasData',
  not_joined: 'bundles.refused.notJoined',
  snapshot_needs_hub: 'bundles.refused.snapshotNeedsHub',
};

/** What the import did: counts of changes, or whether the snapshot set this node up. */
export function BundleImportOutcomeAlert({ outcome }: { outcome: BundleImportOutcome }) {
  const { t } = useTranslation();
  const format = useFormat();
  const snapshot = outcome.content === 'snapshot';
  const counts: Array<[ParseKeys, number]> = snapshot
    ? [['bundles.outcome.rows', outcome.rows]]
    : [
        ['bundles.outcome.changes', outcome.changes],
        ['bundles.outcome.applied', outcome.applied],
        ['bundles.outcome.duplicates', outcome.duplicates],
        ['bundles.outcome.waiting', outcome.waiting],
        ['bundles.outcome.rejected', outcome.rejected],
      ];
  return (
    <Alert color="green" variant="light" title={t('bundles.outcome.title')} data-testid="bundle-import-outcome">
      {snapshot ? (
        <Text size="sm" mb="xs">
          {outcome.applied > 0 ? t('bundles.outcome.snapshotLoaded') : t('bundles.outcome.snapshotHeld')}
        </Text>
      ) : null}
      <Table withRowBorders={false} verticalSpacing={2} horizontalSpacing={0} fz="sm" maw={360}>
        <Table.Tbody>
          {counts.map(([label, count]) => (
            <Table.Tr key={label}>
              <Table.Th fw={400} scope="row">
                {t(label)}
              </Table.Th>
              <Table.Td ta="right" fw={600} data-testid={`bundle-count-${label.split('.').pop()}`}>
                {format.number(count)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Alert>
  );
}

/** Why the node refused the file, in the user's language, with the node's own words for whoever investigates. */
export function BundleImportErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const reason = bundleRefusalReason(error);
  const known = reason !== undefined && reason in refusalKeys ? (reason as BundleRefusalReason) : undefined;
  if (!known || !(error instanceof ApiError)) return <ProblemAlert error={error} testId="bundle-import-error" />;
  return (
    <Alert
      color="red"
      variant="light"
      title={t('bundles.refused.title')}
      role="alert"
      data-testid="bundle-import-refused"
      data-reason={known}
    >
      <Text size="sm">{t(refusalKeys[known])}</Text>
      <Text size="xs" c="dimmed" mt="xs">
        {t('bundles.refused.details')}
      </Text>
      {/* The node's English words name the signer or cluster: for the operator, not translated. */}
      <Code block mt={4} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
        {error.problem.detail}
      </Code>
    </Alert>
  );
}
