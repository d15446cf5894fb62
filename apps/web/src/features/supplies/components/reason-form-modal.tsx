import { Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal, ModalForm, useForm } from '../../../app/form';

interface ReasonFormModalProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  label: string;
  submitLabel: string;
  submitTestId: string;
  /** A cancellation or a refusal must say why; a request's comment may be left empty. */
  required?: boolean;
  onSubmit: (reason: string) => void;
  submitting: boolean;
  error: unknown;
}

/** One text, then one action: a cancellation's reason, a refusal's, a withdrawal request's comment. */
export function ReasonFormModal(props: ReasonFormModalProps) {
  return (
    <FormModal opened={props.opened} onClose={props.onClose} title={props.title} size="md">
      <ReasonForm {...props} />
    </FormModal>
  );
}

function ReasonForm(props: ReasonFormModalProps) {
  const { t } = useTranslation();
  const form = useForm({ reason: '' }, props.error);
  const [attempted, setAttempted] = useState(false);
  const reason = form.values.reason.trim();
  const missing = attempted && props.required && !reason;
  const field = form.text('reason');
  return (
    <ModalForm
      onSubmit={() => {
        setAttempted(true);
        if (!props.required || reason) props.onSubmit(reason);
      }}
      onCancel={props.onClose}
      error={form.generalError}
      submitLabel={props.submitLabel}
      submitTestId={props.submitTestId}
      submitting={props.submitting}
    >
      <Textarea
        label={props.label}
        {...field}
        // The server names the field `reason` or, for requests, `comment`.
        error={missing ? t('validation.required') : (field.error ?? form.fieldErrors.comment)}
        autosize
        minRows={2}
        withAsterisk={props.required}
        data-autofocus
        data-testid="reason-text"
      />
    </ModalForm>
  );
}
