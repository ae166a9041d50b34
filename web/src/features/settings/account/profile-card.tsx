import { Button, Card, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyLanguage, type UiLanguage } from '../../../app/i18n.ts';
import { updateSessionUser, useSession } from '../../../app/session.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { LanguageSelect } from '../../../components/language-select.tsx';
import { applyServerErrors } from '../../../components/server-errors.ts';
import { settingsApi } from '../settings-api.ts';

type Values = { name: string; language: UiLanguage };

export function ProfileCard() {
  const { t } = useTranslation(['settings', 'common']);
  const { user } = useSession();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({
    mode: 'uncontrolled',
    initialValues: { name: user.name, language: user.language },
    validate: { name: (value) => (value.trim() ? null : t('common:validation.required')) },
  });
  const save = useMutation({
    mutationFn: (values: Values) => settingsApi.updateMe({ name: values.name.trim(), language: values.language }),
    onSuccess: async (updated) => {
      setFormError(null);
      await applyLanguage(updated.language);
      updateSessionUser(updated);
      notifications.show({ color: 'petrol', message: t('account.profileSaved') });
    },
    onError: (error) => setFormError(applyServerErrors(form, error)),
  });

  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="profile-title">
      <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
        <Stack>
          <Title order={2} size="h3" id="profile-title">
            {t('account.profileTitle')}
          </Title>
          <FormAlert message={formError} />
          <TextInput label={t('common:fields.email')} value={user.email} readOnly />
          <TextInput
            label={t('common:fields.name')}
            autoComplete="name"
            required
            key={form.key('name')}
            {...form.getInputProps('name')}
          />
          <LanguageSelect
            label={t('common:fields.uiLanguage')}
            key={form.key('language')}
            {...form.getInputProps('language')}
          />
          <Button type="submit" loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('account.saveProfile')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
