import { Button, Card, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { User } from '@nahbar/common';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { currentLanguage, type UiLanguage } from '../../app/i18n.ts';
import { SESSION_KEY } from '../../app/session.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { LanguageSelect } from '../../components/language-select.tsx';
import { applyServerErrors } from '../../components/server-errors.ts';
import { TimeZoneSelect } from '../../components/time-zone-select.tsx';
import { settingsApi } from '../settings/settings-api.ts';

type Values = { name: string; timeZone: string; language: UiLanguage };

/** For accounts without any organisation (e.g. after leaving the last one). */
export function CreateOrganisationCard() {
  const { t } = useTranslation(['overview', 'common']);
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({
    mode: 'uncontrolled',
    initialValues: { name: '', timeZone: 'Europe/Berlin', language: currentLanguage() },
    validate: { name: (value) => (value.trim() ? null : t('common:validation.required')) },
  });
  const create = useMutation({
    mutationFn: async (values: Values) => {
      const org = await settingsApi.createOrganisation({ ...values, name: values.name.trim() });
      await api.patch<User>('/me', { lastOrgId: org.id });
      return org;
    },
    onSuccess: async (org) => {
      await queryClient.invalidateQueries({ queryKey: SESSION_KEY });
      notifications.show({ color: 'petrol', message: t('createOrg.created', { name: org.name }) });
    },
    onError: (error) => setFormError(applyServerErrors(form, error)),
  });

  return (
    <Card withBorder padding="lg" radius="md" maw={560} component="section" aria-labelledby="create-org-title">
      <form onSubmit={form.onSubmit((values) => create.mutate(values))} noValidate>
        <Stack>
          <Title order={2} size="h4" id="create-org-title">
            {t('createOrg.title')}
          </Title>
          <Text size="sm">{t('createOrg.text')}</Text>
          <FormAlert message={formError} />
          <TextInput
            label={t('common:fields.orgName')}
            required
            key={form.key('name')}
            {...form.getInputProps('name')}
          />
          <TimeZoneSelect
            label={t('common:fields.timeZone')}
            key={form.key('timeZone')}
            {...form.getInputProps('timeZone')}
          />
          <LanguageSelect
            label={t('common:fields.orgLanguage')}
            key={form.key('language')}
            {...form.getInputProps('language')}
          />
          <Button type="submit" loading={create.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('createOrg.submit')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
