import { Anchor, Button, Card, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TakedownTask } from '@nahbar/common';
import { IconAlertTriangle, IconCircleCheck, IconClockHour4, IconExternalLink } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../app/routes.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { useFormatters } from '../../components/use-formatters.ts';
import { peopleApi, peopleKeys } from './people-api.ts';

const STATE_LOOK = {
  pending: { color: 'orange', icon: IconClockHour4 },
  done: { color: 'green', icon: IconCircleCheck },
  failed: { color: 'red', icon: IconAlertTriangle },
} as const;

type Props = { orgId: string; items: TakedownTask[]; timeZone?: string };

/** The Löschbericht: every takedown with where, what, when; manual ones with the link and "Erledigt". */
export function PrivacyTakedownReport({ orgId, items, timeZone }: Props) {
  const { t } = useTranslation('people');
  const pending = items.filter((task) => task.state === 'pending').length;
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="privacy-takedowns">
      <Stack gap="sm">
        <Title order={2} size="h4" id="privacy-takedowns">
          {t('privacy.takedowns.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('privacy.takedowns.description')}
        </Text>
        {items.length === 0 ? (
          <Text size="sm">{t('privacy.takedowns.empty')}</Text>
        ) : (
          <>
            {pending > 0 && (
              <Text size="sm" fw={600} role="status">
                {t('privacy.takedowns.pending', { count: pending })}
              </Text>
            )}
            <Table.ScrollContainer minWidth={720}>
              <Table verticalSpacing="sm" striped>
                <Table.Caption>{t('privacy.takedowns.caption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('privacy.takedowns.post')}</Table.Th>
                    <Table.Th>{t('privacy.takedowns.where')}</Table.Th>
                    <Table.Th>{t('privacy.takedowns.person')}</Table.Th>
                    <Table.Th>{t('privacy.takedowns.what')}</Table.Th>
                    <Table.Th>{t('privacy.takedowns.state')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((task) => (
                    <TakedownRow key={task.id} orgId={orgId} task={task} timeZone={timeZone} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        )}
      </Stack>
    </Card>
  );
}

function TakedownRow({ orgId, task, timeZone }: { orgId: string; task: TakedownTask; timeZone?: string }) {
  const { t } = useTranslation('people');
  const { formatDateTime } = useFormatters();
  const queryClient = useQueryClient();
  const done = useMutation({
    mutationFn: () => peopleApi.takedownDone(orgId, task.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: peopleKeys.takedowns(orgId) });
      void queryClient.invalidateQueries({ queryKey: peopleKeys.dashboard(orgId) });
      notifications.show({ color: 'petrol', message: t('privacy.takedowns.marked') });
    },
  });
  const look = STATE_LOOK[task.state];
  const manualOpen = task.kind === 'manual' && task.state === 'pending';

  return (
    <Table.Tr>
      <Table.Td maw={260}>
        <Anchor component={Link} to={paths.post(task.postId)} size="sm" lineClamp={2}>
          {task.postExcerpt.trim() || t('privacy.blocked.untitled')}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{task.channelName}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{task.personName ?? t('privacy.takedowns.erasedPerson')}</Text>
      </Table.Td>
      <Table.Td>
        <Stack gap={4} align="flex-start">
          <Text size="sm">{t(`privacy.takedowns.kind.${task.kind}`)}</Text>
          {task.remoteUrl && (
            <Anchor href={task.remoteUrl} target="_blank" rel="noreferrer" size="xs">
              {t('privacy.takedowns.remote')} <IconExternalLink size={12} aria-hidden />
            </Anchor>
          )}
          {manualOpen && (
            <Text size="xs" c="dimmed" maw={280}>
              {t('privacy.takedowns.manualHint')}
            </Text>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>
        <Stack gap={4} align="flex-start">
          <StatusBadge color={look.color} icon={look.icon} size="xs">
            {t(`privacy.takedowns.states.${task.state}`)}
          </StatusBadge>
          <Text size="xs" c="dimmed">
            {task.doneAt
              ? t('privacy.takedowns.doneAt', { at: formatDateTime(task.doneAt, timeZone) })
              : t('privacy.takedowns.requestedAt', { at: formatDateTime(task.requestedAt, timeZone) })}
          </Text>
          {task.error && (
            <Text size="xs" c="red.8">
              {task.error}
            </Text>
          )}
          {manualOpen && (
            <Button
              size="compact-xs"
              loading={done.isPending}
              onClick={() => done.mutate()}
              aria-label={t('privacy.takedowns.markDoneFor', { channel: task.channelName })}
            >
              {t('privacy.takedowns.markDone')}
            </Button>
          )}
          <FormAlert message={done.error ? done.error.message : null} />
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}
