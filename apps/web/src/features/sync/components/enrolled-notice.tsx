import { Alert, Box } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { useMe } from '../../auth/api/session';

/**
 * Says on the sign-in page that follows the first run that the workstation is set up. It floats above that page,
 * which stays as everywhere else, and is gone for good once dismissed or once someone signed in.
 */
export function EnrolledNotice() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const { data: me } = useMe();
  const [over, setOver] = useState(false);
  if (me && !over) setOver(true);
  if (over || pathname !== '/sign-in') return null;
  return (
    <Box pos="fixed" top={0} left={0} right={0} p="md" style={{ zIndex: 200, pointerEvents: 'none' }}>
      <Alert
        color="teal"
        variant="filled"
        title={t('firstRun.enrolledTitle')}
        withCloseButton
        closeButtonLabel={t('firstRun.dismiss')}
        onClose={() => setOver(true)}
        role="status"
        maw={480}
        mx="auto"
        style={{ pointerEvents: 'auto' }}
        data-testid="first-run-enrolled"
      >
        {t('firstRun.enrolledText')}
      </Alert>
    </Box>
  );
}
