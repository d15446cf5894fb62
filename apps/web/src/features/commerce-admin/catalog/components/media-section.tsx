import type { CatalogProduct } from '@kontor/contracts';
import { Button, Group, Image, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../../app/confirm-modal';
import { FileDropZone } from '../../../../app/file-drop-zone';
import { useFileUpload } from '../../../../app/file-upload';
import { ProblemAlert } from '../../../../app/problem-alert';
import { UploadProgress } from '../../../../app/upload-progress';
import { MEDIA_ACCEPT, sendMedia, useMediaActions } from '../api/products-api';
import { MediaCard } from './media-card';

type Media = CatalogProduct['media'][number];

/**
 * A picture shown before it is sent, read from the file itself as a data: URL (the app's Content Security Policy
 * allows data: images, not blob: ones).
 */
function useLocalPreview(file: File | null) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    setUrl(null);
    if (!file) return;
    const reader = new FileReader();
    reader.onload = () => setUrl(typeof reader.result === 'string' ? reader.result : null);
    reader.readAsDataURL(file);
    return () => reader.abort();
  }, [file]);
  return url;
}

/** The product's pictures: upload with alt texts, change the alt texts, order them, delete them. */
export function MediaSection({ productId, media, locales }: { productId: string; media: Media[]; locales: string[] }) {
  const { t } = useTranslation();
  const actions = useMediaActions(productId);
  const [file, setFile] = useState<File | null>(null);
  const [alt, setAlt] = useState({ sv: '', en: '' });
  const [removing, setRemoving] = useState<Media | null>(null);
  const preview = useLocalPreview(file);
  const upload = useFileUpload(sendMedia, async () => {
    setFile(null);
    setAlt({ sv: '', en: '' });
    await actions.refresh();
  });
  const ordered = [...media].sort((a, b) => a.position - b.position);
  const move = (index: number, by: -1 | 1) => {
    const ids = ordered.map((item) => item.id);
    const [item] = ids.splice(index, 1);
    if (!item) return;
    ids.splice(index + by, 0, item);
    actions.reorder.mutate(ids);
  };
  const mutationError = actions.setAlt.error ?? actions.reorder.error;

  return (
    <Stack gap="md">
      {ordered.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('catalogAdmin.media.none')}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" data-testid="media-list">
          {ordered.map((item, index) => (
            <MediaCard
              key={item.id}
              media={item}
              index={index}
              count={ordered.length}
              locales={locales}
              onMove={(by) => move(index, by)}
              onSaveAlt={(text) => actions.setAlt.mutate({ id: item.id, alt: text })}
              onRemove={() => setRemoving(item)}
              busy={actions.reorder.isPending || actions.setAlt.isPending}
            />
          ))}
        </SimpleGrid>
      )}
      {mutationError ? <ProblemAlert error={mutationError} /> : null}
      <Paper withBorder p="sm">
        <Stack gap="sm">
          <Group align="flex-start" gap="md" wrap="wrap">
            <div style={{ flex: '1 1 280px' }}>
              <FileDropZone
                file={file}
                onFile={setFile}
                disabled={upload.busy}
                accept={MEDIA_ACCEPT}
                texts="catalogAdmin.media.upload"
                testId="media"
              />
            </div>
            {preview ? (
              <Image
                src={preview}
                alt={alt.sv || alt.en || t('catalogAdmin.media.previewAlt')}
                w={160}
                h={120}
                fit="contain"
                radius="sm"
                data-testid="media-preview"
              />
            ) : null}
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              lang="sv"
              label={t('catalogAdmin.media.altIn', { locale: 'SV' })}
              description={t('catalogAdmin.media.altHint')}
              value={alt.sv}
              onChange={(event) => setAlt({ ...alt, sv: event.currentTarget.value })}
              maxLength={200}
              data-testid="media-alt-sv"
            />
            <TextInput
              lang="en"
              label={t('catalogAdmin.media.altIn', { locale: 'EN' })}
              value={alt.en}
              onChange={(event) => setAlt({ ...alt, en: event.currentTarget.value })}
              maxLength={200}
              data-testid="media-alt-en"
            />
          </SimpleGrid>
          <Group>
            <Button
              onClick={() => file && upload.start(file, productId, alt)}
              disabled={!file || upload.busy}
              loading={upload.busy}
              data-testid="media-upload"
            >
              {t('catalogAdmin.media.send')}
            </Button>
          </Group>
          <UploadProgress state={upload.state} texts="catalogAdmin.media.upload" testId="media" />
          {upload.state.phase === 'failed' ? <ProblemAlert error={upload.state.error} testId="media-problem" /> : null}
        </Stack>
      </Paper>
      <ConfirmModal
        opened={removing !== null}
        title={t('catalogAdmin.media.deleteTitle')}
        confirmLabel={t('common.delete')}
        onClose={() => {
          setRemoving(null);
          actions.remove.reset();
        }}
        onConfirm={() => removing && actions.remove.mutate(removing.id, { onSuccess: () => setRemoving(null) })}
        loading={actions.remove.isPending}
        error={actions.remove.error}
      >
        {t('catalogAdmin.media.deleteText')}
      </ConfirmModal>
    </Stack>
  );
}
