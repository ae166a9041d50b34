import { Button, Group, Stack, Text } from '@mantine/core';
import type { MediaPeople } from '@nahbar/common';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form-alert.tsx';
import { errorMessage } from '../../components/server-errors.ts';
import { useFormatters } from '../../components/use-formatters.ts';

type Props = {
  current: MediaPeople;
  saving: boolean;
  error: unknown;
  onCancel: () => void;
  onSave: () => void;
};

/** Who last reviewed the image, the save error if any, and the buttons. */
export function TaggingFooter({ current, saving, error, onCancel, onSave }: Props) {
  const { t } = useTranslation(['people', 'common']);
  const { formatDateTime } = useFormatters();
  return (
    <Stack>
      <FormAlert message={error ? errorMessage(error) : null} />
      <Group justify="space-between" wrap="wrap">
        <Text size="xs" c="dimmed">
          {current.reviewedAt
            ? t('tagging.reviewedBy', {
                name: current.reviewedByName ?? t('tagging.someone'),
                at: formatDateTime(current.reviewedAt),
              })
            : t('tagging.neverReviewed')}
        </Text>
        <Group gap="xs">
          <Button variant="default" onClick={onCancel}>
            {t('common:actions.cancel')}
          </Button>
          <Button loading={saving} onClick={onSave}>
            {t('tagging.save')}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
