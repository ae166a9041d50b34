import { Button, FileButton, Group, Input, Progress, Stack, Text } from '@mantine/core';
import type { Channel, Media } from '@nahbar/common';
import { IconLibraryPhoto, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form-alert.tsx';
import { errorMessage } from '../../components/server-errors.ts';
import { acceptFor } from '../media/media-files.ts';
import { MediaLibraryModal } from '../media/media-library-modal.tsx';
import type { ComposerIssues } from './composer-checks.ts';
import { type DraftMedia, mediaFromLibrary } from './composer-draft.ts';
import { MediaItem } from './media-item.tsx';
import { postsApi } from './posts-api.ts';

/** The contract allows four attachments per post; the checks say what each network takes. */
const MAX_MEDIA = 4;
const FALLBACK_ALT_CHARS = 2000;

type Props = {
  orgId: string;
  media: DraftMedia[];
  onChange: (media: DraftMedia[]) => void;
  chosen: Channel[];
  issues: ComposerIssues;
  altErrors: Record<string, string>;
  readOnly: boolean;
};

/** Pick from the library or upload right here; every image gets its description next to it. */
export function MediaSection({ orgId, media, onChange, chosen, issues, altErrors, readOnly }: Props) {
  const { t } = useTranslation('posts');
  const [libraryOpen, setLibraryOpen] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const maxAlt = chosen.length > 0 ? Math.min(...chosen.map((c) => c.limits.maxAltChars)) : FALLBACK_ALT_CHARS;
  const room = MAX_MEDIA - media.length;

  const add = (items: Media[]) => {
    const known = new Set(media.map((m) => m.mediaId));
    const fresh = items.filter((i) => i.kind !== 'captions' && !known.has(i.id)).map(mediaFromLibrary);
    onChange([...media, ...fresh].slice(0, MAX_MEDIA));
  };
  const upload = async (file: File | null) => {
    if (!file) return;
    setUploadError(null);
    setProgress(0);
    try {
      add([await postsApi.upload(orgId, file, setProgress)]);
    } catch (error) {
      setUploadError(error);
    } finally {
      setProgress(null);
    }
  };

  return (
    <Stack gap="xs">
      <Input.Label component="div">{t('composer.media')}</Input.Label>
      <FormAlert message={uploadError ? errorMessage(uploadError) : null} />
      {media.map((item, index) => (
        <MediaItem
          key={item.mediaId}
          orgId={orgId}
          item={item}
          index={index}
          maxAlt={maxAlt}
          readOnly={readOnly}
          issues={issues.byMedia[item.mediaId] ?? []}
          altError={altErrors[item.mediaId]}
          onChange={(next) => onChange(media.map((m) => (m.mediaId === item.mediaId ? next : m)))}
          onRemove={() => onChange(media.filter((m) => m.mediaId !== item.mediaId))}
        />
      ))}
      {progress !== null && <Progress value={progress * 100} aria-label={t('composer.uploading')} size="sm" animated />}
      {!readOnly && room > 0 && (
        <Group gap="sm">
          <Button
            variant="default"
            leftSection={<IconLibraryPhoto size={18} aria-hidden />}
            onClick={() => setLibraryOpen(true)}
          >
            {t('composer.mediaAdd')}
          </Button>
          <FileButton onChange={(file) => void upload(file)} accept={acceptFor(['image', 'video'])}>
            {(props) => (
              <Button
                {...props}
                variant="subtle"
                leftSection={<IconUpload size={18} aria-hidden />}
                loading={progress !== null}
              >
                {t('composer.mediaUpload')}
              </Button>
            )}
          </FileButton>
          <Text size="xs" c="dimmed">
            {t('composer.mediaHint')}
          </Text>
        </Group>
      )}
      <MediaLibraryModal
        orgId={orgId}
        opened={libraryOpen}
        onClose={() => setLibraryOpen(false)}
        onPick={(items) => {
          add(items);
          setLibraryOpen(false);
        }}
        kinds={['image', 'video']}
        max={Math.max(1, room)}
      />
    </Stack>
  );
}
