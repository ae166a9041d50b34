import { Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { channelsApi } from './channels-api.ts';
import { ConnectErrorAlert } from './connect-error-alert.tsx';

type Props = { orgId: string; channelId?: string; initialInstance?: string };

/** Mastodon grants access at the instance (OAuth): we only learn where to send the browser. */
export function MastodonConnectForm({ orgId, channelId, initialInstance = '' }: Props) {
  const { t } = useTranslation(['channels', 'common']);
  const form = useForm<{ instanceUrl: string }>({
    mode: 'uncontrolled',
    initialValues: { instanceUrl: initialInstance },
    validate: { instanceUrl: (v) => (v.trim() ? null : t('common:validation.required')) },
  });
  const start = useMutation({
    mutationFn: (instanceUrl: string) => channelsApi.startMastodon(orgId, { instanceUrl, channelId }),
    onSuccess: ({ authorizeUrl }) => window.location.assign(authorizeUrl),
  });

  return (
    <form onSubmit={form.onSubmit((values) => start.mutate(values.instanceUrl.trim()))} noValidate>
      <Stack>
        <ConnectErrorAlert error={start.error} />
        <Text size="sm">{t('mastodon.explain')}</Text>
        <TextInput
          label={t('mastodon.instance')}
          description={t('mastodon.instanceHint')}
          required
          autoComplete="url"
          key={form.key('instanceUrl')}
          {...form.getInputProps('instanceUrl')}
        />
        <Button type="submit" loading={start.isPending || start.isSuccess} style={{ alignSelf: 'flex-start' }}>
          {t('mastodon.submit')}
        </Button>
      </Stack>
    </form>
  );
}
