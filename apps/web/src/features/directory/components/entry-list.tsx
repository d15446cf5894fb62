import type { DirectoryEntry } from '@kontor/contracts';
import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ContactList } from './contact-list';

/** Where an entry's page is: a person's own, a unit's, or the unit that has the function. */
export function entryPath(entry: Pick<DirectoryEntry, 'kind' | 'id' | 'unitId'>) {
  return entry.kind === 'person' ? `/directory/people/${entry.id}` : `/directory/units/${entry.unitId}`;
}

/** Search results and favourites: who or what, where, and the first numbers to try. */
export function EntryList({ entries, testId }: { entries: DirectoryEntry[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm" data-testid={testId}>
      {entries.map((entry) => (
        <Card key={`${entry.kind}-${entry.id}`} withBorder padding="sm" data-testid="directory-entry">
          <Stack gap={6}>
            <Group gap="xs" wrap="nowrap" justify="space-between" align="flex-start">
              <div style={{ minWidth: 0 }}>
                <Anchor component={Link} to={entryPath(entry)} fw={600}>
                  {entry.title}
                </Anchor>
                {entry.subtitle ? (
                  <Text size="sm" c="dimmed">
                    {entry.subtitle}
                  </Text>
                ) : null}
              </div>
              <Badge variant="outline" size="sm" style={{ flexShrink: 0 }}>
                {t(`directory.kinds.${entry.kind}`)}
              </Badge>
            </Group>
            <ContactList contacts={entry.contacts} />
          </Stack>
        </Card>
      ))}
    </SimpleGrid>
  );
}
