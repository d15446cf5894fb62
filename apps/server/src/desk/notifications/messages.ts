import type { NotificationEvent } from '@kontor/contracts';

type Locale = 'en' | 'sv' | 'pl' | 'ru';
interface Texts {
  events: Record<NotificationEvent, string>;
  open: string;
  settings: string;
}

/** The e-mail's words in the recipient's language (the web's are in its i18n files, subtree desk.notifications). */
const TEXTS: Record<Locale, Texts> = {
  en: {
    events: {
      assigned: 'Assigned to you',
      requester_reply: 'The requester replied',
      group_incident: 'New incident in your group',
      unassigned_incident: 'New unassigned incident',
      sla_warning: 'SLA about to be breached',
      sla_breach: 'SLA breached',
      agent_reply: 'New reply on your incident',
      resolved: 'Your incident is resolved',
    },
    open: 'Open the incident',
    settings: 'Choose which notifications you get',
  },
  sv: {
    events: {
      assigned: 'Tilldelat dig',
      requester_reply: 'Anmälaren har svarat',
      group_incident: 'Nytt ärende i din grupp',
      unassigned_incident: 'Nytt otilldelat ärende',
      sla_warning: 'SLA håller på att överskridas',
      sla_breach: 'SLA överskriden',
      agent_reply: 'Nytt svar på ditt ärende',
      resolved: 'Ditt ärende är löst',
    },
    open: 'Öppna ärendet',
    settings: 'Välj vilka aviseringar du får',
  },
  pl: {
    events: {
      assigned: 'Przypisano do Ciebie',
      requester_reply: 'Zgłaszający odpowiedział',
      group_incident: 'Nowe zgłoszenie w Twojej grupie',
      unassigned_incident: 'Nowe nieprzypisane zgłoszenie',
      sla_warning: 'SLA wkrótce zostanie przekroczone',
      sla_breach: 'SLA przekroczone',
      agent_reply: 'Nowa odpowiedź w Twoim zgłoszeniu',
      resolved: 'Twoje zgłoszenie zostało rozwiązane',
    },
    open: 'Otwórz zgłoszenie',
    settings: 'Wybierz, jakie powiadomienia otrzymujesz',
  },
  ru: {
    events: {
      assigned: 'Назначено вам',
      requester_reply: 'Заявитель ответил',
      group_incident: 'Новое обращение в вашей группе',
      unassigned_incident: 'Новое неназначенное обращение',
      sla_warning: 'SLA скоро будет нарушен',
      sla_breach: 'SLA нарушен',
      agent_reply: 'Новый ответ по вашему обращению',
      resolved: 'Ваше обращение решено',
    },
    open: 'Открыть обращение',
    settings: 'Выбрать, какие уведомления получать',
  },
};

const localeOf = (locale: string | null): Locale => (locale && locale in TEXTS ? (locale as Locale) : 'en');

/** The notification as an e-mail: subject "[INC-000123] Assigned to you: title", the excerpt, two links. */
export function notificationMail(input: {
  event: NotificationEvent;
  locale: string | null;
  reference: string;
  title: string;
  actorName: string | null;
  excerpt: string | null;
  incidentUrl: string;
  settingsUrl: string;
}) {
  const texts = TEXTS[localeOf(input.locale)];
  const headline = texts.events[input.event];
  const quoted = input.excerpt ? `${input.actorName ? `${input.actorName}:\n` : ''}${input.excerpt}\n\n` : '';
  return {
    subject: `[${input.reference}] ${headline}: ${input.title}`,
    text: `${headline}: ${input.reference} ${input.title}\n\n${quoted}${texts.open}: ${input.incidentUrl}\n\n${texts.settings}: ${input.settingsUrl}\n`,
  };
}
