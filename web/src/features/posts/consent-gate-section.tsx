import { Alert, Anchor, Badge, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import type { Channel, ConsentCheckResult } from '@nahbar/common';
import { IconAlertTriangle, IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../app/routes.tsx';
import { errorMessage } from '../../components/server-errors.ts';
import { localeFor } from '../people/privacy-reason-text.ts';
import { consentReasonText } from './consent-reason-text.ts';

type Props = {
  chosen: Channel[];
  needsCheck: boolean;
  result: ConsentCheckResult | undefined;
  pending: boolean;
  error: unknown;
  /** Null: people cannot be unmarked here. */
  onUnmark: ((personId: string) => void) | null;
  saving: boolean;
};

/** The live consent gate: per channel allowed or blocked with every reason, and who is involved. */
export function ConsentGateSection({ chosen, needsCheck, result, pending, error, onUnmark, saving }: Props) {
  const { t, i18n } = useTranslation('posts');
  const locale = localeFor(i18n.language);
  if (chosen.length === 0) return <Text size="sm">{t('composerConsent.noChannels')}</Text>;
  if (!needsCheck) return <Text size="sm">{t('composerConsent.nobody')}</Text>;
  if (error) {
    return (
      <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />}>
        {t('composerConsent.checkFailed', { message: errorMessage(error) })}
      </Alert>
    );
  }
  if (!result) {
    return (
      <Group gap="xs">
        <Loader size="xs" aria-hidden />
        <Text size="sm">{t('composerConsent.checking')}</Text>
      </Group>
    );
  }
  const unreviewed = new Set(result.channels.flatMap((c) => c.result.unreviewedMediaIds)).size;
  return (
    <Stack gap="sm" aria-busy={pending}>
      <Stack
        component="ul"
        gap="xs"
        m={0}
        p={0}
        style={{ listStyle: 'none' }}
        aria-label={t('composerConsent.gateTitle')}
      >
        {result.channels.map(({ channelId, channelName, result: gate }) => {
          const channel = chosen.find((c) => c.id === channelId) ?? null;
          const state = gate.allowed ? t('composerConsent.allowed') : t('composerConsent.blocked');
          return (
            <li key={channelId} data-testid="consent-channel">
              <Group gap="xs">
                {gate.allowed ? (
                  <IconCircleCheck size={18} color="var(--mantine-color-green-8)" aria-hidden />
                ) : (
                  <IconCircleX size={18} color="var(--mantine-color-red-8)" aria-hidden />
                )}
                <Text size="sm" fw={600}>
                  {channelName}
                </Text>
                <Badge
                  size="sm"
                  variant="light"
                  color={gate.allowed ? 'green' : 'red'}
                  c={gate.allowed ? 'var(--mantine-color-text)' : 'red.9'}
                  aria-label={t('composerConsent.channelState', { channel: channelName, state })}
                >
                  {state}
                </Badge>
              </Group>
              {gate.allowed ? (
                <Text size="sm" ml={26}>
                  {t('composerConsent.allowedHint')}
                </Text>
              ) : (
                <Stack component="ul" gap={2} ml={26} pl="md" my={4}>
                  {gate.reasons.map((reason, i) => (
                    <Text component="li" size="sm" key={`${reason.code}-${reason.personId ?? reason.mediaId ?? i}`}>
                      {consentReasonText(t, reason, {
                        channel: channel && { name: channel.name, network: channel.network },
                        people: result.people,
                        locale,
                      })}
                    </Text>
                  ))}
                </Stack>
              )}
            </li>
          );
        })}
      </Stack>
      {unreviewed > 0 && (
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />}>
          {t('composerConsent.unreviewed', { count: unreviewed })}{' '}
          <Anchor component={Link} to={paths.media} size="sm">
            {t('composerConsent.toMedia')}
          </Anchor>
        </Alert>
      )}
      {result.people.length > 0 && (
        <Stack gap={4}>
          <Title order={4} size="h6">
            {t('composerConsent.peopleTitle')}
          </Title>
          <Stack component="ul" gap={4} m={0} p={0} style={{ listStyle: 'none' }}>
            {result.people.map((person) => (
              <Group component="li" key={person.id} gap="xs">
                <Anchor
                  component={Link}
                  to={paths.person(person.id)}
                  size="sm"
                  aria-label={t('composerConsent.toPerson', { name: person.displayName })}
                >
                  {t('composerConsent.personWithAge', {
                    name: person.displayName,
                    group: t(`composerConsent.ageGroups.${person.ageGroup}`),
                  })}
                </Anchor>
                {person.depicted && (
                  <Badge size="xs" variant="light" color="gray" c="var(--mantine-color-text)">
                    {t('composerConsent.depicted')}
                  </Badge>
                )}
                {person.named && (
                  <Badge size="xs" variant="light" color="gray" c="var(--mantine-color-text)">
                    {t('composerConsent.named')}
                  </Badge>
                )}
                {person.named && onUnmark && (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    loading={saving}
                    aria-label={t('composerConsent.unmarkFor', { name: person.displayName })}
                    onClick={() => onUnmark(person.id)}
                  >
                    {t('composerConsent.unmark')}
                  </Button>
                )}
              </Group>
            ))}
          </Stack>
        </Stack>
      )}
    </Stack>
  );
}
