import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { navigationItems } from '../../../app/navigation';
import { hasPermission, useMe, useNodeInfo } from '../../auth/api/session';

export function HomePage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const { data: node } = useNodeInfo();
  const links = navigationItems.filter((item) => item.permission !== null && hasPermission(me, item.permission));

  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          {t('home.welcome', { name: me?.displayName ?? '' })}
        </Title>
        {node ? (
          <Group gap="xs" mt="xs">
            <Text c="dimmed">{node.organisation}</Text>
            <Badge variant="light" color={node.role === 'server' ? 'blue' : 'teal'} data-testid="node-role">
              {node.role === 'server' ? t('home.role.server') : t('home.role.client')}
            </Badge>
            <Text c="dimmed" size="sm">
              {t('home.version', { version: node.version })}
            </Text>
          </Group>
        ) : null}
        {node ? (
          <Text mt="xs" size="sm">
            {node.role === 'server' ? t('home.roleExplained.server') : t('home.roleExplained.client')}
          </Text>
        ) : null}
      </div>

      {links.length > 0 ? (
        <section aria-labelledby="home-links-title">
          <Title order={2} size="h4" id="home-links-title" mb="sm">
            {t('home.linksTitle')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {links.map((item) => (
              <Card key={item.to} withBorder padding="md">
                <Anchor component={Link} to={item.to} fw={600}>
                  {t(item.label)}
                </Anchor>
                <Text size="sm" c="dimmed" mt={4}>
                  {t(item.description)}
                </Text>
              </Card>
            ))}
          </SimpleGrid>
        </section>
      ) : (
        <Text>{t('home.nothingYet')}</Text>
      )}
    </Stack>
  );
}
