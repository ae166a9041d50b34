import { Button, Card, Group, NumberInput, Stack, Text, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { DEFAULT_PRIVACY_SETTINGS } from '@nahbar/common';
import { useTranslation } from 'react-i18next';
import { AGE_LIMITS, type PrivacySettingsValues, validateAges } from './privacy-settings-values.ts';

type Props = { form: UseFormReturnType<PrivacySettingsValues>; editable: boolean; onReset: () => void };

/** The two age limits, the usual German practice explained, and what the chosen values mean. */
export function PrivacyAgeRules({ form, editable, onReset }: Props) {
  const { t } = useTranslation('people');
  const values = form.getValues();
  const valid = Object.values(validateAges(values)).every((p) => p === null);
  const under = Number(values.guardiansOnlyUnder);
  const adult = Number(values.adultFrom);

  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="privacy-ages-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="privacy-ages-title">
          {t('settings.ages.title')}
        </Title>
        <Text size="sm">{t('settings.ages.explain')}</Text>
        <Text size="sm" c="dimmed">
          {t('settings.ages.legal')}
        </Text>
        <Group grow align="flex-start">
          {(['guardiansOnlyUnder', 'adultFrom'] as const).map((field) => (
            <NumberInput
              key={field}
              label={t(`settings.ages.${field}`)}
              description={t('settings.ages.defaultHint', { value: DEFAULT_PRIVACY_SETTINGS[field] })}
              suffix={t('settings.ages.years')}
              min={AGE_LIMITS[field].min}
              max={AGE_LIMITS[field].max}
              allowDecimal={false}
              disabled={!editable}
              {...form.getInputProps(field)}
            />
          ))}
        </Group>
        {valid && (
          <Text size="sm" fw={500} aria-live="polite">
            {adult > under
              ? t('settings.ages.summary', { under, last: adult - 1, adult })
              : t('settings.ages.summaryNoYouth', { under, adult })}
          </Text>
        )}
        {editable && (
          <Group>
            <Button size="xs" variant="default" onClick={onReset}>
              {t('settings.ages.reset')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
