import { Button, Group, Image, Stack, Text } from '@mantine/core';
import type { Media } from '@nahbar/common';
import { IconPhoto, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MediaLibraryModal } from '../media/media-library-modal.tsx';

type Props = { orgId: string; mediaId: string | null; onChange: (mediaId: string | null) => void };

/** The exact picture a consent is for, picked from the library (optional). */
export function ConsentPictureField({ orgId, mediaId, onChange }: Props) {
  const { t } = useTranslation('people');
  const [picking, setPicking] = useState(false);
  const [picked, setPicked] = useState<Media | null>(null);
  const shown = picked && picked.id === mediaId ? picked : null;

  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t('consents.form.picture')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('consents.form.pictureHint')}
      </Text>
      {shown ? (
        <Group align="center">
          {shown.thumbUrl && (
            <Image
              src={shown.thumbUrl}
              alt={shown.alt ?? t('consents.form.pictureChosen')}
              w={96}
              h={96}
              radius="sm"
              fit="cover"
            />
          )}
          <Button
            variant="subtle"
            color="red"
            leftSection={<IconX size={14} aria-hidden />}
            onClick={() => {
              setPicked(null);
              onChange(null);
            }}
          >
            {t('consents.form.removePicture')}
          </Button>
        </Group>
      ) : (
        <Button
          variant="default"
          leftSection={<IconPhoto size={16} aria-hidden />}
          style={{ alignSelf: 'flex-start' }}
          onClick={() => setPicking(true)}
        >
          {t('consents.form.pickPicture')}
        </Button>
      )}
      <MediaLibraryModal
        orgId={orgId}
        opened={picking}
        onClose={() => setPicking(false)}
        kinds={['image']}
        max={1}
        onPick={(items) => {
          const first = items[0] ?? null;
          setPicked(first);
          onChange(first?.id ?? null);
        }}
      />
    </Stack>
  );
}
