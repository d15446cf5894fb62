import type { ContactPoint } from '@kontor/contracts';
import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A link that dials or writes, where the device can; the text as it is otherwise. */
function ContactValue({ contact }: { contact: ContactPoint }) {
  if (contact.kind === 'phone' || contact.kind === 'mobile' || contact.kind === 'satellite') {
    const dial = contact.value.replace(/[^\d+]/g, '');
    return (
      <Anchor href={`tel:${dial}`} fw={600} className="directory-number">
        {contact.value}
      </Anchor>
    );
  }
  if (contact.kind === 'email') return <Anchor href={`mailto:${contact.value}`}>{contact.value}</Anchor>;
  return (
    <Text
      span
      fw={contact.kind === 'pager' || contact.kind === 'radio' ? 600 : undefined}
      style={{ whiteSpace: 'pre-line' }}
    >
      {contact.value}
    </Text>
  );
}

interface ContactListProps {
  contacts: ContactPoint[];
  /** Shown when there are none; nothing at all when omitted. */
  emptyText?: string;
  /** Buttons to change or remove one contact point (editors on the hub). */
  actions?: (contact: ContactPoint) => ReactNode;
}

/** Contact points in the order to try them (the server sorts by priority). */
export function ContactList({ contacts, emptyText, actions }: ContactListProps) {
  const { t } = useTranslation();
  if (contacts.length === 0) {
    return emptyText ? (
      <Text size="sm" c="dimmed">
        {emptyText}
      </Text>
    ) : null;
  }
  return (
    <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }} className="directory-contacts">
      {contacts.map((contact) => (
        <Group
          key={contact.id}
          component="li"
          gap="xs"
          wrap="nowrap"
          align="flex-start"
          data-testid={`contact-${contact.kind}`}
          className={contact.kind === 'fallback' ? 'directory-fallback' : undefined}
        >
          <Badge
            variant={contact.kind === 'fallback' ? 'filled' : 'light'}
            color={contact.kind === 'fallback' ? 'orange' : 'blue'}
            size="sm"
            tt="none"
            w={118}
            style={{ flexShrink: 0 }}
          >
            {t(`directory.contactKinds.${contact.kind}`)}
          </Badge>
          <Stack gap={0} style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
            <ContactValue contact={contact} />
            {contact.label ? (
              <Text size="xs" c="dimmed">
                {contact.label}
              </Text>
            ) : null}
          </Stack>
          {actions ? actions(contact) : null}
        </Group>
      ))}
    </Stack>
  );
}
