import { Button, Card, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { Organisation } from '@nahbar/common';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UiLanguage } from '../../app/i18n.ts';
import { SESSION_KEY } from '../../app/session.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { LanguageSelect } from '../../components/language-select.tsx';
import { NoPermission } from '../../components/no-permission.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { applyServerErrors } from '../../components/server-errors.ts';
import { TimeZoneSelect } from '../../components/time-zone-select.tsx';
import { keys, settingsApi } from './settings-api.ts';
import { useOrgAccess } from './use-org-access.ts';

export function OrganisationSettingsPage() {
  const { org } = useOrgAccess();
  const query = useQuery({
    queryKey: keys.organisation(org?.id ?? ''),
    queryFn: () => settingsApi.organisation(org?.id ?? ''),
    enabled: Boolean(org),
  });
  if (!org) return <NoPermission />;
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  return <OrganisationForm key={query.data.id} organisation={query.data} />;
}

/** Members without org.manage see the values as text rather than as greyed-out fields. */
function OrganisationFacts({ organisation }: { organisation: Organisation }) {
  const { t } = useTranslation(['settings', 'common']);
  const facts = [
    { label: t('common:fields.orgName'), value: organisation.name },
    { label: t('common:fields.timeZone'), value: organisation.timeZone },
    { label: t('common:fields.orgLanguage'), value: t(`common:language.names.${organisation.language}`) },
  ];
  return (
    <Card withBorder padding="lg" radius="md" maw={640}>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('organisation.readOnly')}
        </Text>
        <Stack component="dl" gap="sm" m={0}>
          {facts.map((fact) => (
            <div key={fact.label}>
              <Text component="dt" fw={600} size="sm">
                {fact.label}
              </Text>
              <Text component="dd" m={0}>
                {fact.value}
              </Text>
            </div>
          ))}
        </Stack>
      </Stack>
    </Card>
  );
}

type Values = { name: string; timeZone: string; language: UiLanguage };

function OrganisationForm({ organisation }: { organisation: Organisation }) {
  const { allowed } = useOrgAccess();
  if (!allowed('org.manage')) return <OrganisationFacts organisation={organisation} />;
  return <EditableOrganisation organisation={organisation} />;
}

function EditableOrganisation({ organisation }: { organisation: Organisation }) {
  const { t } = useTranslation(['settings', 'common']);
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({
    mode: 'uncontrolled',
    initialValues: { name: organisation.name, timeZone: organisation.timeZone, language: organisation.language },
    validate: { name: (value) => (value.trim() ? null : t('common:validation.required')) },
  });
  const save = useMutation({
    mutationFn: (values: Values) =>
      settingsApi.updateOrganisation(organisation.id, { ...values, name: values.name.trim() }),
    onSuccess: (updated) => {
      setFormError(null);
      queryClient.setQueryData(keys.organisation(updated.id), updated);
      form.resetDirty({ name: updated.name, timeZone: updated.timeZone, language: updated.language });
      // The header and switcher show the name from the session.
      void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
      notifications.show({ color: 'petrol', message: t('organisation.saved') });
    },
    onError: (error) => setFormError(applyServerErrors(form, error)),
  });

  return (
    <Card withBorder padding="lg" radius="md" maw={640}>
      <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            {t('organisation.description')}
          </Text>
          <FormAlert message={formError} />
          <TextInput
            label={t('common:fields.orgName')}
            required
            key={form.key('name')}
            {...form.getInputProps('name')}
          />
          <TimeZoneSelect
            label={t('common:fields.timeZone')}
            description={t('organisation.timeZoneHint')}
            key={form.key('timeZone')}
            {...form.getInputProps('timeZone')}
          />
          <LanguageSelect
            label={t('common:fields.orgLanguage')}
            description={t('organisation.languageHint')}
            key={form.key('language')}
            {...form.getInputProps('language')}
          />
          <Button type="submit" loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('common:actions.save')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
