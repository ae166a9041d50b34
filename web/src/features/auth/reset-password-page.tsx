import { Alert, Anchor, Button, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCircleCheck } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../app/api.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { PublicLayout } from '../../components/public-layout.tsx';
import { applyServerErrors } from '../../components/server-errors.ts';
import { authApi } from './auth-api.ts';
import { useAuthValidators } from './validators.ts';

export function ResetPasswordPage() {
  const { t } = useTranslation(['auth', 'common']);
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token') ?? '';
  const validators = useAuthValidators();
  const [formError, setFormError] = useState<string | null>(null);
  const [tokenInvalid, setTokenInvalid] = useState(token.length === 0);

  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { password: '' },
    validate: { password: validators.newPassword },
  });
  const confirm = useMutation({
    mutationFn: (values: { password: string }) => authApi.confirmPasswordReset(token, values.password),
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'token_invalid') {
        setTokenInvalid(true);
        return;
      }
      setFormError(applyServerErrors(form, error));
    },
  });

  let content: React.ReactNode;
  if (confirm.isSuccess) {
    content = (
      <Alert color="petrol" icon={<IconCircleCheck aria-hidden />} role="status" title={t('reset.doneTitle')}>
        {t('reset.doneText')}
      </Alert>
    );
  } else if (tokenInvalid) {
    content = (
      <Alert color="red" role="alert" title={t('reset.invalidTitle')}>
        {t('reset.invalidText')}{' '}
        <Anchor component={Link} to="/passwort-vergessen">
          {t('reset.requestNew')}
        </Anchor>
      </Alert>
    );
  } else {
    content = (
      <form onSubmit={form.onSubmit((values) => confirm.mutate(values))} noValidate>
        <Stack>
          <FormAlert message={formError} />
          <PasswordInput
            label={t('common:fields.newPassword')}
            description={t('common:hints.passwordLength')}
            autoComplete="new-password"
            required
            key={form.key('password')}
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={confirm.isPending} fullWidth>
            {t('reset.submit')}
          </Button>
        </Stack>
      </form>
    );
  }

  return (
    <PublicLayout title={t('reset.title')}>
      {content}
      <Anchor component={Link} to="/anmelden" size="sm" ta="center">
        {t('backToSignIn')}
      </Anchor>
    </PublicLayout>
  );
}
