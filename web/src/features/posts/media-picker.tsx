import { Button, CloseButton, FileButton, Group, Image, Input, Paper, Stack, Text, Textarea } from '@mantine/core';
import { IconPhotoPlus } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form-alert.tsx';
import { errorMessage } from '../../components/server-errors.ts';
import { postsApi } from './posts-api.ts';

export type PickedMedia = { mediaId: string; url: string; alt: string };

const MAX_IMAGES = 4;
const ACCEPT = 'image/jpeg,image/png,image/webp,image/gif';

type Props = {
  orgId: string;
  media: PickedMedia[];
  onChange: (media: PickedMedia[]) => void;
  altErrors: Record<string, string>;
};

/** Uploads at once (the server re-encodes and strips metadata); every image needs its description. */
export function MediaPicker({ orgId, media, onChange, altErrors }: Props) {
  const { t } = useTranslation('posts');
  const upload = useMutation({
    mutationFn: (file: File) => postsApi.upload(orgId, file),
    onSuccess: (uploaded) => onChange([...media, { mediaId: uploaded.id, url: uploaded.url, alt: '' }]),
  });
  const setAlt = (mediaId: string, alt: string) =>
    onChange(media.map((m) => (m.mediaId === mediaId ? { ...m, alt } : m)));

  return (
    <Stack gap="xs">
      <Input.Label component="div">{t('composer.images')}</Input.Label>
      <FormAlert message={upload.error ? errorMessage(upload.error) : null} />
      {media.map((item, index) => (
        <Paper key={item.mediaId} withBorder p="sm" radius="md">
          <Group align="flex-start" wrap="nowrap">
            <Image src={item.url} alt="" w={96} h={96} fit="cover" radius="sm" />
            <Textarea
              withAsterisk={false}
              style={{ flex: 1 }}
              label={t('composer.alt')}
              description={t('composer.altHint')}
              required
              autosize
              minRows={2}
              maxLength={1500}
              value={item.alt}
              error={altErrors[item.mediaId]}
              onChange={(event) => setAlt(item.mediaId, event.currentTarget.value)}
            />
            <CloseButton
              aria-label={t('composer.removeImage', { number: index + 1 })}
              onClick={() => onChange(media.filter((m) => m.mediaId !== item.mediaId))}
            />
          </Group>
        </Paper>
      ))}
      {media.length < MAX_IMAGES && (
        <Group gap="sm">
          <FileButton onChange={(file) => file && upload.mutate(file)} accept={ACCEPT}>
            {(props) => (
              <Button
                {...props}
                variant="default"
                leftSection={<IconPhotoPlus size={18} aria-hidden />}
                loading={upload.isPending}
              >
                {t('composer.imageAdd')}
              </Button>
            )}
          </FileButton>
          <Text size="xs" c="dimmed">
            {t('composer.imageHint')}
          </Text>
        </Group>
      )}
    </Stack>
  );
}
