import { Alert, Badge, Group, Paper, Progress, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../app/api-client';
import { problemText } from '../../../app/problem-text';
import type { ScanResult } from '../api/types';
import { useScan } from '../api/visitors-api';
import { SCAN_LOCKOUT_MS, useBarcodeScanner } from './use-barcode-scanner';
import type { CardWords } from './use-card-words';

type Outcome = { kind: 'done'; result: ScanResult } | { kind: 'refused'; code: string; error: unknown };

/** Longer than the original's 5 s: a receptionist may be looking at the guest, not the screen. */
const OUTCOME_SHOWN_MS = 8_000;

const stateColor = { ready: 'green', paused: 'gray', locked: 'orange' } as const;

/**
 * The barcode scanner as in VIGO-Guests: scanning a card that is out releases its holder, scanning a free one
 * gives it to the guest who has waited longest. Says whether it listens and what the last scan did.
 */
export function ScannerPanel({ cards }: { cards: CardWords }) {
  const { t } = useTranslation();
  const scan = useScan();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // As the original's pop-ups, a result shows for a while and then makes room for the next one.
  useEffect(() => {
    if (!outcome) return;
    const timer = setTimeout(() => setOutcome(null), OUTCOME_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [outcome]);
  const scanner = useBarcodeScanner((code) =>
    scan.mutate(code, {
      onSuccess: (result) => setOutcome({ kind: 'done', result }),
      onError: (error) => setOutcome({ kind: 'refused', code, error }),
    }),
  );
  const stateText = {
    ready: t('visitors.scan.ready'),
    paused: t('visitors.scan.paused'),
    locked: t('visitors.scan.locked', { seconds: Math.ceil(scanner.remainingMs / 1000) }),
  }[scanner.state];

  return (
    <Paper withBorder p="sm" data-testid="scanner-panel" data-state={scanner.state}>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Group gap="xs">
          <Text fw={600}>{t('visitors.scan.title')}</Text>
          <Badge color={stateColor[scanner.state]} variant="light" tt="none" data-testid="scanner-state">
            {stateText}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed">
          {t('visitors.scan.hint')}
        </Text>
      </Group>
      <Progress
        mt="xs"
        size="xs"
        color="orange"
        value={(scanner.remainingMs / SCAN_LOCKOUT_MS) * 100}
        aria-hidden="true"
        transitionDuration={100}
      />
      <div role="status" aria-live="polite">
        {outcome ? <ScanOutcome outcome={outcome} cards={cards} /> : null}
      </div>
    </Paper>
  );
}

function ScanOutcome({ outcome, cards }: { outcome: Outcome; cards: CardWords }) {
  const { t } = useTranslation();
  if (outcome.kind === 'refused') {
    // Input the scanner could not have meant fails the schema: the server's words say what a code must be.
    const invalid = outcome.error instanceof ApiError && outcome.error.code === 'validation_failed';
    const { title, detail } = invalid
      ? {
          title: t('visitors.scan.garbage'),
          detail: (outcome.error as ApiError).problem.errors?.[0]?.message ?? null,
        }
      : problemText(t, outcome.error);
    return (
      <Alert mt="xs" color="red" variant="light" title={t('visitors.scan.refused', { code: outcome.code })}>
        <span data-testid="scan-result" data-action="refused">
          {detail ? `${title}: ${detail}` : title}
        </span>
      </Alert>
    );
  }
  const { result } = outcome;
  const card = cards.label(result.card, result.entry.cardType);
  const name = `${result.entry.firstName} ${result.entry.lastName}`.trim();
  return (
    <Alert mt="xs" color={result.action === 'assigned' ? 'blue' : 'green'} variant="light">
      <Text fw={600} size="lg" data-testid="scan-result" data-action={result.action} data-card={result.card}>
        {result.action === 'assigned'
          ? t('visitors.scan.assigned', { card, name })
          : t('visitors.scan.released', { card })}
      </Text>
    </Alert>
  );
}
