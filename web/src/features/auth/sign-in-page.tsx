import { Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../app/api.ts';
import { safeReturnPath } from '../../app/guards.tsx';
import { setSession } from '../../app/session.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { PublicLayout } from '../../components/public-layout.tsx';
import { applyServerErrors } from '../../components/server-errors.ts';
import { authApi } from './auth-api.ts';

export function SignInPage() {
  const { t } = useTranslation(['auth', 'common']);
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const [needsCode, setNeedsCode] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const codeRef = useRef<HTMLInputElement>(null);

  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { email: '', password: '', totp: '' },
    validate: {
      email: (value) => (/^\S+@\S+$/.test(value.trim()) ? null : t('common:validation.email')),
      password: (value) => (value ? null : t('common:validation.required')),
      totp: (value) => (!needsCode || /^\d{6}$/.test(value.trim()) ? null : t('common:validation.totp')),
    },
  });

  const login = useMutation({
    mutationFn: (values: typeof form.values) =>
      authApi.login({
        email: values.email.trim(),
        password: values.password,
        totp: needsCode ? values.totp.trim() : undefined,
      }),
    onSuccess: (session) => {
      setSession(session);
      navigate(safeReturnPath(searchParams.get('weiter')), { replace: true });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'totp_required') {
        setNeedsCode(true);
        setFormError(null);
        requestAnimationFrame(() => codeRef.current?.focus());
        return;
      }
      if (error instanceof ApiError && error.code === 'totp_invalid') {
        form.setFieldError('totp', error.message);
        setFormError(null);
        return;
      }
      setFormError(applyServerErrors(form, error));
    },
  });

  return (
    <PublicLayout title={t('signIn.title')} description={t('signIn.description')}>
      <form onSubmit={form.onSubmit((values) => login.mutate(values))} noValidate>
        <Stack>
          <FormAlert message={formError} />
          <TextInput
            label={t('common:fields.email')}
            type="email"
            autoComplete="username"
            required
            key={form.key('email')}
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label={t('common:fields.password')}
            autoComplete="current-password"
            required
            key={form.key('password')}
            {...form.getInputProps('password')}
          />
          {needsCode && (
            <TextInput
              ref={codeRef}
              label={t('common:fields.totpCode')}
              description={t('signIn.totpHint')}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              required
              key={form.key('totp')}
              {...form.getInputProps('totp')}
            />
          )}
          <Button type="submit" loading={login.isPending} fullWidth>
            {t('signIn.submit')}
          </Button>
          <Anchor component={Link} to="/passwort-vergessen" size="sm" ta="center">
            {t('signIn.forgotPassword')}
          </Anchor>
        </Stack>
      </form>
    </PublicLayout>
  );
}
