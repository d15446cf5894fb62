import { Alert, Code, Text } from '@mantine/core';
import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import { type SyncProblem, type SyncStatus, syncProblem } from '../api/sync-api';

/** A workstation that has not synced lately without a failure on record has simply been quiet for too long. */
type Trouble = SyncProblem | 'stale';

const titles: Record<Trouble, ParseKeys> = {
  'hub-unreachable': 'nodes.self.problem.hubUnreachable',
  'not-enrolled': 'nodes.self.problem.notEnrolled',
  'shell-request': 'nodes.self.problem.shellRequest',
  failed: 'nodes.self.problem.failed',
  stale: 'nodes.self.problem.stale',
};

function troubleOf(status: SyncStatus): Trouble {
  if (!status.enrolled) return 'not-enrolled';
  return status.lastErrorCode ? syncProblem(status.lastErrorCode) : 'stale';
}

/** What the operator can do about it; a command from the shell that failed speaks for itself. */
const hints: Record<Trouble, ParseKeys[]> = {
  'hub-unreachable': ['nodes.self.problem.keepWorking', 'nodes.self.problem.promoteHint'],
  'not-enrolled': ['nodes.self.problem.enrollHint'],
  'shell-request': [],
  failed: ['nodes.self.problem.keepWorking'],
  stale: ['nodes.self.problem.keepWorking', 'nodes.self.problem.promoteHint'],
};

/** Why this workstation does not sync, in the user's language, with the node's own words for whoever investigates. */
export function SyncProblemAlert({ status }: { status: SyncStatus }) {
  const { t } = useTranslation();
  const trouble = troubleOf(status);
  return (
    <Alert
      color="orange"
      variant="light"
      title={t(titles[trouble])}
      role="status"
      data-testid="node-status-problem"
      data-problem={trouble}
    >
      {hints[trouble].map((hint) => (
        <Text key={hint} size="sm">
          {t(hint)}
        </Text>
      ))}
      {status.lastError ? (
        <>
          <Text size="xs" c="dimmed" mt="xs">
            {t('nodes.self.problem.details')}
          </Text>
          {/* The node's English words name the addresses it tried: for the operator, not translated. */}
          <Code block mt={4} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
            {status.lastError}
          </Code>
        </>
      ) : null}
    </Alert>
  );
}
