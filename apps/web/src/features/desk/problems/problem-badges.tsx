import type { ProblemExportState, ProblemStatus } from '@kontor/contracts';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function ProblemStatusBadge({ status }: { status: ProblemStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={status === 'open' ? 'orange' : 'gray'}
      variant="light"
      tt="none"
      data-testid="problem-status"
      data-status={status}
    >
      {t(`desk.problems.status.${status}`)}
    </Badge>
  );
}

const EXPORT_COLORS = { pending: 'yellow', sent: 'green', failed: 'red' } as const;

export function ExportBadge({ state }: { state: ProblemExportState | null }) {
  const { t } = useTranslation();
  if (!state) return null;
  return (
    <Badge
      color={EXPORT_COLORS[state.status]}
      variant="outline"
      tt="none"
      data-testid="problem-export-status"
      data-status={state.status}
    >
      {t(`desk.problems.export.${state.status}`)}
    </Badge>
  );
}
