import { Button, Group, Switch, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../app/problem-alert';
import { useAddComment } from '../api/desk-api';

/** A reply to the requester or, for agents, an internal note the requester never sees. */
export function CommentBox({ incidentId, agent }: { incidentId: string; agent: boolean }) {
  const { t } = useTranslation();
  const add = useAddComment(incidentId);
  const [body, setBody] = useState('');
  const [internal, setInternal] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) return;
    add.mutate({ body, internal: agent && internal }, { onSuccess: () => setBody('') });
  };
  return (
    <form onSubmit={submit} data-testid="comment-form">
      <ProblemAlert error={add.error} />
      <Textarea
        label={agent && internal ? t('desk.comment.noteLabel') : t('desk.comment.replyLabel')}
        autosize
        minRows={3}
        maxRows={10}
        maxLength={20_000}
        value={body}
        onChange={(event) => setBody(event.currentTarget.value)}
        data-testid="comment-body"
        styles={agent && internal ? { input: { background: 'var(--mantine-color-yellow-0)' } } : undefined}
      />
      <Group justify="space-between" mt="xs">
        {agent ? (
          <Switch
            label={t('desk.comment.internal')}
            checked={internal}
            onChange={(event) => setInternal(event.currentTarget.checked)}
            data-testid="comment-internal"
            color="yellow"
          />
        ) : (
          <span />
        )}
        <Button type="submit" loading={add.isPending} disabled={!body.trim()} data-testid="comment-submit">
          {agent && internal ? t('desk.comment.addNote') : t('desk.comment.send')}
        </Button>
      </Group>
    </form>
  );
}
