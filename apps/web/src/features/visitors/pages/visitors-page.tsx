import { Anchor, Button, Card, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../app/format';
import { PageLoader } from '../../../app/guards';
import { PageHeader } from '../../../app/page-header';
import { ProblemAlert } from '../../../app/problem-alert';
import { hasPermission, useMe } from '../../auth/api/session';
import { useOverview, useVisitorsLive } from '../api/visitors-api';
import { TimelineChart } from '../components/timeline-chart';
import { useCardWords } from '../components/use-card-words';
import '../visitors.css';

interface PanelLink {
  to: string;
  label: ParseKeys;
  description: ParseKeys;
  /** Any one of these. */
  permission: string[];
  testId: string;
}

/** The original's main panel: the way to the guest, reception and admin panels. */
const panelLinks: PanelLink[] = [
  {
    to: '/kiosk',
    label: 'visitors.panel.kiosk',
    description: 'visitors.panel.kioskText',
    permission: ['visitors.reception'],
    testId: 'panel-kiosk',
  },
  {
    to: '/visitors/reception',
    label: 'visitors.reception.title',
    description: 'visitors.panel.receptionText',
    permission: ['visitors.reception'],
    testId: 'panel-reception',
  },
  {
    to: '/visitors/invitations',
    label: 'visitors.invitations.title',
    description: 'visitors.panel.invitationsText',
    permission: ['visitors.invite', 'visitors.reception'],
    testId: 'panel-invitations',
  },
  {
    to: '/visitors/admin',
    label: 'visitors.admin.title',
    description: 'visitors.panel.adminText',
    permission: ['visitors.admin'],
    testId: 'panel-admin',
  },
];

export function VisitorsPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const live = useVisitorsLive();
  const overview = useOverview();
  const format = useFormat();
  const cards = useCardWords();
  const links = panelLinks.filter((link) => link.permission.some((key) => hasPermission(me, key)));
  const data = overview.data;
  const inBuilding = data?.inBuilding.reduce((sum, row) => sum + row.count, 0) ?? 0;
  const free = data?.freeCards.reduce((sum, row) => sum + row.count, 0) ?? 0;

  return (
    <Stack gap="lg">
      <PageHeader title={t('visitors.panel.title')} live={live} />
      <Button
        component={Link}
        to="/visitors/evacuation"
        color="red"
        size="lg"
        fullWidth
        data-testid="panel-evacuation"
        style={{ maxWidth: 520 }}
      >
        {t('visitors.evacuation.open')}
      </Button>

      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        {links.map((link) => (
          <Card key={link.to} withBorder padding="md">
            <Anchor component={Link} to={link.to} fw={600} data-testid={link.testId}>
              {t(link.label)}
            </Anchor>
            <Text size="sm" c="dimmed" mt={4}>
              {t(link.description)}
            </Text>
          </Card>
        ))}
      </SimpleGrid>

      <section aria-labelledby="today-title">
        <Title order={2} size="h3" id="today-title" mb="sm">
          {t('visitors.panel.today')}
        </Title>
        {overview.error ? <ProblemAlert error={overview.error} /> : null}
        {overview.isPending ? (
          <PageLoader />
        ) : data ? (
          <Stack gap="md">
            <SimpleGrid cols={3} spacing={{ base: 'xs', sm: 'md' }}>
              <Figure
                label={t('visitors.panel.inBuilding')}
                value={format.number(inBuilding)}
                testId="in-building-count"
              />
              <Figure label={t('visitors.panel.waiting')} value={format.number(data.waiting)} testId="waiting-count" />
              <Figure label={t('visitors.panel.freeCards')} value={format.number(free)} testId="free-count" />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <Paper withBorder p="md">
                <Text fw={600} mb="xs">
                  {t('visitors.panel.inBuildingByType')}
                </Text>
                <CountTable
                  rows={data.inBuilding.map((row) => ({
                    key: row.type ?? '',
                    name: cards.typeNameOfKey(row.type),
                    count: row.count,
                  }))}
                  testId="in-building-by-type"
                />
              </Paper>
              <Paper withBorder p="md">
                <Text fw={600} mb="xs">
                  {t('visitors.panel.freeByType')}
                </Text>
                <CountTable
                  rows={data.freeCards.map((row) => ({
                    key: row.type,
                    name: cards.typeNameOfKey(row.type),
                    count: row.count,
                  }))}
                  testId="free-by-type"
                />
              </Paper>
            </SimpleGrid>
            <Paper withBorder p="md">
              <TimelineChart timeline={data.timeline} />
            </Paper>
          </Stack>
        ) : null}
      </section>
    </Stack>
  );
}

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    // The figure sits at the bottom, level with its neighbours' whatever their labels' lengths.
    <Paper
      withBorder
      p={{ base: 'xs', sm: 'md' }}
      style={{ display: 'flex', flexDirection: 'column', justifyContent: 'space-between' }}
    >
      <Text size="sm" c="dimmed" lh={1.3}>
        {label}
      </Text>
      <Text fz={{ base: 28, sm: 36 }} fw={700} lh={1.2} data-testid={testId}>
        {value}
      </Text>
    </Paper>
  );
}

function CountTable({ rows, testId }: { rows: Array<{ key: string; name: string; count: number }>; testId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (rows.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid={testId}>
        {t('visitors.panel.none')}
      </Text>
    );
  }
  return (
    <Table data-testid={testId}>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.key} data-type={row.key}>
            <Table.Td>{row.name}</Table.Td>
            <Table.Td ta="right" fw={600}>
              {format.number(row.count)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
