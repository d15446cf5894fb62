import { Box, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from '../../../app/language-switcher';
import { FirstRunForm } from '../components/first-run-form';
import { FirstRunProgress } from '../components/first-run-progress';

/** "Set up this workstation": the only page of a workstation until it holds the organisation's data. */
export function FirstRunPage({ step }: { step: 'enroll' | 'loading' }) {
  const { t } = useTranslation();
  return (
    <Center mih="100dvh" p="md" component="main">
      <Box w="100%" maw={480}>
        <Paper withBorder shadow="sm" p={{ base: 'md', sm: 'xl' }} radius="md" data-testid="first-run-page">
          <Stack gap="md">
            <div>
              <Text c="dimmed" size="sm">
                Kontor
              </Text>
              <Title order={1} size="h2">
                {t('firstRun.title')}
              </Title>
            </div>
            {step === 'enroll' ? <FirstRunForm /> : <FirstRunProgress />}
          </Stack>
        </Paper>
        <Box mt="md">
          <LanguageSwitcher visibleLabel />
        </Box>
      </Box>
    </Center>
  );
}
