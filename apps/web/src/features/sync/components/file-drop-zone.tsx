import { Button, FileButton, Paper, Stack, Text } from '@mantine/core';
import { type DragEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../api/bundles-api';

interface FileDropZoneProps {
  file: File | null;
  onFile: (file: File | null) => void;
  disabled: boolean;
}

/** A file dropped here or picked with the button; only its handle is kept, never its content. */
export function FileDropZone({ file, onFile, disabled }: FileDropZoneProps) {
  const { t, i18n } = useTranslation();
  const [over, setOver] = useState(false);
  const dragOver = (event: DragEvent) => {
    event.preventDefault();
    if (!disabled) setOver(true);
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    if (!disabled) onFile(event.dataTransfer.files[0] ?? null);
  };
  return (
    <Paper
      withBorder
      p="lg"
      radius="md"
      onDragOver={dragOver}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      data-testid="bundle-drop-zone"
      data-over={over}
      style={{
        borderStyle: 'dashed',
        borderWidth: 2,
        borderColor: over ? 'var(--mantine-color-blue-filled)' : undefined,
        background: over ? 'var(--mantine-color-blue-light)' : undefined,
      }}
    >
      <Stack align="center" gap="xs">
        <Text fw={500} ta="center" style={{ overflowWrap: 'anywhere' }} data-testid="bundle-chosen-file">
          {file
            ? t('bundles.import.chosen', { name: file.name, size: formatBytes(i18n.language, file.size) })
            : t('bundles.import.drop')}
        </Text>
        <Text size="sm" c="dimmed">
          {t('bundles.import.or')}
        </Text>
        <FileButton
          onChange={onFile}
          accept=".kbundle,.gz,application/gzip,application/octet-stream"
          disabled={disabled}
        >
          {(props) => (
            <Button variant="default" {...props}>
              {file ? t('bundles.import.chooseOther') : t('bundles.import.choose')}
            </Button>
          )}
        </FileButton>
      </Stack>
    </Paper>
  );
}
