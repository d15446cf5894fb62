import { Anchor, Breadcrumbs, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageLoader } from '../../../app/guards';
import { ProblemAlert } from '../../../app/problem-alert';
import { useDirectoryLive, usePerson } from '../api/directory-api';
import { ContactList } from '../components/contact-list';
import { FavouriteButton } from '../components/favourite-button';
import { PrintFrame } from '../components/print-frame';

/** A person: how to reach them, where they work and the functions they hold (with those functions' numbers). */
export function PersonPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  useDirectoryLive();
  const person = usePerson(id);
  if (person.isPending) return <PageLoader />;
  if (person.error) return <ProblemAlert error={person.error} />;
  const data = person.data;
  const name = `${data.givenName} ${data.familyName}`;
  return (
    <PrintFrame>
      <Stack gap="lg" data-testid="person-page">
        <div>
          <Breadcrumbs separator="›" mb="xs" data-print="hide">
            <Anchor component={Link} to="/directory" size="sm">
              {t('directory.title')}
            </Anchor>
            {data.path.map((unit) => (
              <Anchor key={unit.id} component={Link} to={`/directory/units/${unit.id}`} size="sm">
                {unit.name}
              </Anchor>
            ))}
          </Breadcrumbs>
          <Group justify="space-between" align="flex-start">
            <div>
              <Group gap="xs">
                <Title order={1} size="h2" data-testid="person-name">
                  {name}
                </Title>
                <FavouriteButton kind="person" id={data.id} name={name} />
              </Group>
              <Text c="dimmed">
                {[data.title, data.path.map((unit) => unit.name).join(' › ')].filter(Boolean).join(' · ')}
              </Text>
            </div>
            <Button onClick={() => window.print()} data-print="hide">
              {t('directory.print.button')}
            </Button>
          </Group>
        </div>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <section className="directory-section">
            <Title order={2} size="h4" mb="xs">
              {t('directory.person.contacts')}
            </Title>
            <Card withBorder padding="sm">
              <ContactList contacts={data.contacts} emptyText={t('directory.unit.noContacts')} />
            </Card>
          </section>
          <section>
            <Title order={2} size="h4" mb="xs">
              {t('directory.person.functions')}
            </Title>
            {data.functions.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('directory.person.noFunctions')}
              </Text>
            ) : (
              <Stack gap="sm">
                {data.functions.map((fn) => (
                  <Card key={fn.id} withBorder padding="sm" className="directory-section">
                    <Text fw={600}>{fn.name}</Text>
                    <Anchor component={Link} to={`/directory/units/${fn.unitId}`} size="sm" mb={6}>
                      {fn.unitName}
                    </Anchor>
                    <ContactList contacts={fn.contacts} />
                  </Card>
                ))}
              </Stack>
            )}
          </section>
        </SimpleGrid>
      </Stack>
    </PrintFrame>
  );
}
