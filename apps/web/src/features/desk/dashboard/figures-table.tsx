import { Card, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface ChartCardProps {
  title: string;
  testId: string;
  /** The chart: a picture for the eye; the same figures follow as a table. */
  chart: ReactNode;
  columns: string[];
  rows: Array<{ key: string; cells: ReactNode[] }>;
}

/** One figure of the dashboard: its chart, and its numbers as a table under "Figures" (for screen readers too). */
export function ChartCard({ title, testId, chart, columns, rows }: ChartCardProps) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md" data-testid={testId} component="section" aria-label={title}>
      <Text fw={600} mb="sm">
        {title}
      </Text>
      {chart}
      <details style={{ marginTop: 'var(--mantine-spacing-sm)' }}>
        <summary>
          <Text span size="sm" c="dimmed">
            {t('desk.dashboard.figures')}
          </Text>
        </summary>
        <Table striped verticalSpacing={4} fz="sm" mt="xs" data-testid={`${testId}-table`}>
          <Table.Thead>
            <Table.Tr>
              {columns.map((column, index) => (
                <Table.Th key={column} scope="col" ta={index === 0 ? undefined : 'right'}>
                  {column}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.key}>
                {row.cells.map((cell, index) =>
                  index === 0 ? (
                    <Table.Th key={columns[index]} scope="row" fw={400}>
                      {cell}
                    </Table.Th>
                  ) : (
                    <Table.Td key={columns[index]} ta="right">
                      {cell}
                    </Table.Td>
                  ),
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </details>
    </Card>
  );
}
