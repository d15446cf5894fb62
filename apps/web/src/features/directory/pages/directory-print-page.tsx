import type { DirectoryBook } from '@kontor/contracts';
import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '../../../app/guards';
import { ProblemAlert } from '../../../app/problem-alert';
import { useNodeInfo } from '../../auth/api/session';
import { useDirectoryBook } from '../api/directory-api';
import { buildUnitTree, flattenUnitTree } from '../api/unit-tree';
import { ContactList } from '../components/contact-list';
import { PrintFrame } from '../components/print-frame';

/** One line of numbers for a table cell: each contact point as "value (label)". */
const contactLine = (contacts: DirectoryBook['people'][number]['contacts']) =>
  contacts.map((contact) => (contact.label ? `${contact.value} (${contact.label})` : contact.value)).join(' · ');

/** The whole directory as one document, unit by unit in tree order, for printing or saving as PDF. */
export function DirectoryPrintPage() {
  const { t } = useTranslation();
  const book = useDirectoryBook();
  const organisation = useNodeInfo().data?.organisation ?? '';
  const units = useMemo(() => flattenUnitTree(buildUnitTree(book.data?.units ?? [])), [book.data]);
  if (book.isPending) return <PageLoader />;
  if (book.error) return <ProblemAlert error={book.error} />;
  const { people, functions } = book.data;

  return (
    <PrintFrame>
      <Stack gap="md" data-testid="directory-print">
        <Group justify="space-between" align="flex-start">
          <Title order={1} size="h2">
            {t('directory.print.title', { organisation })}
          </Title>
          <Button onClick={() => window.print()} data-print="hide" data-testid="directory-print-button">
            {t('directory.print.button')}
          </Button>
        </Group>
        {units.map(({ unit, depth }) => {
          const staff = people.filter((person) => person.unitId === unit.id);
          const roles = functions.filter((fn) => fn.unitId === unit.id);
          return (
            <section key={unit.id} className="directory-section" data-testid="print-unit">
              <Title order={depth === 0 ? 2 : 3} size={depth < 2 ? 'h3' : 'h4'} mt="sm">
                {unit.name}
              </Title>
              <ContactList contacts={unit.contacts} />
              {roles.length + staff.length > 0 ? (
                <Table withTableBorder withColumnBorders mt="xs" verticalSpacing={4} fz="sm">
                  <Table.Tbody>
                    {roles.map((fn) => (
                      <Table.Tr key={fn.id}>
                        <Table.Td w="35%" fw={600}>
                          {fn.name}
                          <Text size="xs" c="dimmed">
                            {fn.holder?.name ?? t('directory.unit.vacant')}
                          </Text>
                        </Table.Td>
                        <Table.Td>{contactLine(fn.contacts)}</Table.Td>
                      </Table.Tr>
                    ))}
                    {staff.map((person) => (
                      <Table.Tr key={person.id}>
                        <Table.Td w="35%">
                          {person.familyName}, {person.givenName}
                          <Text size="xs" c="dimmed">
                            {person.title}
                          </Text>
                        </Table.Td>
                        <Table.Td>{contactLine(person.contacts)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              ) : null}
            </section>
          );
        })}
      </Stack>
    </PrintFrame>
  );
}
