import { Button, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { Channel, Language } from '@nahbar/common';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LanguageSelect } from '../../components/language-select.tsx';
import { channelsApi } from './channels-api.ts';
import { ConnectErrorAlert } from './connect-error-alert.tsx';

type Values = { title: string; siteUrl: string; description: string; language: Language };

export function FeedConnectForm({
  orgId,
  language,
  onConnected,
}: {
  orgId: string;
  language: Language;
  onConnected: (c: Channel) => void;
}) {
  const { t } = useTranslation(['channels', 'common']);
  const form = useForm<Values>({
    mode: 'uncontrolled',
    initialValues: { title: '', siteUrl: '', description: '', language },
    validate: {
      title: (v) => (v.trim() ? null : t('common:validation.required')),
      siteUrl: (v) => (v.trim() ? null : t('common:validation.required')),
    },
  });
  const connect = useMutation({
    mutationFn: (values: Values) =>
      channelsApi.connect(orgId, {
        network: 'feed',
        title: values.title.trim(),
        siteUrl: values.siteUrl.trim(),
        description: values.description.trim() || undefined,
        language: values.language,
      }),
    onSuccess: onConnected,
  });

  return (
    <form onSubmit={form.onSubmit((values) => connect.mutate(values))} noValidate>
      <Stack>
        <ConnectErrorAlert error={connect.error} />
        <Text size="sm">{t('feedForm.explain')}</Text>
        <TextInput
          label={t('feedForm.title')}
          description={t('feedForm.titleHint')}
          required
          key={form.key('title')}
          {...form.getInputProps('title')}
        />
        <TextInput
          label={t('feedForm.siteUrl')}
          description={t('feedForm.siteUrlHint')}
          type="url"
          required
          key={form.key('siteUrl')}
          {...form.getInputProps('siteUrl')}
        />
        <Textarea
          withAsterisk={false}
          label={t('feedForm.description')}
          autosize
          minRows={2}
          maxLength={500}
          key={form.key('description')}
          {...form.getInputProps('description')}
        />
        <LanguageSelect label={t('feedForm.language')} key={form.key('language')} {...form.getInputProps('language')} />
        <Button type="submit" loading={connect.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('feedForm.submit')}
        </Button>
      </Stack>
    </form>
  );
}
