import { Anchor, Card, Group, Progress, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { Role } from '@nahbar/common';
import { can } from '@nahbar/common/rules/roles';
import { IconCheck, IconCircleDashed } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { keys, settingsApi } from '../settings/settings-api.ts';

type Step = { key: 'organisation' | 'team' | 'twoFactor'; done: boolean; to?: string };

/** Only steps the data can really confirm; nothing is ticked by guesswork. */
export function GettingStarted({ orgId, roles, totpEnabled }: { orgId: string; roles: Role[]; totpEnabled: boolean }) {
  const { t } = useTranslation('overview');
  const members = useQuery({ queryKey: keys.members(orgId), queryFn: () => settingsApi.members(orgId) });
  const canManageMembers = can(roles, 'members.manage');

  const steps: Step[] = [
    { key: 'organisation', done: true, to: '/einstellungen/organisation' },
    {
      key: 'team',
      done: (members.data?.length ?? 0) > 1,
      to: canManageMembers ? '/einstellungen/mitglieder' : undefined,
    },
    { key: 'twoFactor', done: totpEnabled, to: '/einstellungen/konto' },
  ];
  const doneCount = steps.filter((step) => step.done).length;

  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="getting-started-title">
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} size="h4" id="getting-started-title">
            {t('gettingStarted.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('gettingStarted.progress', { done: doneCount, total: steps.length })}
          </Text>
          <Progress value={(doneCount / steps.length) * 100} aria-hidden size="sm" />
        </Stack>
        <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {steps.map((step) => (
            <Group component="li" key={step.key} gap="sm" wrap="nowrap" align="flex-start">
              <ThemeIcon
                variant={step.done ? 'filled' : 'light'}
                color={step.done ? 'petrol' : 'gray'}
                radius="xl"
                size={26}
                aria-hidden
              >
                {step.done ? <IconCheck size={16} /> : <IconCircleDashed size={16} />}
              </ThemeIcon>
              <Stack gap={2}>
                <Text fw={500}>
                  {t(`gettingStarted.steps.${step.key}.title`)}
                  <Text span size="sm" c="dimmed">
                    {' · '}
                    {step.done ? t('gettingStarted.done') : t('gettingStarted.open')}
                  </Text>
                </Text>
                <Text size="sm" c="dimmed">
                  {t(`gettingStarted.steps.${step.key}.text`)}
                </Text>
                {step.to && !step.done && (
                  <Anchor component={Link} to={step.to} size="sm">
                    {t(`gettingStarted.steps.${step.key}.action`)}
                  </Anchor>
                )}
              </Stack>
            </Group>
          ))}
        </Stack>
      </Stack>
    </Card>
  );
}
