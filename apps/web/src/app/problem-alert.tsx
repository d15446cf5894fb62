import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { problemText } from './problem-text';

interface ProblemAlertProps {
  error: unknown;
  testId?: string;
}

/** Shows an error that belongs to no single form field. Announced to screen readers as it appears. */
export function ProblemAlert({ error, testId }: ProblemAlertProps) {
  const { t } = useTranslation();
  if (!error) return null;
  const { title, detail } = problemText(t, error);
  // The server's detail is English; when it says no more than the translated title, the title suffices.
  const redundant = !detail || detail.trim().toLowerCase() === title.trim().toLowerCase();
  return (
    <Alert color="red" variant="light" title={title} role="alert" data-testid={testId}>
      {redundant ? null : detail}
    </Alert>
  );
}
