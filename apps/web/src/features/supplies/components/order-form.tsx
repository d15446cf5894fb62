import { MAX_ORDER_LINES } from '@kontor/contracts';
import { Alert, Box, Button, CloseButton, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFieldErrors } from '../../../app/form';
import { useFormat } from '../../../app/format';
import { ProblemAlert } from '../../../app/problem-alert';
import { useCatalogIndex } from '../api/catalog-api';
import { isoDay } from '../api/dates';
import {
  addLines,
  type DraftProblems,
  draftProblems,
  draftTotals,
  hasProblems,
  MAX_ADDRESS_LENGTH,
  MAX_NOTE_LENGTH,
  type OrderDraft,
  removeLine,
  setQuantity,
} from '../api/order-draft';
import { lineErrors } from '../api/order-errors';
import { ArticlePicker } from './article-picker';
import { packText } from './pack-text';
import { lineProblemText, QuantityInput } from './quantity-input';
import '../supplies.css';

interface OrderFormProps {
  draft: OrderDraft;
  onChange: (draft: OrderDraft) => void;
  /** `order`: lines and where and when to deliver; `lines`: a change request, which changes the lines only. */
  scope: 'order' | 'lines';
  /** Called only once the draft passes the same checks the server makes. */
  onSubmit: () => void;
  submitLabel: string;
  submitTestId: string;
  submitting: boolean;
  /** The server's answer to the last submit. */
  error: unknown;
  onCancel?: () => void;
  /** A search to add articles, where the catalog is not beside the form. */
  allowAdd?: boolean;
  /** Fields after the lines, e.g. a change request's comment. */
  children?: ReactNode;
}

/** The fields this form shows a server error beside; an error about any other is shown above it. */
const FIELDS = new Set(['lines', 'deliveryAddress', 'requestedDate', 'note']);

/** The cart, an order being edited, and a change request's lines: quantities, removal, delivery, submit. */
export function OrderForm(props: OrderFormProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { draft, onChange } = props;
  // Missing fields are pointed out once the person tries to send; a wrong quantity at once, as it is typed.
  const [attempted, setAttempted] = useState(false);
  // The catalog as this node holds it: prices the lines of a placed order do not carry, and articles withdrawn
  // since they went into the draft (flagged, and the draft not sent, as the server would refuse it).
  const catalog = useCatalogIndex().data;
  const inactive = useMemo(
    () => new Set([...(catalog?.values() ?? [])].filter((article) => !article.active).map((article) => article.id)),
    [catalog],
  );
  const priced = draft.lines.map((line) => ({
    ...line,
    priceMinor: line.priceMinor ?? catalog?.get(line.articleId)?.priceMinor ?? null,
  }));
  const problems = draftProblems(draft, props.scope, inactive);
  const { fieldErrors, generalError } = useFieldErrors(props.error);
  const serverLineErrors = lineErrors(t, props.error);
  // The unit (for instance one the user no longer orders for) is not a field here, but must still be told.
  const strayErrors = Object.entries(fieldErrors).filter(([field]) => !FIELDS.has(field));
  const totals = draftTotals(priced);

  const linesText = (problem: DraftProblems['lines']) =>
    problem === 'empty'
      ? t('supplies.cart.emptyError')
      : problem === 'tooMany'
        ? t('validation.tooMany', { count: MAX_ORDER_LINES, maximum: MAX_ORDER_LINES })
        : undefined;
  const clientError = <K extends 'deliveryAddress' | 'requestedDate' | 'note'>(key: K) => {
    if (!attempted || !problems[key]) return undefined;
    if (problems[key] === 'required') return t('validation.required');
    const maximum = key === 'note' ? MAX_NOTE_LENGTH : MAX_ADDRESS_LENGTH;
    return t('validation.tooLong', { count: maximum, maximum });
  };
  const listError =
    (attempted ? linesText(problems.lines) : undefined) ??
    (Object.keys(serverLineErrors).length === 0 ? fieldErrors.lines : undefined);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (!hasProblems(problems)) props.onSubmit();
  };
  const set = <K extends keyof OrderDraft>(key: K, value: OrderDraft[K]) => onChange({ ...draft, [key]: value });

  return (
    <form onSubmit={submit} noValidate data-testid="order-form">
      <Stack gap="sm">
        {generalError ? <ProblemAlert error={generalError} testId="order-form-error" /> : null}
        {strayErrors.length > 0 ? (
          <Alert color="red" variant="light" role="alert" data-testid="order-form-error">
            {strayErrors.map(([field, message]) => (
              <div key={field}>{message}</div>
            ))}
          </Alert>
        ) : null}
        {draft.lines.length === 0 ? (
          <Text c="dimmed" size="sm" data-testid="draft-empty">
            {t('supplies.cart.empty')}
          </Text>
        ) : (
          <Box component="ul" className="supplies-plain-list" aria-label={t('supplies.cart.lines')}>
            {priced.map((line, index) => {
              const problem = problems.byArticle[line.articleId];
              const message = problem ? lineProblemText(t, problem) : serverLineErrors[index];
              return (
                <li key={line.articleId} data-testid="draft-line" data-article-number={line.articleNumber}>
                  <Group wrap="nowrap" align="flex-start" gap="xs">
                    <div style={{ flex: 1, minWidth: 0 }}>
                      <Text size="sm" fw={500} lineClamp={2}>
                        {line.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {line.articleNumber} · {packText(t, line)}
                        {line.priceMinor !== null ? ` · ${format.sek(line.priceMinor)}` : ''}
                      </Text>
                    </div>
                    <QuantityInput
                      w={84}
                      size="xs"
                      value={line.quantity}
                      onChange={(quantity) => set('lines', setQuantity(draft.lines, line.articleId, quantity))}
                      error={Boolean(message)}
                      aria-label={t('supplies.cart.quantityOf', { name: line.name })}
                      data-testid="draft-line-quantity"
                    />
                    <CloseButton
                      mt={4}
                      aria-label={t('supplies.cart.remove', { name: line.name })}
                      onClick={() => set('lines', removeLine(draft.lines, line.articleId))}
                      data-testid="draft-line-remove"
                    />
                  </Group>
                  {message ? (
                    <Text size="xs" c="red" role="alert" data-testid="draft-line-error">
                      {message}
                    </Text>
                  ) : null}
                </li>
              );
            })}
          </Box>
        )}
        {listError ? (
          <Alert color="red" variant="light" p="xs" role="alert" data-testid="draft-lines-error">
            {listError}
          </Alert>
        ) : null}
        {draft.lines.length > 0 ? (
          <Text size="sm" ta="right" data-testid="draft-total">
            {t('supplies.cart.total', { amount: format.sek(totals.priceMinor) })}
            {totals.unpriced > 0 ? ` ${t('supplies.cart.unpriced', { count: totals.unpriced })}` : ''}
          </Text>
        ) : null}
        {props.allowAdd ? <ArticlePicker onPick={(line) => set('lines', addLines(draft.lines, [line]))} /> : null}
        {props.scope === 'order' ? (
          <>
            <Textarea
              label={t('supplies.fields.deliveryAddress')}
              value={draft.deliveryAddress}
              onChange={(event) => set('deliveryAddress', event.currentTarget.value)}
              error={clientError('deliveryAddress') ?? fieldErrors.deliveryAddress}
              autosize
              minRows={1}
              withAsterisk
              data-testid="order-form-address"
            />
            <TextInput
              type="date"
              label={t('supplies.fields.requestedDate')}
              value={draft.requestedDate}
              min={isoDay(new Date())}
              onChange={(event) => set('requestedDate', event.currentTarget.value)}
              error={clientError('requestedDate') ?? fieldErrors.requestedDate}
              withAsterisk
              data-testid="order-form-date"
            />
            <Textarea
              label={t('supplies.fields.note')}
              value={draft.note}
              onChange={(event) => set('note', event.currentTarget.value)}
              error={clientError('note') ?? fieldErrors.note}
              autosize
              minRows={1}
              data-testid="order-form-note"
            />
          </>
        ) : null}
        {props.children}
        <Group justify="flex-end" gap="xs">
          {props.onCancel ? (
            <Button variant="default" onClick={props.onCancel}>
              {t('common.cancel')}
            </Button>
          ) : null}
          <Button type="submit" loading={props.submitting} data-testid={props.submitTestId}>
            {props.submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
