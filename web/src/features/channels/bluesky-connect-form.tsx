import { Alert, Button, Collapse, PasswordInput, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import type { Channel } from '@nahbar/common';
import { IconChevronDown, IconChevronRight, IconKey } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { channelsApi } from './channels-api.ts';
import { ConnectErrorAlert } from './connect-error-alert.tsx';

type Values = { handle: string; appPassword: string; service: string };

export function AppPasswordHelp() {
  const { t } = useTranslation('channels');
  return (
    <Alert color="petrol" variant="light" icon={<IconKey aria-hidden />} title={t('bluesky.appPasswordHelpTitle')}>
      <Stack gap={4}>
        <Text size="sm">{t('bluesky.appPasswordHelp')}</Text>
        <Text size="sm" fw={600}>
          {t('bluesky.appPasswordWhy')}
        </Text>
      </Stack>
    </Alert>
  );
}

export function BlueskyConnectForm({ orgId, onConnected }: { orgId: string; onConnected: (c: Channel) => void }) {
  const { t } = useTranslation(['channels', 'common']);
  const [advanced, { toggle }] = useDisclosure(false);
  const form = useForm<Values>({
    mode: 'uncontrolled',
    initialValues: { handle: '', appPassword: '', service: '' },
    validate: {
      handle: (v) => (v.trim() ? null : t('common:validation.required')),
      appPassword: (v) => (v.trim() ? null : t('common:validation.required')),
    },
  });
  const connect = useMutation({
    mutationFn: (values: Values) =>
      channelsApi.connect(orgId, {
        network: 'bluesky',
        handle: values.handle.trim(),
        appPassword: values.appPassword.trim(),
        service: values.service.trim() || undefined,
      }),
    onSuccess: onConnected,
  });
  const Chevron = advanced ? IconChevronDown : IconChevronRight;

  return (
    <form onSubmit={form.onSubmit((values) => connect.mutate(values))} noValidate>
      <Stack>
        <ConnectErrorAlert error={connect.error} />
        <TextInput
          label={t('bluesky.handle')}
          description={t('bluesky.handleHint')}
          required
          autoComplete="off"
          key={form.key('handle')}
          {...form.getInputProps('handle')}
        />
        <PasswordInput
          label={t('bluesky.appPassword')}
          required
          autoComplete="off"
          key={form.key('appPassword')}
          {...form.getInputProps('appPassword')}
        />
        <AppPasswordHelp />
        <UnstyledButton onClick={toggle} aria-expanded={advanced} aria-controls="bluesky-advanced">
          <Text size="sm" fw={600} component="span" style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
            <Chevron size={16} aria-hidden />
            {t('bluesky.advanced')}
          </Text>
        </UnstyledButton>
        <Collapse expanded={advanced} id="bluesky-advanced">
          <TextInput
            label={t('bluesky.service')}
            description={t('bluesky.serviceHint')}
            type="url"
            key={form.key('service')}
            {...form.getInputProps('service')}
          />
        </Collapse>
        <Button type="submit" loading={connect.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('bluesky.submit')}
        </Button>
      </Stack>
    </form>
  );
}
