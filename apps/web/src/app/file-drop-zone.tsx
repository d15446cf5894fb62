import { Button, FileButton, Paper, Stack, Text } from '@mantine/core';
import { type DragEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes } from './file-upload';
import type { UploadTexts } from './upload-progress';

interface FileDropZoneProps {
  file: File | null;
  onFile: (file: File | null) => void;
  disabled: boolean;
  /** The file types the picker offers (its `accept`). */
  accept: string;
  /** Where the wording is: `drop`, `or`, `choose`, `chooseOther`, `chosen`. */
  texts: UploadTexts;
  /** Prefix of the test ids: `<testId>-drop-zone` and `<testId>-chosen-file`. */
  testId: string;
}

/** A file dropped here or picked with the button; only its handle is kept, never its content. */
export function FileDropZone({ file, onFile, disabled, accept, texts, testId }: FileDropZoneProps) {
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
      data-testid={`${testId}-drop-zone`}
      data-over={over}
      style={{
        borderStyle: 'dashed',
        borderWidth: 2,
        borderColor: over ? 'var(--mantine-color-blue-filled)' : undefined,
        background: over ? 'var(--mantine-color-blue-light)' : undefined,
      }}
    >
      <Stack align="center" gap="xs">
        <Text fw={500} ta="center" style={{ overflowWrap: 'anywhere' }} data-testid={`${testId}-chosen-file`}>
          {file
            ? t(`${texts}.chosen`, { name: file.name, size: formatBytes(i18n.language, file.size) })
            : t(`${texts}.drop`)}
        </Text>
        <Text size="sm" c="dimmed">
          {t(`${texts}.or`)}
        </Text>
        <FileButton onChange={onFile} accept={accept} disabled={disabled}>
          {(props) => (
            <Button variant="default" {...props}>
              {file ? t(`${texts}.chooseOther`) : t(`${texts}.choose`)}
            </Button>
          )}
        </FileButton>
      </Stack>
    </Paper>
  );
}
