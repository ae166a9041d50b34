import { Button, Code, CopyButton, Group, Image, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { updateSessionUser, useSession } from '../../../app/session.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { applyServerErrors, errorMessage } from '../../../components/server-errors.ts';
import { useAuthValidators } from '../../auth/validators.ts';
import { settingsApi } from '../settings-api.ts';

export function TotpSetup() {
  const { t } = useTranslation(['settings', 'common']);
  const { user } = useSession();
  const validators = useAuthValidators();
  const [formError, setFormError] = useState<string | null>(null);
  const start = useMutation({ mutationFn: settingsApi.totpSetup });
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { code: '' },
    validate: { code: validators.totp },
  });
  const enable = useMutation({
    mutationFn: (values: { code: string }) => settingsApi.totpEnable(values.code.trim()),
    onSuccess: () => {
      updateSessionUser({ ...user, totpEnabled: true });
      notifications.show({ color: 'petrol', message: t('totp.enabled') });
    },
    onError: (error) => setFormError(applyServerErrors(form, error)),
  });

  if (!start.data) {
    return (
      <Stack gap="xs" align="flex-start">
        <FormAlert message={start.error ? errorMessage(start.error) : null} />
        <Button onClick={() => start.mutate()} loading={start.isPending}>
          {t('totp.setUp')}
        </Button>
      </Stack>
    );
  }

  const { qrDataUrl, secret } = start.data;
  return (
    <form onSubmit={form.onSubmit((values) => enable.mutate(values))} noValidate>
      <Stack>
        <Text size="sm">{t('totp.scan')}</Text>
        <Image src={qrDataUrl} alt={t('totp.qrAlt')} w={200} h={200} fit="contain" />
        <Stack gap={4}>
          <Text size="sm">{t('totp.manual')}</Text>
          <Group gap="xs">
            <Code fz="sm" data-testid="totp-secret">
              {secret}
            </Code>
            <CopyButton value={secret}>
              {({ copied, copy }) => (
                <Button size="compact-sm" variant="default" onClick={copy}>
                  {copied ? t('common:actions.copied') : t('totp.copySecret')}
                </Button>
              )}
            </CopyButton>
          </Group>
        </Stack>
        <FormAlert message={formError} />
        <TextInput
          label={t('common:fields.totpCode')}
          description={t('totp.codeHint')}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          required
          maw={240}
          key={form.key('code')}
          {...form.getInputProps('code')}
        />
        <Group>
          <Button type="submit" loading={enable.isPending}>
            {t('totp.enable')}
          </Button>
          <Button variant="default" onClick={() => start.reset()}>
            {t('common:actions.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
