import type { OrderLine } from '@kontor/contracts';
import { Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../app/data-table';
import { useFormat } from '../../../app/format';
import { packText } from './pack-text';

interface OrderLinesTableProps {
  lines: OrderLine[];
  testId?: string;
  /**
   * How the article number shows: the printed order has a barcode the supply room scans. Passed in, so the
   * barcode library loads with the print view only.
   */
  articleNumber?: (line: OrderLine) => ReactNode;
}

/** The lines of an order as placed: article number, name, pack and quantity. */
export function OrderLinesTable({ lines, testId = 'order-lines', articleNumber }: OrderLinesTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <DataTable
      testId={testId}
      minWidth={articleNumber ? 600 : 340}
      loading={false}
      error={null}
      striped={!articleNumber}
      columns={[
        t('supplies.fields.articleNumber'),
        t('supplies.fields.article'),
        { label: t('supplies.fields.quantity'), width: 90 },
      ]}
    >
      {lines.map((line) => (
        <Table.Tr key={line.articleId} data-testid="order-line">
          <Table.Td>
            {articleNumber ? (
              articleNumber(line)
            ) : (
              <Text size="sm" ff="monospace">
                {line.articleNumber}
              </Text>
            )}
          </Table.Td>
          <Table.Td>
            <Text size="sm" fw={500}>
              {line.name}
            </Text>
            <Text size="xs" c="dimmed">
              {packText(t, line)}
            </Text>
          </Table.Td>
          <Table.Td ta="right">
            <Text size="sm" fw={600} data-testid="order-line-quantity">
              {format.number(line.quantity)} {line.unit}
            </Text>
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}
