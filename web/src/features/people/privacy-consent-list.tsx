import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { Consent } from '@nahbar/common';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../app/routes.tsx';
import { formatDay, localeFor } from './privacy-reason-text.ts';

type Entry = { consent: Consent; personName: string };
type Props = { id: string; variant: 'expiring' | 'withdrawn'; items: Entry[] };

/** Consents ending soon, or withdrawn lately: who, for what, and the day. */
export function PrivacyConsentList({ id, variant, items }: Props) {
  const { t, i18n } = useTranslation('people');
  const locale = localeFor(i18n.language);
  const detail = ({ consent }: Entry) => {
    if (variant === 'expiring')
      return consent.validUntil ? t('privacy.expiring.until', { date: formatDay(consent.validUntil, locale) }) : '';
    const w = consent.withdrawal;
    if (!w) return '';
    return [
      t('privacy.withdrawn.on', { date: formatDay(w.on, locale) }),
      t(`privacy.withdrawnBy.${w.by}`),
      t(`privacy.withdrawnHow.${w.how}`),
    ].join(', ');
  };

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={id}>
          {t(`privacy.${variant}.title`)}
        </Title>
        {items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t(`privacy.${variant}.empty`)}
          </Text>
        ) : (
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
            {items.map((entry) => (
              <Group key={entry.consent.id} component="li" gap="xs" justify="space-between" wrap="wrap">
                <Text size="sm">
                  <Anchor component={Link} to={paths.person(entry.consent.personId)} fw={600}>
                    {entry.personName}
                  </Anchor>{' '}
                  · {t(`privacy.purposes.${entry.consent.purpose}`)}
                </Text>
                <Text size="sm" c="dimmed">
                  {detail(entry)}
                </Text>
              </Group>
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
