import type { IncidentPriority, IncidentStatus } from '@kontor/contracts';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const STATUS_COLORS: Record<IncidentStatus, string> = {
  new: 'blue',
  in_progress: 'violet',
  waiting: 'yellow',
  resolved: 'green',
  closed: 'gray',
};
const PRIORITY_COLORS: Record<IncidentPriority, string> = {
  low: 'gray',
  normal: 'blue',
  high: 'orange',
  critical: 'red',
};

// miw: in a narrow table cell a badge would otherwise shrink to an ellipsis ("Vän…"), and its word is its point.
export function StatusBadge({ status }: { status: IncidentStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={STATUS_COLORS[status]}
      variant="light"
      tt="none"
      miw="fit-content"
      data-testid="incident-status"
      data-status={status}
    >
      {t(`desk.status.${status}`)}
    </Badge>
  );
}

export function PriorityBadge({ priority }: { priority: IncidentPriority }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={PRIORITY_COLORS[priority]}
      variant={priority === 'critical' ? 'filled' : 'outline'}
      tt="none"
      miw="fit-content"
    >
      {t(`desk.priority.${priority}`)}
    </Badge>
  );
}
