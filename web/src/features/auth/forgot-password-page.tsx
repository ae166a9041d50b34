import { Alert, Anchor, Button, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconMailCheck } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormAlert } from '../../components/form-alert.tsx';
import { PublicLayout } from '../../components/public-layout.tsx';
import { applyServerErrors } from '../../components/server-errors.ts';
import { authApi } from './auth-api.ts';
import { useAuthValidators } from './validators.ts';

export function ForgotPasswordPage() {
  const { t } = useTranslation(['auth', 'common']);
  const validators = useAuthValidators();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { email: '' },
    validate: { email: validators.email },
  });
  const request = useMutation({
    mutationFn: (values: { email: string }) => authApi.requestPasswordReset(values.email.trim()),
    onSuccess: () => setFormError(null),
    onError: (error) => setFormError(applyServerErrors(form, error)),
  });

  return (
    <PublicLayout title={t('forgot.title')} description={t('forgot.description')}>
      {request.isSuccess ? (
        <Alert color="petrol" icon={<IconMailCheck aria-hidden />} role="status" title={t('forgot.sentTitle')}>
          {t('forgot.sentText')}
        </Alert>
      ) : (
        <form onSubmit={form.onSubmit((values) => request.mutate(values))} noValidate>
          <Stack>
            <FormAlert message={formError} />
            <TextInput
              label={t('common:fields.email')}
              type="email"
              autoComplete="email"
              required
              key={form.key('email')}
              {...form.getInputProps('email')}
            />
            <Button type="submit" loading={request.isPending} fullWidth>
              {t('forgot.submit')}
            </Button>
          </Stack>
        </form>
      )}
      <Anchor component={Link} to="/anmelden" size="sm" ta="center">
        {t('backToSignIn')}
      </Anchor>
    </PublicLayout>
  );
}
