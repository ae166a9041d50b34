import { Button, Group, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Media } from '@nahbar/common';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../components/server-errors.ts';
import { mediaApi } from './media-api.ts';
import { replaceInLists } from './media-cache.ts';

// The longest alt text any network takes (Mastodon 1500); the schema allows more, networks do not.
const MAX_ALT = 1500;

/** Edits the alt text the composer will offer again for this item; saved explicitly, never on every key. */
export function AltTextField({
  orgId,
  media,
  name,
  readOnly,
}: {
  orgId: string;
  media: Media;
  name: string;
  readOnly: boolean;
}) {
  const { t } = useTranslation('media');
  const queryClient = useQueryClient();
  const [value, setValue] = useState(media.alt ?? '');
  // Someone else (or the composer) may have changed it meanwhile: follow the server while not editing.
  useEffect(() => setValue(media.alt ?? ''), [media.alt]);
  const save = useMutation({
    mutationFn: (alt: string) => mediaApi.update(orgId, media.id, alt.trim() === '' ? null : alt.trim()),
    onSuccess: (updated) => {
      replaceInLists(queryClient, orgId, updated);
      notifications.show({ color: 'petrol', message: t('item.altSaved', { name }) });
    },
  });
  const dirty = value.trim() !== (media.alt ?? '').trim();

  return (
    <Stack gap={6}>
      <Textarea
        label={t('item.alt')}
        aria-label={t('item.altFor', { name })}
        autosize
        minRows={2}
        maxRows={6}
        maxLength={MAX_ALT}
        value={value}
        readOnly={readOnly}
        error={save.error ? errorMessage(save.error) : undefined}
        onChange={(event) => {
          setValue(event.currentTarget.value);
          if (save.error) save.reset();
        }}
      />
      {!readOnly && dirty && (
        <Group justify="flex-end" gap="xs">
          <Button size="xs" variant="default" onClick={() => setValue(media.alt ?? '')}>
            {t('item.altReset')}
          </Button>
          <Button size="xs" loading={save.isPending} onClick={() => save.mutate(value)}>
            {t('item.altSave')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
