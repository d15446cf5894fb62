import { Anchor, Badge, Breadcrumbs, Button, Card, Grid, Group, Stack, Switch, Text, Title } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageLoader } from '../../../app/guards';
import { ProblemAlert } from '../../../app/problem-alert';
import { useDirectoryEditing } from '../api/can-edit';
import { useDirectoryLive, useUnit } from '../api/directory-api';
import { ContactList } from '../components/contact-list';
import { EditButtons } from '../components/edit-buttons';
import { FavouriteButton } from '../components/favourite-button';
import { NoticeList } from '../components/notice-list';
import { PrintFrame } from '../components/print-frame';
import { useUnitEditor } from '../components/unit-editor';

function Section({ title, action, children }: { title: string; action?: ReactNode; children: ReactNode }) {
  return (
    <section className="directory-section">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          {title}
        </Title>
        {action}
      </Group>
      {children}
    </section>
  );
}

/** A unit's contact sheet: how to reach it, its functions and people, its crisis instructions and bulletins. */
export function UnitPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  useDirectoryLive();
  const unit = useUnit(id);
  const { canEdit } = useDirectoryEditing();
  // Editors read the sheet as everyone does until they choose to change it.
  const [editMode, setEditMode] = useState(false);
  const editing = canEdit && editMode;
  const { actions, dialogs } = useUnitEditor(unit.data);
  if (unit.isPending) return <PageLoader />;
  if (unit.error) return <ProblemAlert error={unit.error} />;
  const data = unit.data;
  const add = (label: string, onClick: () => void, testId: string) =>
    editing ? (
      <Button
        size="compact-xs"
        variant="subtle"
        onClick={onClick}
        data-print="hide"
        data-testid={testId}
        style={{ alignSelf: 'flex-start' }}
      >
        {label}
      </Button>
    ) : null;
  const contactActions = (owner: Parameters<typeof actions.newContact>[0]) =>
    editing
      ? (contact: Parameters<typeof actions.editContact>[1]) => (
          <EditButtons
            name={contact.value}
            onEdit={() => actions.editContact(owner, contact)}
            onDelete={() => actions.remove({ kind: 'contacts', id: contact.id, name: contact.value })}
          />
        )
      : undefined;

  return (
    <PrintFrame>
      <Stack gap="lg" data-testid="unit-page">
        <div>
          <Breadcrumbs separator="›" mb="xs" data-print="hide">
            <Anchor component={Link} to="/directory" size="sm">
              {t('directory.title')}
            </Anchor>
            {data.path.map((ancestor) => (
              <Anchor key={ancestor.id} component={Link} to={`/directory/units/${ancestor.id}`} size="sm">
                {ancestor.name}
              </Anchor>
            ))}
          </Breadcrumbs>
          <Group justify="space-between" align="flex-start" gap="sm">
            <div>
              <Group gap="xs">
                <Title order={1} size="h2" data-testid="unit-name">
                  {data.name}
                </Title>
                <FavouriteButton kind="unit" id={data.id} name={data.name} />
              </Group>
              <Group gap="xs" mt={4}>
                <Badge variant="light">{t(`directory.unitKinds.${data.kind}`)}</Badge>
                <Text size="sm" c="dimmed">
                  {data.path.map((ancestor) => ancestor.name).join(' › ')}
                </Text>
              </Group>
            </div>
            <Group gap="xs" data-print="hide">
              {canEdit ? (
                <Switch
                  label={t('directory.edit.mode')}
                  checked={editMode}
                  onChange={(event) => setEditMode(event.currentTarget.checked)}
                  data-testid="unit-edit-mode"
                />
              ) : null}
              <Button onClick={() => window.print()} data-testid="unit-print">
                {t('directory.print.button')}
              </Button>
              {editing ? (
                <EditButtons
                  name={data.name}
                  onEdit={actions.editUnit}
                  onDelete={() => actions.remove({ kind: 'units', id: data.id, name: data.name })}
                />
              ) : null}
            </Group>
          </Group>
          {data.description ? <Text mt="sm">{data.description}</Text> : null}
        </div>

        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Stack gap="lg">
              <Section
                title={t('directory.unit.contacts')}
                action={add(
                  t('directory.edit.newContact'),
                  () => actions.newContact({ unitId: data.id }),
                  'unit-new-contact',
                )}
              >
                <Card withBorder padding="sm">
                  <ContactList
                    contacts={data.contacts}
                    emptyText={t('directory.unit.noContacts')}
                    actions={contactActions({ unitId: data.id })}
                  />
                </Card>
              </Section>
              <Section
                title={t('directory.unit.functions')}
                action={add(t('directory.edit.newFunction'), actions.newFunction, 'unit-new-function')}
              >
                <Stack gap="sm">
                  {data.functions.map((fn) => (
                    <Card key={fn.id} withBorder padding="sm" className="directory-section" data-testid="unit-function">
                      <Group justify="space-between" align="flex-start" wrap="nowrap" mb={6}>
                        <div>
                          <Text fw={600}>{fn.name}</Text>
                          <Text size="sm" c="dimmed">
                            {fn.holder ? (
                              <Anchor component={Link} to={`/directory/people/${fn.holder.id}`} size="sm">
                                {fn.holder.name}
                              </Anchor>
                            ) : (
                              t('directory.unit.vacant')
                            )}
                          </Text>
                        </div>
                        <Group gap={4} wrap="nowrap">
                          <FavouriteButton kind="function" id={fn.id} name={`${fn.name}, ${data.name}`} />
                          {editing ? (
                            <EditButtons
                              name={fn.name}
                              onEdit={() => actions.editFunction(fn)}
                              onDelete={() => actions.remove({ kind: 'functions', id: fn.id, name: fn.name })}
                            />
                          ) : null}
                        </Group>
                      </Group>
                      <ContactList contacts={fn.contacts} actions={contactActions({ functionId: fn.id })} />
                      {add(
                        t('directory.edit.newContact'),
                        () => actions.newContact({ functionId: fn.id }),
                        'function-new-contact',
                      )}
                    </Card>
                  ))}
                </Stack>
              </Section>
              <Section
                title={t('directory.unit.notices')}
                action={add(t('directory.edit.newNotice'), actions.newNotice, 'unit-new-notice')}
              >
                <NoticeList
                  notices={data.notices}
                  actions={
                    editing
                      ? (notice) => (
                          <EditButtons
                            name={notice.title}
                            onEdit={() => actions.editNotice(notice)}
                            onDelete={() => actions.remove({ kind: 'notices', id: notice.id, name: notice.title })}
                          />
                        )
                      : undefined
                  }
                />
              </Section>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Stack gap="lg">
              {data.children.length > 0 || editing ? (
                <Section
                  title={t('directory.unit.subunits')}
                  action={add(t('directory.edit.newUnit'), actions.newChildUnit, 'unit-new-child')}
                >
                  <Stack gap={4}>
                    {data.children.map((child) => (
                      <Anchor key={child.id} component={Link} to={`/directory/units/${child.id}`}>
                        {child.name}
                      </Anchor>
                    ))}
                  </Stack>
                </Section>
              ) : null}
              <Section
                title={t('directory.unit.people')}
                action={add(t('directory.edit.newPerson'), actions.newPerson, 'unit-new-person')}
              >
                <Stack gap="sm">
                  {data.people.map((person) => {
                    const name = `${person.givenName} ${person.familyName}`;
                    return (
                      <Card
                        key={person.id}
                        withBorder
                        padding="sm"
                        className="directory-section"
                        data-testid="unit-person"
                      >
                        <Group justify="space-between" align="flex-start" wrap="nowrap" mb={6}>
                          <div>
                            <Anchor component={Link} to={`/directory/people/${person.id}`} fw={600}>
                              {person.familyName}, {person.givenName}
                            </Anchor>
                            <Text size="sm" c="dimmed">
                              {person.title}
                            </Text>
                          </div>
                          {editing ? (
                            <EditButtons
                              name={name}
                              onEdit={() => actions.editPerson(person)}
                              onDelete={() => actions.remove({ kind: 'people', id: person.id, name })}
                            />
                          ) : null}
                        </Group>
                        <ContactList contacts={person.contacts} actions={contactActions({ personId: person.id })} />
                        {add(
                          t('directory.edit.newContact'),
                          () => actions.newContact({ personId: person.id }),
                          'person-new-contact',
                        )}
                      </Card>
                    );
                  })}
                </Stack>
              </Section>
            </Stack>
          </Grid.Col>
        </Grid>
        {dialogs}
      </Stack>
    </PrintFrame>
  );
}
