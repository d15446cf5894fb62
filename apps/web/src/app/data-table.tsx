import { Badge, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoader } from './guards';
import { ProblemAlert } from './problem-alert';

/** A column heading; a hidden one is read by screen readers only (a column of buttons or toggles). */
export type Column = string | { label: string; hidden?: boolean; width?: number };

interface DataTableProps {
  testId: string;
  columns: Column[];
  /** Adds a last column, for the row's buttons, with a heading for screen readers only. */
  withActions?: boolean;
  /** Below this width the table scrolls sideways instead of squeezing its columns. */
  minWidth: number;
  loading: boolean;
  error: unknown;
  /** Shown instead of an empty table body's silence, once the list has loaded. */
  empty?: { when: boolean; text: string; testId?: string };
  caption?: ReactNode;
  striped?: boolean;
  /** The rows: `Table.Tr` elements. */
  children: ReactNode;
}

/** A list page's table with its loading and error states. */
export function DataTable(props: DataTableProps) {
  const { t } = useTranslation();
  const columns: Column[] = props.withActions
    ? [...props.columns, { label: t('common.actions'), hidden: true }]
    : props.columns;
  return (
    <>
      {props.error ? <ProblemAlert error={props.error} /> : null}
      {props.loading ? (
        <PageLoader />
      ) : (
        <Table.ScrollContainer minWidth={props.minWidth} type="native" pos="relative">
          <Table data-testid={props.testId} striped={props.striped ?? true} highlightOnHover verticalSpacing="xs">
            {props.caption ? <Table.Caption>{props.caption}</Table.Caption> : null}
            <Table.Thead>
              <Table.Tr>
                {columns.map((column) =>
                  typeof column === 'string' ? (
                    <Table.Th key={column} scope="col">
                      {column}
                    </Table.Th>
                  ) : (
                    <Table.Th key={column.label} scope="col" w={column.width}>
                      {column.hidden ? <VisuallyHidden>{column.label}</VisuallyHidden> : column.label}
                    </Table.Th>
                  ),
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>{props.children}</Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {!props.loading && props.empty?.when ? (
        <Text c="dimmed" mt="md" data-testid={props.empty.testId}>
          {props.empty.text}
        </Text>
      ) : null}
    </>
  );
}

/**
 * A wrapping row of small badges: the roles of a user, the permissions of a role or token. Names and
 * permission keys keep their case rather than the capitals badges have by default.
 */
export function BadgeList({ items }: { items: Array<{ key: string; label: string }> }) {
  return (
    <Group gap={4}>
      {items.map((item) => (
        <Badge key={item.key} variant="light" size="sm" tt="none">
          {item.label}
        </Badge>
      ))}
    </Group>
  );
}
