import { Alert, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../../../app/problem-text';
import { problemPaths } from '../api/problem-paths';
import type { SaveRun, StepOutcome } from '../api/run-save';
import type { SaveStep } from '../api/save-plan';
import { useErrorText } from './use-error-text';

/** What one request of a save was about, in words: "Prices in SEK of PROP-13". */
function useStepName() {
  const { t } = useTranslation();
  return (step: SaveStep, listName: (id: string) => string) => {
    const sku = 'sku' in step ? step.sku || t('catalogAdmin.save.newVariant') : '';
    switch (step.kind) {
      case 'createProduct':
        return t('catalogAdmin.save.step.createProduct');
      case 'updateProduct':
        return t('catalogAdmin.save.step.updateProduct');
      case 'createVariant':
        return t('catalogAdmin.save.step.createVariant', { sku });
      case 'updateVariant':
        return t('catalogAdmin.save.step.updateVariant', { sku });
      case 'removeVariant':
        return t('catalogAdmin.save.step.removeVariant', { sku });
      case 'fitments':
        return t('catalogAdmin.save.step.fitments', { sku });
      case 'stock':
        return t('catalogAdmin.save.step.stock', { sku });
      case 'prices':
        return t('catalogAdmin.save.step.prices', { sku, currency: step.currency, list: listName(step.listId) });
    }
  };
}

interface SaveSummaryProps {
  run: SaveRun | null;
  /** Amounts and the like the page could not read: nothing was sent. */
  invalidCount: number;
  listName: (id: string) => string;
}

/** After a save: what was saved, and each request that failed with why and where its fields are marked. */
export function SaveSummary({ run, invalidCount, listName }: SaveSummaryProps) {
  const { t } = useTranslation();
  const stepName = useStepName();
  const errorText = useErrorText();
  if (invalidCount > 0)
    return (
      <Alert color="red" variant="light" role="alert" title={t('catalogAdmin.save.notSent')} data-testid="save-summary">
        {t('catalogAdmin.save.invalidFields', { count: invalidCount })}
      </Alert>
    );
  if (!run) return null;
  const failed = run.outcomes.filter((outcome) => outcome.status === 'failed');
  const skipped = run.outcomes.filter((outcome) => outcome.status === 'skipped');
  const saved = run.outcomes.filter((outcome) => outcome.status === 'saved');
  if (run.outcomes.length === 0)
    return (
      <Alert color="gray" variant="light" data-testid="save-summary" data-result="nothing">
        {t('catalogAdmin.save.nothing')}
      </Alert>
    );
  if (failed.length === 0)
    return (
      <Alert color="green" variant="light" role="status" data-testid="save-summary" data-result="saved">
        {t('catalogAdmin.save.saved', { count: saved.length })}
      </Alert>
    );
  const why = (outcome: StepOutcome) => {
    const fields = Object.values(problemPaths(outcome.error));
    if (fields.length > 0) return fields.map((error) => errorText.word(error)).join('; ');
    const { title, detail } = problemText(t, outcome.error);
    return detail ? `${title}: ${detail}` : title;
  };
  return (
    <Alert
      color="red"
      variant="light"
      role="alert"
      title={t('catalogAdmin.save.failedTitle', { count: failed.length })}
      data-testid="save-summary"
      data-result="failed"
    >
      {saved.length > 0 ? (
        <Text size="sm" mb="xs">
          {t('catalogAdmin.save.partlySaved', { count: saved.length })}
        </Text>
      ) : null}
      <List size="sm" spacing={2}>
        {failed.map((outcome, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the outcomes of one save, in the order they were sent
          <List.Item key={index} data-testid="save-failure">
            <strong>{stepName(outcome.step, listName)}</strong>: {why(outcome)}
          </List.Item>
        ))}
      </List>
      {skipped.length > 0 ? (
        <Text size="sm" mt="xs">
          {t('catalogAdmin.save.skipped', {
            count: skipped.length,
            steps: skipped.map((outcome) => stepName(outcome.step, listName)).join(', '),
          })}
        </Text>
      ) : null}
    </Alert>
  );
}
