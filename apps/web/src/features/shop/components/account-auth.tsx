import { Button, PasswordInput, Stack, Tabs, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFieldErrors } from '../../../app/form';
import { useSignIn } from '../../auth/api/session';
import { useSignup } from '../api/account-api';
import { ShopProblemAlert, shopFieldErrors } from './shop-problem';

const input = { input: { minHeight: 44 } };
/** The contract's rule (shopSignupInput): checked here too, so the customer learns it before sending. */
const MIN_PASSWORD = 12;

function SignInForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { fieldErrors, generalError } = useFieldErrors(signIn.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Sign-up keeps the e-mail address in lower case as the sign-in name.
    const username = email.includes('@') ? email.trim().toLowerCase() : email.trim();
    signIn.mutate({ username, password }, { onSuccess: onDone, onError: () => setPassword('') });
  };
  return (
    <form onSubmit={submit} noValidate data-testid="account-sign-in-form">
      <Stack gap="md">
        <ShopProblemAlert error={generalError} testId="account-sign-in-error" />
        <TextInput
          label={t('shop.account.email')}
          type="email"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={fieldErrors.username}
          withAsterisk
          data-testid="account-sign-in-email"
          styles={input}
        />
        <PasswordInput
          label={t('shop.account.password')}
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={fieldErrors.password}
          withAsterisk
          visibilityToggleButtonProps={{ 'aria-label': t('signIn.togglePassword') }}
          data-testid="account-sign-in-password"
          styles={input}
        />
        <Button type="submit" size="md" loading={signIn.isPending} data-testid="account-sign-in-submit">
          {t('shop.account.signIn')}
        </Button>
      </Stack>
    </form>
  );
}

function SignUpForm({ onDone }: { onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const signup = useSignup();
  const signIn = useSignIn();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [checked, setChecked] = useState(false);
  // An address that has an account, or cannot be a sign-in name, is the e-mail field's problem.
  const fieldErrors = shopFieldErrors(t, signup.error, { email: 'email' });
  const generalError = Object.keys(fieldErrors).length === 0 ? signup.error : null;
  const local = {
    name: checked && !name.trim() ? t('shop.validation.required') : undefined,
    email: checked && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()) ? t('shop.validation.email') : undefined,
    password:
      checked && password.length < MIN_PASSWORD ? t('shop.account.passwordRule', { count: MIN_PASSWORD }) : undefined,
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!name.trim() || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()) || password.length < MIN_PASSWORD) return;
    const language = i18n.language.slice(0, 2);
    signup.mutate(
      { name: name.trim(), email: email.trim(), password, locale: language },
      // The new account signs in at once with what was just typed.
      {
        onSuccess: (result) => signIn.mutate({ username: result.username, password }, { onSuccess: onDone }),
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate data-testid="account-sign-up-form">
      <Stack gap="md">
        <ShopProblemAlert error={generalError} testId="account-sign-up-error" />
        <ShopProblemAlert error={signIn.error} />
        <TextInput
          label={t('shop.account.name')}
          autoComplete="name"
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={local.name ?? fieldErrors.name}
          withAsterisk
          data-testid="account-sign-up-name"
          styles={input}
        />
        <TextInput
          label={t('shop.account.email')}
          type="email"
          autoComplete="email"
          autoCapitalize="none"
          spellCheck={false}
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={local.email ?? fieldErrors.email}
          withAsterisk
          data-testid="account-sign-up-email"
          styles={input}
        />
        <PasswordInput
          label={t('shop.account.password')}
          description={t('shop.account.passwordRule', { count: MIN_PASSWORD })}
          autoComplete="new-password"
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={local.password ?? fieldErrors.password}
          withAsterisk
          visibilityToggleButtonProps={{ 'aria-label': t('signIn.togglePassword') }}
          data-testid="account-sign-up-password"
          styles={input}
        />
        <Button
          type="submit"
          size="md"
          loading={signup.isPending || signIn.isPending}
          data-testid="account-sign-up-submit"
        >
          {t('shop.account.createAccount')}
        </Button>
      </Stack>
    </form>
  );
}

/** Sign in with the normal login, or create a customer account; both end signed in. */
export function AccountAuth({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <div style={{ maxWidth: 440 }}>
      <h1>{t('shop.layout.account')}</h1>
      <Tabs defaultValue="sign-in" keepMounted={false}>
        <Tabs.List grow mb="md">
          <Tabs.Tab value="sign-in" data-testid="account-tab-sign-in" mih={44}>
            {t('shop.account.signIn')}
          </Tabs.Tab>
          <Tabs.Tab value="sign-up" data-testid="account-tab-sign-up" mih={44}>
            {t('shop.account.createAccount')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="sign-in">
          <SignInForm onDone={onDone} />
        </Tabs.Panel>
        <Tabs.Panel value="sign-up">
          <SignUpForm onDone={onDone} />
        </Tabs.Panel>
      </Tabs>
      <p className="wg-muted" style={{ marginTop: '1.5rem' }}>
        {t('shop.account.guestNote')}
      </p>
    </div>
  );
}
