import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Image,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../app/confirm-modal';
import { useFieldErrors } from '../../../app/form';
import { useFormat } from '../../../app/format';
import { PageHeader } from '../../../app/page-header';
import { ProblemAlert } from '../../../app/problem-alert';
import { svgImageSource, useCreateInvitation, useMyInvitations, useWithdrawInvitation } from '../api/invitations-api';
import type { Invitation, KioskHost } from '../api/types';
import { isoDay } from '../components/admin-reports';
import { HostPicker } from '../components/host-picker';
import '../invitations.css';

interface Draft {
  firstName: string;
  lastName: string;
  company: string;
  purpose: string;
  host: KioskHost | null;
  expectedOn: string;
  guestEmail: string;
}

const emptyDraft = (): Draft => ({
  firstName: '',
  lastName: '',
  company: '',
  purpose: '',
  host: null,
  expectedOn: isoDay(new Date()),
  guestEmail: '',
});

/**
 * A host pre-registers a guest: the invitation's QR code opens the kiosk with the form filled in, on the
 * entrance tablet or the guest's own phone. Optionally e-mailed to the guest.
 */
export function InvitationsPage() {
  const { t } = useTranslation();
  const invitations = useMyInvitations();
  const withdraw = useWithdrawInvitation();
  const [printing, setPrinting] = useState<string | null>(null);
  // The QR code comes only with the answer that creates the invitation (the server keeps a hash of its token).
  const [created, setCreated] = useState<Invitation | null>(null);
  const [withdrawing, setWithdrawing] = useState<Invitation | null>(null);
  const listed = (invitations.data ?? []).filter((invitation) => invitation.id !== created?.id);

  useEffect(() => {
    if (!printing) return;
    const done = () => setPrinting(null);
    window.addEventListener('afterprint', done, { once: true });
    window.print();
    return () => window.removeEventListener('afterprint', done);
  }, [printing]);

  return (
    <div className="visitors-invitations" data-printing={printing ?? undefined}>
      <div data-print="hide">
        <PageHeader title={t('visitors.invitations.title')} />
      </div>
      <Stack gap="xl">
        <InvitationForm onCreated={setCreated} />
        {created ? (
          <section aria-labelledby="created-invitation-title">
            <Title order={2} size="h3" id="created-invitation-title" mb="sm" data-print="hide">
              {t('visitors.invitations.justCreated')}
            </Title>
            <Text size="sm" mb="sm" data-print="hide">
              {t('visitors.invitations.qrOnce')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
              <InvitationCard
                invitation={created}
                printTarget={printing === created.id}
                onPrint={() => setPrinting(created.id)}
              />
            </SimpleGrid>
          </section>
        ) : null}
        <section aria-labelledby="my-invitations-title">
          <Title order={2} size="h3" id="my-invitations-title" mb="sm" data-print="hide">
            {t('visitors.invitations.mine')}
          </Title>
          {invitations.error ? <ProblemAlert error={invitations.error} /> : null}
          {invitations.isSuccess && listed.length === 0 && !created ? (
            <Text c="dimmed">{t('visitors.invitations.empty')}</Text>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} data-testid="invitation-list">
              {listed.map((invitation) => (
                <InvitationCard
                  key={invitation.id}
                  invitation={invitation}
                  printTarget={false}
                  onWithdraw={() => {
                    withdraw.reset();
                    setWithdrawing(invitation);
                  }}
                />
              ))}
            </SimpleGrid>
          )}
        </section>
      </Stack>
      <ConfirmModal
        opened={withdrawing !== null}
        title={t('visitors.invitations.withdrawTitle')}
        confirmLabel={t('visitors.invitations.withdraw')}
        loading={withdraw.isPending}
        error={withdraw.error}
        onClose={() => setWithdrawing(null)}
        onConfirm={() => withdrawing && withdraw.mutate(withdrawing.id, { onSuccess: () => setWithdrawing(null) })}
      >
        {withdrawing
          ? t('visitors.invitations.withdrawText', { name: `${withdrawing.firstName} ${withdrawing.lastName}` })
          : null}
      </ConfirmModal>
    </div>
  );
}

function InvitationCard({
  invitation,
  printTarget,
  onPrint,
  onWithdraw,
}: {
  invitation: Invitation;
  printTarget: boolean;
  onPrint?: () => void;
  onWithdraw?: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const name = `${invitation.firstName} ${invitation.lastName}`;
  return (
    <Card
      withBorder
      padding="md"
      className="visitors-invitation"
      data-print-target={printTarget || undefined}
      data-testid="invitation"
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <div style={{ minWidth: 0 }}>
          <Text fw={700} size="lg" style={{ overflowWrap: 'anywhere', unicodeBidi: 'isolate' }}>
            {name}
          </Text>
          <Text size="sm" style={{ overflowWrap: 'anywhere', unicodeBidi: 'isolate' }}>
            {invitation.company}
          </Text>
          <Text size="sm" c="dimmed">
            {t('visitors.invitations.expected', { date: format.date(`${invitation.expectedOn}T12:00:00`) })}
          </Text>
          {invitation.hostName ? (
            <Text size="sm" c="dimmed">
              {t('visitors.entry.hostLine', { host: invitation.hostName })}
            </Text>
          ) : null}
        </div>
        {invitation.usedAt ? (
          <Badge color="green" variant="light" tt="none" data-print="hide">
            {t('visitors.invitations.used')}
          </Badge>
        ) : null}
      </Group>
      {invitation.qrSvg ? (
        <>
          <Image
            src={svgImageSource(invitation.qrSvg)}
            alt={t('visitors.invitations.qrAlt', { name })}
            mx="auto"
            my="sm"
            className="visitors-qr"
            data-testid="invitation-qr"
          />
          <Text size="sm" ta="center">
            {t('visitors.invitations.scanHint')}
          </Text>
        </>
      ) : (
        <Text size="xs" c="dimmed" mt="xs">
          {t('visitors.invitations.qrGone')}
        </Text>
      )}
      <Group justify="space-between" mt="sm" data-print="hide">
        {invitation.kioskUrl ? (
          <Anchor href={invitation.kioskUrl} target="_blank" rel="noreferrer" size="sm">
            {t('visitors.invitations.openKiosk')}
          </Anchor>
        ) : (
          <span />
        )}
        <Group gap="xs">
          {onWithdraw && !invitation.usedAt ? (
            <Button
              size="xs"
              variant="subtle"
              color="red"
              onClick={onWithdraw}
              aria-label={t('visitors.invitations.withdrawNamed', { name })}
              data-testid="invitation-withdraw"
            >
              {t('visitors.invitations.withdraw')}
            </Button>
          ) : null}
          {onPrint ? (
            <Button size="xs" variant="default" onClick={onPrint} data-testid="invitation-print">
              {t('visitors.invitations.print')}
            </Button>
          ) : null}
        </Group>
      </Group>
    </Card>
  );
}

function InvitationForm({ onCreated }: { onCreated: (invitation: Invitation) => void }) {
  const { t } = useTranslation();
  const create = useCreateInvitation();
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [generation, setGeneration] = useState(0);
  const [created, setCreated] = useState<string | null>(null);
  const { fieldErrors, generalError } = useFieldErrors(create.error, { kinds: { guestEmail: 'email' } });
  const text = (key: Exclude<keyof Draft, 'host'>) => ({
    value: draft[key],
    onChange: (event: { currentTarget: { value: string } }) => setDraft({ ...draft, [key]: event.currentTarget.value }),
    error: fieldErrors[key],
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setCreated(null);
    const email = draft.guestEmail.trim();
    create.mutate(
      {
        firstName: draft.firstName.trim(),
        lastName: draft.lastName.trim(),
        company: draft.company.trim(),
        purpose: draft.purpose.trim(),
        hostId: draft.host?.id ?? null,
        expectedOn: draft.expectedOn,
        ...(email ? { guestEmail: email } : {}),
      },
      {
        onSuccess: (invitation) => {
          setCreated(`${invitation.firstName} ${invitation.lastName}`);
          onCreated(invitation);
          setDraft(emptyDraft());
          setGeneration((previous) => previous + 1);
        },
      },
    );
  };

  return (
    <Card withBorder padding="md" data-print="hide">
      <form onSubmit={submit} noValidate aria-label={t('visitors.invitations.new')} data-testid="invitation-form">
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('visitors.invitations.new')}
          </Title>
          {generalError ? <ProblemAlert error={generalError} /> : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('visitors.fields.firstName')}
              withAsterisk
              maxLength={100}
              {...text('firstName')}
              data-testid="invitation-first-name"
            />
            <TextInput
              label={t('visitors.fields.lastName')}
              withAsterisk
              maxLength={100}
              {...text('lastName')}
              data-testid="invitation-last-name"
            />
            <TextInput
              label={t('visitors.fields.company')}
              maxLength={100}
              {...text('company')}
              data-testid="invitation-company"
            />
            <HostPicker
              key={generation}
              label={t('visitors.fields.host')}
              value={draft.host}
              onChange={(host) => setDraft({ ...draft, host })}
              error={fieldErrors.hostId}
              testId="invitation-host"
            />
            <TextInput
              type="date"
              label={t('visitors.invitations.expectedOn')}
              withAsterisk
              {...text('expectedOn')}
              data-testid="invitation-date"
            />
            <TextInput
              type="email"
              label={t('visitors.invitations.guestEmail')}
              description={t('visitors.invitations.guestEmailHint')}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              maxLength={254}
              {...text('guestEmail')}
              data-testid="invitation-email"
            />
          </SimpleGrid>
          <Textarea
            label={t('visitors.fields.purpose')}
            autosize
            minRows={2}
            maxLength={500}
            {...text('purpose')}
            data-testid="invitation-purpose"
          />
          <Group justify="space-between">
            <Text size="sm" c="green.8" role="status" data-testid="invitation-created">
              {created ? t('visitors.invitations.created', { name: created }) : ''}
            </Text>
            <Button type="submit" loading={create.isPending} data-testid="invitation-submit">
              {t('visitors.invitations.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
