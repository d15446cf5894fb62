import type { Problem } from '@kontor/contracts';
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from './api-client';
import en from './i18n/en.json';
import pl from './i18n/pl.json';
import ru from './i18n/ru.json';
import sv from './i18n/sv.json';
import { fieldErrorText, problemText } from './problem-text';

const translators: Record<string, TFunction> = {};

beforeAll(async () => {
  for (const [language, translation] of Object.entries({ en, sv, pl, ru })) {
    const instance = i18next.createInstance();
    await instance.init({ lng: language, resources: { [language]: { translation } }, initAsync: false });
    translators[language] = instance.t;
  }
});

function problem(overrides: Partial<Problem>): ApiError {
  return new ApiError({
    type: 'about:blank',
    title: 'Bad request',
    status: 400,
    detail: 'The server says so',
    code: 'validation_failed',
    instance: '/api/x',
    requestId: 'r1',
    ...overrides,
  });
}

describe('fieldErrorText', () => {
  it('words a too short text with its minimum and the plural the language needs', () => {
    const error = { path: 'body.password', message: 'at least 12 characters', code: 'too_small', minimum: 12 };
    expect(fieldErrorText(translators.en as TFunction, error)).toBe('At least 12 characters');
    expect(fieldErrorText(translators.sv as TFunction, error)).toBe('Minst 12 tecken');
    expect(fieldErrorText(translators.ru as TFunction, error)).toBe('Не менее 12 символов');
    expect(fieldErrorText(translators.pl as TFunction, { ...error, minimum: 2 })).toBe('Co najmniej 2 znaki');
  });

  it('calls an empty required text required, and words lists and numbers as such', () => {
    const t = translators.en as TFunction;
    expect(fieldErrorText(t, { path: 'body.name', message: 'x', code: 'too_small', minimum: 1 })).toBe('Required');
    expect(fieldErrorText(t, { path: 'body.permissions', message: 'x', code: 'too_small', minimum: 1 }, 'list')).toBe(
      'Choose at least 1 item',
    );
    expect(fieldErrorText(t, { path: 'body.days', message: 'x', code: 'too_big', maximum: 3650 }, 'number')).toBe(
      'Must be at most 3650',
    );
    expect(fieldErrorText(t, { path: 'body.email', message: 'x', code: 'invalid_format' }, 'email')).toBe(
      'Not a valid e-mail address',
    );
  });

  it("translates module codes, and falls back to the server's message for unknown ones", () => {
    const t = translators.sv as TFunction;
    expect(fieldErrorText(t, { path: 'body.disabled', message: 'x', code: 'identity.cannot_disable_self' })).toBe(
      'Du kan inte inaktivera ditt eget konto',
    );
    expect(fieldErrorText(t, { path: 'body.x', message: 'something new', code: 'billing.overdue' })).toBe(
      'something new',
    );
    expect(fieldErrorText(t, { path: 'body.x', message: 'no code at all' })).toBe('no code at all');
  });
});

describe('problemText', () => {
  it('says a known code in the language alone', () => {
    const error = problem({ status: 409, code: 'identity.role_name_taken', detail: 'A role named X exists' });
    expect(problemText(translators.pl as TFunction, error)).toEqual({
      title: 'Rola o tej nazwie już istnieje',
      detail: null,
    });
  });

  it('words the sync refusals, which any admin form on a workstation may meet', () => {
    const readOnly = problem({ status: 409, code: 'sync.read_only', detail: 'This node holds a read-only copy' });
    expect(problemText(translators.sv as TFunction, readOnly)).toEqual({
      title: 'Den här noden har en skrivskyddad kopia av dessa data; gör ändringen på navet',
      detail: null,
    });
    const enrolling = ['sync.not_hub', 'sync.invalid_enrollment', 'sync.already_enrolled'];
    const promoting = ['sync.already_hub', 'sync.not_enrolled', 'sync.is_hub'];
    for (const code of [...enrolling, ...promoting]) {
      const { title, detail } = problemText(translators.ru as TFunction, problem({ status: 409, code }));
      expect(detail, code).toBeNull();
      expect(title, code).toMatch(/[а-я]/);
    }
  });

  it('words why a workstation could not be enrolled, keeping the hub’s own words', () => {
    const hubWords =
      'http://hub:3000 refused POST /api/sync/enroll (403): The enrollment code is unknown, used or expired';
    const refused = problem({ status: 422, code: 'sync.enrollment_refused', detail: hubWords });
    expect(problemText(translators.sv as TFunction, refused)).toEqual({
      title: 'Navet nekade anslutningen',
      detail: hubWords,
    });
    const remote = problem({ status: 403, code: 'sync.first_run_remote', detail: 'From its own screen only' });
    expect(problemText(translators.en as TFunction, remote).detail).toBeNull();
  });

  it("heads an unknown code by its status and shows the server's detail", () => {
    const error = problem({ status: 403, code: 'forbidden', detail: 'This needs the permission admin.users' });
    expect(problemText(translators.en as TFunction, error)).toEqual({
      title: 'Access denied',
      detail: 'This needs the permission admin.users',
    });
  });
});

describe('ApiError.fieldErrors', () => {
  it('keys the first error of each field by the field', () => {
    const error = problem({
      errors: [
        { path: 'body.roleIds.0', message: 'a', code: 'invalid_format' },
        { path: 'body.roleIds.1', message: 'b', code: 'invalid_format' },
        { path: 'body.password', message: 'c', code: 'too_small', minimum: 12 },
      ],
    });
    expect(Object.keys(error.fieldErrors())).toEqual(['roleIds', 'password']);
    expect(error.fieldErrors().roleIds?.message).toBe('a');
  });
});
