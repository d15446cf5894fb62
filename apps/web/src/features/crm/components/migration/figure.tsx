import { Paper, Text } from '@mantine/core';

interface FigureProps {
  label: string;
  /** Shown as given (already formatted); `raw` is the number a test or script reads. */
  value: string;
  raw?: number | null;
  testId: string;
  color?: string;
}

/** One figure of the migration: a small label over a large number. */
export function Figure({ label, value, raw, testId, color }: FigureProps) {
  return (
    <Paper withBorder p="xs" radius="sm" data-testid={testId} data-value={raw ?? ''}>
      <Text size="xs" c="dimmed" lh={1.3}>
        {label}
      </Text>
      <Text fw={700} size="xl" c={color} lh={1.4}>
        {value}
      </Text>
    </Paper>
  );
}
