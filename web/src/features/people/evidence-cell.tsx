import { Anchor, Button, FileButton, Progress, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Consent } from '@nahbar/common';
import { IconFileCheck, IconUpload } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../components/server-errors.ts';
import { peopleApi, peopleKeys, peopleUrls } from './people-api.ts';

type Props = {
  orgId: string;
  consent: Consent;
  canUpload: boolean;
  /** Only privacy officers open the file; everybody else learns that it exists. */
  canOpen: boolean;
};

/** The scanned form: upload (with progress) for people.manage, open for the privacy officer. */
export function EvidenceCell({ orgId, consent, canUpload, canOpen }: Props) {
  const { t } = useTranslation('people');
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<number | null>(null);
  const upload = useMutation({
    mutationFn: (file: File) => peopleApi.uploadEvidence(orgId, consent.id, file, setProgress),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: peopleKeys.consents(orgId, consent.personId) });
      notifications.show({ color: 'petrol', message: t('consents.evidence.uploaded') });
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
    onSettled: () => setProgress(null),
  });
  const purpose = t(`consents.purposes.${consent.purpose}`);
  const uploadText = consent.hasEvidence ? t('consents.evidence.replace') : t('consents.evidence.upload');

  return (
    <Stack gap={4} align="flex-start">
      {consent.hasEvidence &&
        (canOpen ? (
          <Anchor href={peopleUrls.evidence(orgId, consent.id)} target="_blank" rel="noopener" size="sm">
            {t('consents.evidence.open')}
          </Anchor>
        ) : (
          <Text size="sm" style={{ display: 'flex', gap: 4, alignItems: 'center' }}>
            <IconFileCheck size={16} aria-hidden />
            {t('consents.evidence.present')}
          </Text>
        ))}
      {!consent.hasEvidence && !canUpload && (
        <Text size="sm" c="dimmed">
          {t('consents.evidence.none')}
        </Text>
      )}
      {canUpload && progress === null && (
        <FileButton onChange={(file) => file && upload.mutate(file)} accept="application/pdf,image/jpeg,image/png">
          {(props) => (
            <Button
              {...props}
              size="xs"
              variant="default"
              leftSection={<IconUpload size={14} aria-hidden />}
              aria-label={t('consents.evidence.uploadFor', { action: uploadText, purpose })}
              title={t('consents.evidence.types')}
            >
              {uploadText}
            </Button>
          )}
        </FileButton>
      )}
      {progress !== null && (
        <Stack gap={2} w={140}>
          <Text size="xs">{t('consents.evidence.uploading')}</Text>
          <Progress value={progress * 100} aria-label={t('consents.evidence.uploading')} size="sm" />
        </Stack>
      )}
    </Stack>
  );
}
