import {
  Alert,
  Anchor,
  Box,
  Button,
  Center,
  Divider,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useFieldErrors } from '../../../app/form';
import { LanguageSwitcher } from '../../../app/language-switcher';
import { ProblemAlert } from '../../../app/problem-alert';
import { codeMessage } from '../../../app/problem-text';
import { oidcLoginHref, useOidcStatus } from '../api/oidc';
import { useMe, useNodeInfo, useSignIn } from '../api/session';

function returnPath(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  // Only paths inside this app, never an absolute URL someone put in the state.
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : '/';
}

export function SignInPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const { data: node } = useNodeInfo();
  const signIn = useSignIn();
  const { data: sso } = useOidcStatus();
  // With password sign-in turned off only the built-in admin may use it, behind a link (the break-glass way in).
  const [breakGlass, setBreakGlass] = useState(false);
  const showPasswordForm = !sso?.localLoginDisabled || breakGlass;
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');

  const { fieldErrors, generalError } = useFieldErrors(signIn.error);
  // The OIDC callback sends a browser back here with the problem's code when the provider's answer was refused.
  const [search] = useSearchParams();
  const ssoErrorCode = search.get('sso_error');
  const ssoError = ssoErrorCode ? (codeMessage(t, ssoErrorCode) ?? t('errors.ssoFailed')) : null;

  if (me) return <Navigate to={returnPath(location.state)} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate(
      { username: username.trim(), password },
      {
        onSuccess: () => navigate(returnPath(location.state), { replace: true }),
        onError: () => setPassword(''),
      },
    );
  };

  return (
    <Center mih="100dvh" p="md" component="main">
      <Box w="100%" maw={400}>
        <Paper withBorder shadow="sm" p={{ base: 'md', sm: 'xl' }} radius="md">
          <Stack gap="md">
            <div>
              <Text c="dimmed" size="sm" data-testid="org-name">
                {node?.organisation ?? 'Kontor'}
              </Text>
              <Title order={1} size="h2">
                {t('signIn.title')}
              </Title>
            </div>
            {generalError ? <ProblemAlert error={generalError} testId="login-error" /> : null}
            {ssoError && !generalError ? (
              <Alert color="red" variant="light" role="alert" data-testid="sso-error">
                {ssoError}
              </Alert>
            ) : null}
            {sso?.configured ? (
              // A full page load: the provider's login page is another site.
              <Button
                component="a"
                href={oidcLoginHref(returnPath(location.state))}
                variant={showPasswordForm ? 'default' : 'filled'}
                data-testid="sso-sign-in"
                fullWidth
              >
                {t('auth.oidc.signInWith', { label: sso.buttonLabel })}
              </Button>
            ) : null}
            {sso?.configured && showPasswordForm ? <Divider label={t('auth.oidc.or')} labelPosition="center" /> : null}
            {showPasswordForm ? (
              <form onSubmit={submit} noValidate>
                <Stack gap="md">
                  <TextInput
                    data-testid="login-username"
                    label={t('signIn.username')}
                    autoComplete="username"
                    autoCapitalize="none"
                    spellCheck={false}
                    value={username}
                    onChange={(event) => setUsername(event.currentTarget.value)}
                    error={fieldErrors.username}
                    withAsterisk
                    autoFocus={!sso?.configured}
                  />
                  <PasswordInput
                    data-testid="login-password"
                    label={t('signIn.password')}
                    autoComplete="current-password"
                    value={password}
                    onChange={(event) => setPassword(event.currentTarget.value)}
                    error={fieldErrors.password}
                    withAsterisk
                    visibilityToggleButtonProps={{ 'aria-label': t('signIn.togglePassword') }}
                  />
                  <Button type="submit" data-testid="login-submit" loading={signIn.isPending} fullWidth>
                    {t('signIn.submit')}
                  </Button>
                </Stack>
              </form>
            ) : (
              <Anchor
                component="button"
                type="button"
                size="sm"
                onClick={() => setBreakGlass(true)}
                data-testid="break-glass"
              >
                {t('auth.oidc.breakGlass')}
              </Anchor>
            )}
          </Stack>
        </Paper>
        {node?.publicDirectory ? (
          // This workstation shows its directory to anyone: the way there without an account.
          <Anchor component={Link} to="/directory" display="block" mt="md" data-testid="public-directory-link">
            {t('directory.public.withoutSignIn')}
          </Anchor>
        ) : null}
        <Box mt="md">
          <LanguageSwitcher visibleLabel />
        </Box>
      </Box>
    </Center>
  );
}
