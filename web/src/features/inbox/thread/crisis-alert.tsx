import { Alert, Anchor, List, Stack, Text } from '@mantine/core';
import type { InboxSettings } from '@nahbar/common';
import { counsellingHint, crisisHelp, type HelpNumber } from '@nahbar/common/rules/crisis-help';
import { IconAlertTriangle, IconMessageCircleUser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

function texts<T>(byLanguage: { de: T; en: T }, language: string): T {
  return language === 'en' ? byLanguage.en : byLanguage.de;
}

function Numbers({ numbers }: { numbers: HelpNumber[] }) {
  return (
    <List size="sm" spacing={2}>
      {numbers.map((n) => (
        <List.Item key={n.number}>
          <strong>{n.name}</strong>:{' '}
          <Anchor href={`tel:${n.tel}`} size="sm" fw={700}>
            {n.number}
          </Anchor>{' '}
          – {n.note}
        </List.Item>
      ))}
    </List>
  );
}

/** Crisis wording comes first: the organisation's own procedure, then the public help numbers. */
export function CrisisAlert({
  settings,
  canConfigure,
}: {
  settings: InboxSettings | undefined;
  canConfigure: boolean;
}) {
  const { t, i18n } = useTranslation('inbox');
  const help = texts(crisisHelp, i18n.language);
  return (
    <Alert
      color="red"
      variant="outline"
      icon={<IconAlertTriangle aria-hidden />}
      title={help.title}
      role="alert"
      styles={{ title: { color: 'var(--mantine-color-red-8)', fontSize: 'var(--mantine-font-size-md)' } }}
    >
      <Stack gap="sm">
        <Text size="sm">{help.hint}</Text>
        <div>
          <Text size="sm" fw={700}>
            {t('crisis.procedure')}
          </Text>
          {settings?.crisisProcedure ? (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {settings.crisisProcedure}
            </Text>
          ) : (
            <Text size="sm">
              {help.noProcedure}{' '}
              {canConfigure && (
                <Anchor component={Link} to="/einstellungen/posteingang" size="sm">
                  {t('crisis.configure')}
                </Anchor>
              )}
            </Text>
          )}
        </div>
        <div>
          <Text size="sm" fw={700}>
            {t('crisis.emergency')}
          </Text>
          <Numbers numbers={help.emergency} />
        </div>
        <div>
          <Text size="sm" fw={700}>
            {t('crisis.helpNumbers')}
          </Text>
          <Numbers numbers={help.numbers} />
        </div>
      </Stack>
    </Alert>
  );
}

/** A personal problem told in public: move to a protected channel, never discuss details openly. */
export function CounsellingHint({ settings }: { settings: InboxSettings | undefined }) {
  const { t, i18n } = useTranslation('inbox');
  const hint = texts(counsellingHint, i18n.language);
  return (
    <Alert color="violet" variant="outline" icon={<IconMessageCircleUser aria-hidden />} title={hint.title}>
      <Stack gap={4}>
        <Text size="sm">{hint.hint}</Text>
        <Text size="sm">
          <strong>{t('counselling.protectedChannel')}</strong> {settings?.protectedChannel ?? hint.noProtectedChannel}
        </Text>
      </Stack>
    </Alert>
  );
}
