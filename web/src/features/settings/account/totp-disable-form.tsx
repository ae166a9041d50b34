import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { updateSessionUser, useSession } from '../../../app/session.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { applyServerErrors } from '../../../components/server-errors.ts';
import { useAuthValidators } from '../../auth/validators.ts';
import { settingsApi } from '../settings-api.ts';

type Values = { password: string; code: string };

export function TotpDisableForm() {
  const { t } = useTranslation(['settings', 'common']);
  const { user } = useSession();
  const validators = useAuthValidators();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({
    mode: 'uncontrolled',
    initialValues: { password: '', code: '' },
    validate: { password: (value) => (value ? null : t('common:validation.required')), code: validators.totp },
  });
  const disable = useMutation({
    mutationFn: (values: Values) => settingsApi.totpDisable({ password: values.password, code: values.code.trim() }),
    onSuccess: () => {
      updateSessionUser({ ...user, totpEnabled: false });
      notifications.show({ color: 'petrol', message: t('totp.disabled') });
    },
    onError: (error) => setFormError(applyServerErrors(form, error)),
  });

  return (
    <form onSubmit={form.onSubmit((values) => disable.mutate(values))} noValidate>
      <Stack>
        <FormAlert message={formError} />
        <PasswordInput
          label={t('common:fields.password')}
          autoComplete="current-password"
          required
          maw={360}
          key={form.key('password')}
          {...form.getInputProps('password')}
        />
        <TextInput
          label={t('common:fields.totpCode')}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          required
          maw={240}
          key={form.key('code')}
          {...form.getInputProps('code')}
        />
        <Button
          type="submit"
          color="red"
          variant="light"
          loading={disable.isPending}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('totp.disable')}
        </Button>
      </Stack>
    </form>
  );
}
