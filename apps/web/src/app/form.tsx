import { Button, Group, Modal, type ModalProps, Stack } from '@mantine/core';
import { type ChangeEvent, type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api-client';
import { ProblemAlert } from './problem-alert';
import { codeMessage, type FieldKind, fieldErrorText } from './problem-text';

export interface FieldErrorOptions {
  /** Fields that are not plain text; a field not named here is worded as text. */
  kinds?: Record<string, FieldKind>;
  /** What to say when a field has the wrong format, e.g. the rule a username follows. */
  formatHints?: Record<string, string>;
  /** Problems that concern one field although the server names none, e.g. a username that is taken. */
  codeFields?: Record<string, string>;
}

/**
 * A failed request's field errors in the user's language, keyed by field, and the error to show above the
 * form when no field explains it.
 */
export function useFieldErrors(error: unknown, options: FieldErrorOptions = {}) {
  const { t } = useTranslation();
  const fieldErrors: Record<string, string> = {};
  if (error instanceof ApiError) {
    for (const [field, fieldError] of Object.entries(error.fieldErrors())) {
      const hint = fieldError.code === 'invalid_format' ? options.formatHints?.[field] : undefined;
      fieldErrors[field] = hint ?? fieldErrorText(t, fieldError, options.kinds?.[field]);
    }
    const field = options.codeFields?.[error.code];
    if (field && !(field in fieldErrors)) fieldErrors[field] = codeMessage(t, error.code) ?? error.message;
  }
  const generalError = error && Object.keys(fieldErrors).length === 0 ? error : null;
  return { fieldErrors, generalError };
}

type TextKeys<T> = { [K in keyof T]: T[K] extends string ? K : never }[keyof T];

/**
 * A form's values, with the request error that judged them: `text(key)` binds a text input (value, change
 * handler, translated error) and `fieldErrors.key` / `generalError` go where `text` does not reach.
 */
export function useForm<T extends Record<string, unknown>>(initial: T, error: unknown, options?: FieldErrorOptions) {
  const [values, setValues] = useState(initial);
  const { fieldErrors, generalError } = useFieldErrors(error, options);
  const set = <K extends keyof T>(key: K, value: T[K]) => setValues((previous) => ({ ...previous, [key]: value }));
  const text = (key: TextKeys<T> & string) => ({
    value: values[key] as string,
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      set(key, event.currentTarget.value as T[typeof key]),
    error: fieldErrors[key],
  });
  return { values, set, text, fieldErrors, generalError };
}

interface FormModalProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  size?: ModalProps['size'];
  /** Mounted only while the modal is open, so every opening starts with a fresh form. */
  children: ReactNode;
}

export function FormModal({ opened, onClose, title, size = 'lg', children }: FormModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} size={size}>
      {opened ? children : null}
    </Modal>
  );
}

interface ModalFormProps {
  onSubmit: () => void;
  onCancel: () => void;
  /** Shown above the fields: an error no single field explains. */
  error: unknown;
  submitLabel: string;
  submitTestId: string;
  submitting: boolean;
  children: ReactNode;
}

/** The fields of a dialog, the error above them and Cancel / submit below them. */
export function ModalForm(props: ModalFormProps) {
  const { t } = useTranslation();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSubmit();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {props.error ? <ProblemAlert error={props.error} /> : null}
        {props.children}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={props.onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" data-testid={props.submitTestId} loading={props.submitting}>
            {props.submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
