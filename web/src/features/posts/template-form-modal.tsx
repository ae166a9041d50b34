import { Button, Checkbox, Group, Modal, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { Channel, PostTemplate } from '@nahbar/common';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form-alert.tsx';
import { applyServerErrors } from '../../components/server-errors.ts';
import { postKeys, type TemplateInput, templatesApi } from './posts-api.ts';

type Props = {
  orgId: string;
  /** null: a new template. */
  template: PostTemplate | null;
  opened: boolean;
  channels: Channel[];
  onClose: () => void;
};

const blank: TemplateInput = { name: '', text: '', tags: [], channelIds: [] };

export function TemplateFormModal({ orgId, template, opened, channels, onClose }: Props) {
  const { t } = useTranslation(['posts', 'common']);
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<TemplateInput>({
    initialValues: blank,
    validate: { name: (value) => (value.trim() ? null : t('templates.nameRequired')) },
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: refill only when another template opens
  useEffect(() => {
    if (!opened) return;
    form.setValues(
      template
        ? { name: template.name, text: template.text, tags: template.tags, channelIds: template.channelIds }
        : blank,
    );
    form.resetDirty();
    setFormError(null);
  }, [opened, template]);

  const save = useMutation({
    mutationFn: (values: TemplateInput) =>
      template ? templatesApi.update(orgId, template.id, values) : templatesApi.create(orgId, values),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: postKeys.templates(orgId) });
      notifications.show({ color: 'green', message: t('templates.saved', { name: saved.name }) });
      onClose();
    },
    onError: (error) => setFormError(applyServerErrors(form, error)),
  });

  return (
    <Modal opened={opened} onClose={onClose} title={template ? t('templates.edit') : t('templates.create')} size="lg">
      <form onSubmit={form.onSubmit((values) => save.mutate({ ...values, name: values.name.trim() }))} noValidate>
        <Stack>
          <FormAlert message={formError} />
          <TextInput
            label={t('templates.name')}
            required
            maxLength={120}
            data-autofocus
            {...form.getInputProps('name')}
          />
          <Textarea
            label={t('templates.body')}
            autosize
            minRows={5}
            maxLength={20_000}
            {...form.getInputProps('text')}
          />
          <TagsInput label={t('composer.tags')} maxTags={10} {...form.getInputProps('tags')} />
          <Checkbox.Group label={t('templates.channels')} {...form.getInputProps('channelIds')}>
            <Group mt="xs" gap="lg">
              {channels.map((channel) => (
                <Checkbox key={channel.id} value={channel.id} label={channel.name} />
              ))}
            </Group>
          </Checkbox.Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('templates.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
