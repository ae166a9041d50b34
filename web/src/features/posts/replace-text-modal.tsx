import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { PostTemplate } from '@nahbar/common';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form-alert.tsx';
import { errorMessage } from '../../components/server-errors.ts';

type Props = {
  template: PostTemplate | null;
  /** Whether the current text is saved, so that it stays in the history after the replacement. */
  saved: boolean;
  /** Saves what is pending, then replaces; a failed save keeps the text and shows why. */
  onConfirm: (template: PostTemplate) => Promise<void>;
  onClose: () => void;
};

/** Asks before a template overwrites text someone has written. */
export function ReplaceTextModal({ template, saved, onConfirm, onClose }: Props) {
  const { t } = useTranslation(['posts', 'common']);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const close = () => {
    setError(null);
    onClose();
  };
  const confirm = async () => {
    if (!template) return;
    setBusy(true);
    setError(null);
    try {
      await onConfirm(template);
      onClose();
    } catch (failed) {
      setError(failed);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      opened={template !== null}
      onClose={close}
      title={t('templates.replaceTitle', { name: template?.name ?? '' })}
    >
      <Stack>
        <Text>{saved ? t('templates.replaceText') : t('templates.replaceUnsaved')}</Text>
        <FormAlert message={error ? t('templates.replaceNotSaved', { message: errorMessage(error) }) : null} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common:actions.cancel')}
          </Button>
          <Button loading={busy} onClick={() => void confirm()}>
            {t('templates.replace')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
