import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form-alert.tsx';
import { errorMessage } from '../../components/server-errors.ts';
import type { ComposerDraft } from './composer-draft.ts';
import { postKeys, templatesApi } from './posts-api.ts';

/** "Als Vorlage speichern": the base text, tags and channels under a name. */
export function SaveTemplateButton({ orgId, draft }: { orgId: string; draft: ComposerDraft }) {
  const { t } = useTranslation(['posts', 'common']);
  const queryClient = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  const [name, setName] = useState('');
  const save = useMutation({
    mutationFn: () =>
      templatesApi.create(orgId, {
        name: name.trim(),
        text: draft.text,
        tags: draft.tags,
        channelIds: draft.channelIds,
      }),
    onSuccess: (template) => {
      void queryClient.invalidateQueries({ queryKey: postKeys.templates(orgId) });
      notifications.show({ color: 'green', message: t('templates.saved', { name: template.name }) });
      setName('');
      close();
    },
  });
  return (
    <>
      <Button variant="default" leftSection={<IconDeviceFloppy size={16} aria-hidden />} onClick={open}>
        {t('templates.saveAs')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('templates.saveAs')}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            event.stopPropagation();
            if (name.trim()) save.mutate();
          }}
        >
          <Stack>
            <FormAlert message={save.error ? errorMessage(save.error) : null} />
            <TextInput
              label={t('templates.name')}
              description={t('templates.nameHint')}
              required
              maxLength={120}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common:actions.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending} disabled={!name.trim()}>
                {t('templates.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
