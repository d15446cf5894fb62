import { Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../app/problem-alert';
import { useNodeVector } from '../api/bundles-api';

/** This node's vector, to paste into another node's export so the bundle carries only what this node lacks. */
export function NodeVector() {
  const { t } = useTranslation();
  const vector = useNodeVector();
  if (vector.error) return <ProblemAlert error={vector.error} />;
  const text = vector.data ? JSON.stringify(vector.data.vector) : '';
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t('bundles.vector.title')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('bundles.vector.intro')}
      </Text>
      <Code block data-testid="bundle-node-vector" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {text || '…'}
      </Code>
      <Group>
        <CopyButton value={text}>
          {({ copied, copy }) => (
            <Button
              size="xs"
              variant="light"
              color={copied ? 'teal' : 'blue'}
              onClick={copy}
              disabled={!text}
              data-testid="bundle-node-vector-copy"
            >
              {copied ? t('bundles.vector.copied') : t('bundles.vector.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
}
