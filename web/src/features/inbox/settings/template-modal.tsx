import { Button, Code, Group, List, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { ReplyTemplate } from '@nahbar/common';
import { templatePlaceholders } from '@nahbar/common/rules/reply-template';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/form-alert.tsx';
import { applyServerErrors } from '../../../components/server-errors.ts';
import { inboxApi, inboxKeys, type TemplateInput } from '../inbox-api.ts';

type Props = { orgId: string; editing: ReplyTemplate | 'new' | null; onClose: () => void };

export function TemplateModal({ orgId, editing, onClose }: Props) {
  const { t, i18n } = useTranslation(['inbox', 'common']);
  const en = i18n.language === 'en';
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const existing = editing && editing !== 'new' ? editing : null;
  const form = useForm<TemplateInput>({
    initialValues: { name: '', body: '' },
    validate: {
      name: (v) => (v.trim() ? null : t('common:validation.required')),
      body: (v) => (v.trim() ? null : t('common:validation.required')),
    },
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: refill only when another template opens
  useEffect(() => {
    form.setValues({ name: existing?.name ?? '', body: existing?.body ?? '' });
    form.resetDirty();
    setFormError(null);
  }, [editing]);

  const save = useMutation({
    mutationFn: (input: TemplateInput) =>
      existing ? inboxApi.updateTemplate(orgId, existing.id, input) : inboxApi.createTemplate(orgId, input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: inboxKeys.templates(orgId) });
      onClose();
    },
    onError: (error) => setFormError(applyServerErrors(form, error)),
  });

  return (
    <Modal
      opened={editing !== null}
      onClose={onClose}
      title={existing ? t('templates.editTitle') : t('templates.addTitle')}
      size="lg"
      centered
    >
      <form noValidate onSubmit={form.onSubmit((v) => save.mutate({ name: v.name.trim(), body: v.body.trim() }))}>
        <Stack>
          <FormAlert message={formError} />
          <TextInput label={t('templates.name')} required maxLength={120} {...form.getInputProps('name')} />
          <Textarea
            label={t('templates.body')}
            withAsterisk={false}
            required
            autosize
            minRows={5}
            maxLength={5000}
            {...form.getInputProps('body')}
          />
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('templates.placeholders')}
            </Text>
            <List size="sm" spacing={2}>
              {templatePlaceholders().map((p) => (
                <List.Item key={p.key}>
                  {p.names.map((name, i) => (
                    <span key={name}>
                      {i > 0 && ' / '}
                      <Code>{`{{${name}}}`}</Code>
                    </span>
                  ))}{' '}
                  – {en ? p.en : p.de}
                </List.Item>
              ))}
            </List>
          </Stack>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common:actions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
