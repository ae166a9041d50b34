import { Button, Card, PasswordInput, Stack, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/form-alert.tsx';
import { applyServerErrors } from '../../../components/server-errors.ts';
import { useAuthValidators } from '../../auth/validators.ts';
import { settingsApi } from '../settings-api.ts';

type Values = { currentPassword: string; newPassword: string };

export function PasswordCard() {
  const { t } = useTranslation(['settings', 'common']);
  const validators = useAuthValidators();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({
    mode: 'uncontrolled',
    initialValues: { currentPassword: '', newPassword: '' },
    validate: {
      currentPassword: (value) => (value ? null : t('common:validation.required')),
      newPassword: validators.newPassword,
    },
  });
  const change = useMutation({
    mutationFn: (values: Values) => settingsApi.changePassword(values),
    onSuccess: () => {
      setFormError(null);
      form.reset();
      notifications.show({ color: 'petrol', message: t('account.passwordChanged') });
    },
    onError: (error) => setFormError(applyServerErrors(form, error)),
  });

  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="password-title">
      <form onSubmit={form.onSubmit((values) => change.mutate(values))} noValidate>
        <Stack>
          <Title order={2} size="h3" id="password-title">
            {t('account.passwordTitle')}
          </Title>
          <FormAlert message={formError} />
          <PasswordInput
            label={t('common:fields.currentPassword')}
            autoComplete="current-password"
            required
            key={form.key('currentPassword')}
            {...form.getInputProps('currentPassword')}
          />
          <PasswordInput
            label={t('common:fields.newPassword')}
            description={t('common:hints.passwordLength')}
            autoComplete="new-password"
            required
            key={form.key('newPassword')}
            {...form.getInputProps('newPassword')}
          />
          <Button type="submit" loading={change.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('account.changePassword')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
