import type { Notice } from '@kontor/contracts';
import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format';

/** Crisis instructions and bulletins, newest first as the server sends them. */
export function NoticeList({ notices, actions }: { notices: Notice[]; actions?: (notice: Notice) => ReactNode }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (notices.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('directory.unit.noNotices')}
      </Text>
    );
  }
  return (
    <Stack gap="sm">
      {notices.map((notice) => {
        const scheduled = Date.parse(notice.publishAt) > Date.now();
        return (
          <Card key={notice.id} withBorder padding="sm" className="directory-section" data-testid="directory-notice">
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
              <div style={{ minWidth: 0 }}>
                <Group gap="xs">
                  <Badge color={notice.kind === 'instruction' ? 'red' : 'blue'} variant="light" size="sm">
                    {t(`directory.noticeKinds.${notice.kind}`)}
                  </Badge>
                  {notice.unpublished ? (
                    <Badge color="gray" size="sm">
                      {t('directory.unit.unpublished')}
                    </Badge>
                  ) : null}
                  <Text size="xs" c="dimmed">
                    <time dateTime={notice.publishAt}>
                      {scheduled
                        ? t('directory.unit.scheduled', { date: format.dateTime(notice.publishAt) })
                        : format.date(notice.publishAt)}
                    </time>
                  </Text>
                </Group>
                <Text fw={600} mt={4}>
                  {notice.title}
                </Text>
              </div>
              {actions ? actions(notice) : null}
            </Group>
            <Text size="sm" mt={4} style={{ whiteSpace: 'pre-line' }}>
              {notice.body}
            </Text>
          </Card>
        );
      })}
    </Stack>
  );
}
