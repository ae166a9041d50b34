import { Button } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mediaApi, mediaKeys } from '../media/media-api.ts';
import { TaggingDialog } from '../people/tagging-dialog.tsx';
import { TaggingStatusBadge } from '../people/tagging-status-badge.tsx';
import { useOrgAccess } from '../settings/use-org-access.ts';
import type { DraftMedia } from './composer-draft.ts';

/**
 * Who the image shows, right where it is attached: the status badge and "Personen markieren",
 * so the consent panel's "nicht geprüft" can be settled without leaving the composer.
 */
export function MediaItemPeople({ orgId, item, name }: { orgId: string; item: DraftMedia; name: string }) {
  const { t } = useTranslation('posts');
  const { allowed } = useOrgAccess();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const info = useQuery({
    queryKey: mediaKeys.info(orgId, item.mediaId),
    queryFn: () => mediaApi.info(orgId, item.mediaId),
    enabled: item.kind === 'image' && allowed('people.read'),
  });
  if (!info.data) return null;
  const label = info.data.originalName ?? name;
  const close = () => {
    setOpen(false);
    // The live consent check depends on the tags just saved.
    void queryClient.invalidateQueries({ queryKey: ['org', orgId, 'consent-check'] });
  };
  return (
    <>
      <TaggingStatusBadge media={info.data} />
      {allowed('media.tag') && (
        <Button
          size="compact-sm"
          variant="light"
          leftSection={<IconUsers size={14} aria-hidden />}
          aria-label={t('composerConsent.tagImage', { name: label })}
          onClick={() => setOpen(true)}
        >
          {t('composerConsent.tagImageShort')}
        </Button>
      )}
      <TaggingDialog orgId={orgId} target={open ? { media: info.data, name: label } : null} onClose={close} />
    </>
  );
}
