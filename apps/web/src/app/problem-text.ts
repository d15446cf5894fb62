import type { ParseKeys, TFunction } from 'i18next';
import { ApiError, type FieldError } from './api-client';

/**
 * The problem codes this front end words itself; the same key serves a whole problem and a single field.
 * Any other code is shown with the server's own (English) detail under a heading chosen by its status.
 */
const codeKeys: Record<string, ParseKeys> = {
  'identity.invalid_credentials': 'errors.invalidCredentials',
  'identity.account_locked': 'errors.accountLocked',
  'identity.account_disabled': 'errors.accountDisabled',
  'identity.invalid_token': 'errors.invalidToken',
  'identity.username_taken': 'errors.usernameTaken',
  'identity.role_name_taken': 'errors.roleNameTaken',
  'identity.role_in_use': 'errors.roleInUse',
  'identity.system_role': 'errors.systemRole',
  'identity.unknown_role': 'errors.unknownRole',
  'identity.unknown_permission': 'errors.unknownPermission',
  'identity.permission_not_held': 'errors.permissionNotHeld',
  'identity.cannot_disable_self': 'errors.cannotDisableSelf',
  'directory.unit_not_empty': 'directory.errors.unitNotEmpty',
  'directory.invalid_reference': 'directory.errors.invalidReference',
  'supplies.invalid_order': 'errors.validation',
  'supplies.still_editable': 'supplies.errors.stillEditable',
  'supplies.order_closed': 'supplies.errors.orderClosed',
  'supplies.reason_required': 'supplies.errors.reasonRequired',
  'supplies.status_order': 'supplies.errors.statusOrder',
  'supplies.already_decided': 'supplies.errors.alreadyDecided',
  'supplies.not_here': 'supplies.errors.notHere',
  'supplies.received': 'supplies.errors.received',
  'supplies.hub_only': 'supplies.errors.hubOnly',
  'supplies.unknown_category': 'supplies.errors.unknownCategory',
  'supplies.article_number_taken': 'supplies.errors.articleNumberTaken',
  'supplies.webhook_delivery_not_dead': 'supplies.webhooks.errors.notDead',
  // Field codes of an order's checks (supplies/order-rules.ts on the server).
  inactive_article: 'supplies.article.inactiveHint',
  unknown_article: 'supplies.errors.unknownArticle',
  duplicate_article: 'supplies.errors.duplicateArticle',
  unknown_unit: 'supplies.errors.unknownUnit',
  not_member: 'supplies.errors.notMember',
  date_past: 'supplies.errors.datePast',
  invalid_date: 'supplies.errors.invalidDate',
  'desk.bad_transition': 'desk.errors.badTransition',
  'desk.hub_only': 'desk.errors.hubOnly',
  'desk.unknown_category': 'desk.errors.unknownCategory',
  'desk.unknown_assignee': 'desk.errors.unknownAssignee',
  'desk.agent_only': 'desk.errors.agentOnly',
  'desk.attachment_too_large': 'desk.errors.attachmentTooLarge',
  'desk.attachment_empty': 'desk.errors.attachmentEmpty',
  'desk.attachment_bad_name': 'desk.errors.attachmentBadName',
  'desk.default_board': 'desk.errors.defaultBoard',
  'desk.filter_not_owner': 'desk.errors.filterNotOwner',
  'desk.incident_in_problem': 'desk.errors.incidentInProblem',
  'desk.not_an_agent': 'desk.errors.notAnAgent',
  'desk.not_group_member': 'desk.errors.notGroupMember',
  'desk.problem_closed': 'desk.errors.problemClosed',
  'desk.problem_export_not_configured': 'desk.errors.exportNotConfigured',
  'desk.unknown_filter': 'desk.errors.unknownFilter',
  'desk.unknown_group': 'desk.errors.unknownGroup',
  'desk.unknown_incident': 'desk.errors.unknownIncident',
  'desk.name_taken': 'desk.errors.nameTaken',
  'desk.unknown_calendar': 'desk.errors.unknownCalendar',
  'desk.unknown_time_zone': 'desk.errors.unknownTimeZone',
  'identity.local_login_disabled': 'errors.localLoginDisabled',
  'identity.oidc_username_taken': 'errors.ssoUsernameTaken',
  'identity.oidc_failed': 'errors.ssoFailed',
  'visitors.card_taken': 'visitors.errors.cardTaken',
  'visitors.card_unavailable': 'visitors.errors.cardUnavailable',
  'visitors.no_waiting_guest': 'visitors.errors.noWaitingGuest',
  'visitors.entry_not_waiting': 'visitors.errors.entryChanged',
  'visitors.entry_not_active': 'visitors.errors.entryChanged',
  'visitors.anonymised': 'visitors.errors.anonymised',
  'visitors.hub_only': 'visitors.errors.hubOnly',
  'visitors.kiosk_required': 'visitors.errors.kioskRequired',
  'visitors.kiosk_unknown': 'visitors.errors.kioskUnknown',
  'visitors.unknown_card': 'visitors.errors.unknownCard',
  'visitors.card_outside_types': 'visitors.errors.cardOutsideTypes',
  'visitors.invitation_invalid': 'visitors.errors.invitationInvalid',
  'visitors.unknown_host': 'visitors.errors.unknownHost',
  'visitors.card_types_invalid': 'visitors.errors.cardTypesInvalid',
  'visitors.card_range_invalid': 'visitors.errors.rangeInvalid',
  'visitors.report_range_invalid': 'visitors.errors.rangeInvalid',
  // Field codes of the visitors module's checks (the field names what is wrong; the words are the same).
  unknown_card: 'visitors.errors.unknownCard',
  unknown_host: 'visitors.errors.unknownHost',
  invitation_invalid: 'visitors.errors.invitationInvalid',
  card_outside_types: 'visitors.errors.cardOutsideTypes',
  card_range_invalid: 'visitors.errors.rangeInvalid',
  report_range_invalid: 'visitors.errors.rangeInvalid',
  'sync.not_hub': 'errors.syncNotHub',
  'sync.read_only': 'errors.syncReadOnly',
  'sync.invalid_enrollment': 'errors.syncInvalidEnrollment',
  'sync.already_enrolled': 'errors.syncAlreadyEnrolled',
  'sync.already_hub': 'errors.syncAlreadyHub',
  'sync.not_enrolled': 'errors.syncNotEnrolled',
  'sync.is_hub': 'errors.syncIsHub',
  'sync.first_run_remote': 'errors.syncFirstRunRemote',
  'sync.enrollment_refused': 'errors.syncEnrollmentRefused',
  'sync.hub_unreachable': 'errors.syncHubUnreachable',
  csrf_token_invalid: 'errors.csrf',
  validation_failed: 'errors.validation',
  rate_limited: 'errors.rateLimited',
  unauthenticated: 'errors.unauthenticated',
  not_found: 'errors.notFound',
  route_not_found: 'errors.notFound',
  body_too_large: 'errors.bodyTooLarge',
  network: 'errors.network',
  internal: 'errors.server',
};

/** Codes whose detail is another node's own words (why the hub refused, why it could not be reached): kept. */
const codesWithDetail = new Set(['sync.enrollment_refused', 'sync.hub_unreachable']);

function statusTitle(t: TFunction, status: number): string {
  switch (status) {
    case 401:
      return t('errors.unauthenticated');
    case 403:
      return t('errors.forbidden');
    case 404:
      return t('errors.notFound');
    case 409:
      return t('errors.conflict');
    case 429:
      return t('errors.rateLimited');
  }
  return status >= 500 ? t('errors.server') : t('errors.generic');
}

/** The translated message for a problem code this front end knows, else undefined. */
export function codeMessage(t: TFunction, code: string | undefined): string | undefined {
  const key = code ? codeKeys[code] : undefined;
  return key ? t(key) : undefined;
}

/**
 * What to say about an error: a known code in the user's language and nothing more (unless its detail quotes
 * another node); otherwise a heading chosen by the status and the server's detail under it.
 */
export function problemText(t: TFunction, error: unknown): { title: string; detail: string | null } {
  if (!(error instanceof ApiError)) {
    return { title: t('errors.generic'), detail: error instanceof Error ? error.message : String(error) };
  }
  const known = codeMessage(t, error.code);
  if (known) return { title: known, detail: codesWithDetail.has(error.code) ? error.problem.detail || null : null };
  return { title: statusTitle(t, error.status), detail: error.problem.detail || null };
}

/** How a form field holds its value, which decides how a too small or too big value is worded. */
export type FieldKind = 'text' | 'email' | 'number' | 'list';

/** One field error in the user's language; the server's English message only for codes not known here. */
export function fieldErrorText(t: TFunction, error: FieldError, kind: FieldKind = 'text'): string {
  const { minimum, maximum } = error;
  switch (error.code) {
    case 'too_small':
      if (minimum === undefined) return t('validation.invalid');
      if (kind === 'number') return t('validation.numberTooSmall', { minimum });
      if (kind === 'list') return t('validation.tooFew', { count: minimum, minimum });
      return minimum <= 1 ? t('validation.required') : t('validation.tooShort', { count: minimum, minimum });
    case 'too_big':
      if (maximum === undefined) return t('validation.invalid');
      if (kind === 'number') return t('validation.numberTooBig', { maximum });
      if (kind === 'list') return t('validation.tooMany', { count: maximum, maximum });
      return t('validation.tooLong', { count: maximum, maximum });
    case 'invalid_type':
      return t('validation.invalidType');
    case 'invalid_format':
      return kind === 'email' ? t('validation.email') : t('validation.invalidFormat');
    case 'invalid_value':
      return t('validation.invalidValue');
    case 'unrecognized_keys':
      return t('validation.unknownField');
  }
  return codeMessage(t, error.code) ?? error.message;
}
