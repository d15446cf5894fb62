import type { CrmSource } from '@kontor/contracts';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Where a record lives now: in Kontor's own service, or still only in the legacy CRM. */
export function SourceBadge({ source }: { source: CrmSource }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={source === 'ours' ? 'teal' : 'gray'}
      variant={source === 'ours' ? 'light' : 'outline'}
      tt="none"
      miw="max-content"
      data-testid="crm-source"
      data-source={source}
    >
      {t(`crm.source.${source}`)}
    </Badge>
  );
}
