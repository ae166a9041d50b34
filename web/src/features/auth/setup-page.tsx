import { Button, Fieldset, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { SetupInput } from '@nahbar/common';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../app/api.ts';
import { currentLanguage, type UiLanguage } from '../../app/i18n.ts';
import { setSession } from '../../app/session.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { LanguageSelect } from '../../components/language-select.tsx';
import { PublicLayout } from '../../components/public-layout.tsx';
import { applyServerErrors } from '../../components/server-errors.ts';
import { TimeZoneSelect } from '../../components/time-zone-select.tsx';
import { authApi } from './auth-api.ts';
import { useAuthValidators } from './validators.ts';

type Values = {
  organisation: { name: string; timeZone: string; language: UiLanguage };
  owner: { name: string; email: string; password: string };
};

export function SetupPage() {
  const { t } = useTranslation(['auth', 'common']);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const validators = useAuthValidators();
  const [formError, setFormError] = useState<string | null>(null);

  const form = useForm<Values>({
    mode: 'uncontrolled',
    initialValues: {
      organisation: { name: '', timeZone: 'Europe/Berlin', language: currentLanguage() },
      owner: { name: '', email: '', password: '' },
    },
    validate: {
      organisation: { name: validators.required },
      owner: { name: validators.required, email: validators.email, password: validators.newPassword },
    },
  });

  const setup = useMutation({
    mutationFn: (values: Values) => {
      const input: SetupInput = {
        organisation: { ...values.organisation, name: values.organisation.name.trim() },
        owner: { ...values.owner, name: values.owner.name.trim(), email: values.owner.email.trim() },
      };
      return authApi.setup(input);
    },
    onSuccess: (session) => {
      queryClient.setQueryData(['setup'], { needed: false });
      setSession(session);
      navigate('/', { replace: true });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'already_set_up') {
        queryClient.setQueryData(['setup'], { needed: false });
        navigate('/anmelden', { replace: true });
        return;
      }
      setFormError(applyServerErrors(form, error));
    },
  });

  return (
    <PublicLayout title={t('setup.title')} description={t('setup.description')} width={560}>
      <form onSubmit={form.onSubmit((values) => setup.mutate(values))} noValidate>
        <Stack gap="lg">
          <FormAlert message={formError} />
          <Fieldset legend={t('setup.organisationLegend')}>
            <Stack>
              <TextInput
                label={t('common:fields.orgName')}
                description={t('setup.orgNameHint')}
                required
                key={form.key('organisation.name')}
                {...form.getInputProps('organisation.name')}
              />
              <TimeZoneSelect
                label={t('common:fields.timeZone')}
                required
                key={form.key('organisation.timeZone')}
                {...form.getInputProps('organisation.timeZone')}
              />
              <LanguageSelect
                label={t('common:fields.orgLanguage')}
                description={t('setup.orgLanguageHint')}
                required
                key={form.key('organisation.language')}
                {...form.getInputProps('organisation.language')}
              />
            </Stack>
          </Fieldset>
          <Fieldset legend={t('setup.ownerLegend')}>
            <Stack>
              <TextInput
                label={t('common:fields.name')}
                autoComplete="name"
                required
                key={form.key('owner.name')}
                {...form.getInputProps('owner.name')}
              />
              <TextInput
                label={t('common:fields.email')}
                type="email"
                autoComplete="email"
                required
                key={form.key('owner.email')}
                {...form.getInputProps('owner.email')}
              />
              <PasswordInput
                label={t('common:fields.password')}
                description={t('common:hints.passwordLength')}
                autoComplete="new-password"
                required
                key={form.key('owner.password')}
                {...form.getInputProps('owner.password')}
              />
            </Stack>
          </Fieldset>
          <Button type="submit" loading={setup.isPending}>
            {t('setup.submit')}
          </Button>
        </Stack>
      </form>
    </PublicLayout>
  );
}
