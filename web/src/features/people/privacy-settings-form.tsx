import { Button, Card, Checkbox, Group, Stack, TagsInput, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { DEFAULT_PRIVACY_SETTINGS, PII_CATEGORIES, type PrivacySettings } from '@nahbar/common';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form-alert.tsx';
import { applyServerErrors } from '../../components/server-errors.ts';
import { peopleApi, peopleKeys } from './people-api.ts';
import { PrivacyAgeRules } from './privacy-age-rules.tsx';
import { type PrivacySettingsValues, toSettings, toValues, validateAges } from './privacy-settings-values.ts';

type Props = { orgId: string; settings: PrivacySettings; editable: boolean };

export function PrivacySettingsForm({ orgId, settings, editable }: Props) {
  const { t } = useTranslation('people');
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<PrivacySettingsValues>({
    initialValues: toValues(settings),
    validate: (values) => {
      const problems = validateAges(values);
      return Object.fromEntries(
        Object.entries(problems).map(([field, p]) => [field, p && t(`settings.ages.${p.key}`, p.params ?? {})]),
      );
    },
  });
  const save = useMutation({
    mutationFn: (values: PrivacySettingsValues) => peopleApi.updatePrivacySettings(orgId, toSettings(values)),
    onSuccess: (saved) => {
      setFormError(null);
      queryClient.setQueryData(peopleKeys.settings(orgId), saved);
      void queryClient.invalidateQueries({ queryKey: peopleKeys.piiContext(orgId) });
      form.setValues(toValues(saved));
      form.resetDirty(toValues(saved));
      notifications.show({ color: 'petrol', message: t('settings.saved') });
    },
    onError: (error) => setFormError(applyServerErrors(form, error)),
  });

  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <Stack gap="lg">
        {!editable && (
          <Text size="sm" c="dimmed">
            {t('settings.readOnly')}
          </Text>
        )}
        <FormAlert message={formError} />
        <PrivacyAgeRules
          form={form}
          editable={editable}
          onReset={() => {
            form.setFieldValue('guardiansOnlyUnder', DEFAULT_PRIVACY_SETTINGS.guardiansOnlyUnder);
            form.setFieldValue('adultFrom', DEFAULT_PRIVACY_SETTINGS.adultFrom);
          }}
        />
        <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="privacy-pii-title">
          <Stack gap="sm">
            <Title order={2} size="h3" id="privacy-pii-title">
              {t('settings.pii.title')}
            </Title>
            <Text size="sm">{t('settings.pii.explain')}</Text>
            <Checkbox.Group label={t('settings.pii.legend')} {...form.getInputProps('piiBlocking')}>
              <Stack gap="sm" mt="xs">
                {PII_CATEGORIES.map((c) => (
                  <Checkbox
                    key={c}
                    value={c}
                    disabled={!editable}
                    label={t(`settings.pii.categories.${c}.label`)}
                    description={t(`settings.pii.categories.${c}.example`)}
                  />
                ))}
              </Stack>
            </Checkbox.Group>
            <TagsInput
              label={t('settings.pii.words')}
              description={t('settings.pii.wordsHint')}
              placeholder={editable ? t('settings.pii.wordsPlaceholder') : undefined}
              maxTags={500}
              disabled={!editable}
              splitChars={[',', ';']}
              {...form.getInputProps('sensitiveWords')}
            />
          </Stack>
        </Card>
        {editable && (
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('settings.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
