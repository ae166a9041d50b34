import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import type { PostTarget } from '@nahbar/common';
import { IconExternalLink } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../components/use-formatters.ts';
import { NetworkIcon } from '../channels/network-icon.tsx';
import { TargetStateBadge } from './target-state-badge.tsx';
import { type TargetAction, useTargetAction } from './use-target-action.ts';

export type TargetPermissions = { publish: boolean; takedown: boolean };

type Props = {
  orgId: string;
  timeZone: string;
  target: PostTarget;
  can: TargetPermissions;
  onTakedown: (target: PostTarget) => void;
};

const PUBLISHABLE = ['draft', 'approved', 'scheduled', 'held', 'failed'];
const CANCELLABLE = ['draft', 'in_review', 'approved', 'scheduled', 'held', 'failed'];

/** Why a target waits for a person: too late (the default), a consent missing, an approval missing. */
function heldText(target: PostTarget): 'target.held' | 'target.heldConsent' | 'target.heldApproval' {
  if (target.error?.kind === 'consent') return 'target.heldConsent';
  if (target.error?.kind === 'approval') return 'target.heldApproval';
  return 'target.held';
}

export function TargetRow({ orgId, timeZone, target, can, onTakedown }: Props) {
  const { t } = useTranslation(['posts', 'channels']);
  const { formatDateTime } = useFormatters();
  const act = useTargetAction(orgId);
  const busy = (action: TargetAction) =>
    act.isPending && act.variables?.target.id === target.id && act.variables.action === action;
  const publishLabel = target.state === 'failed' ? t('actions.retry') : t('actions.publishNow');
  const cancelLabel = ['held', 'failed'].includes(target.state) ? t('actions.discard') : t('actions.cancel');
  // Only a late hold is resolved by publishing; consent and approval holds by fixing their cause.
  const lateHold = target.state === 'held' && heldText(target) === 'target.held';
  const forChannel = (action: string) => t('actions.forChannel', { action, name: target.channelName });

  return (
    <Stack gap={6} component="li" py="xs">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap={6} wrap="nowrap">
          <NetworkIcon network={target.network} size={18} />
          <Text fw={600} size="sm">
            {target.channelName}
          </Text>
        </Group>
        <TargetStateBadge target={target} timeZone={timeZone} />
      </Group>
      {target.state === 'published' && (
        <Text size="sm">
          {target.publishedAt &&
            `${t('target.publishedAt', { when: formatDateTime(target.publishedAt, timeZone) })} · `}
          {target.remoteUrl && (
            <Anchor href={target.remoteUrl} target="_blank" rel="noopener noreferrer" size="sm">
              {target.network === 'feed'
                ? t('target.viewFeed')
                : t('target.view', { network: t(`channels:networks.${target.network}`) })}{' '}
              <IconExternalLink size={12} aria-hidden />
            </Anchor>
          )}
        </Text>
      )}
      {target.state === 'taken_down' && target.takenDownAt && (
        <Text size="sm" c="dimmed">
          {t('target.takenDownAt', { when: formatDateTime(target.takenDownAt, timeZone) })}
        </Text>
      )}
      {target.state === 'held' && <Text size="sm">{t(heldText(target))}</Text>}
      {target.state === 'published' && target.takedownRequestedAt && !target.error && (
        <Text size="sm" c="dimmed">
          {t('target.takedownPending')}
        </Text>
      )}
      {target.error && (target.state === 'failed' || target.state === 'published' || target.state === 'scheduled') && (
        <Text size="sm">
          {target.state === 'published'
            ? t('target.takedownFailed')
            : target.state === 'scheduled'
              ? t('target.retrying', { reason: t(`errorKind.${target.error.kind}`) })
              : t(`errorKind.${target.error.kind}`)}
          {target.error.networkMessage && (
            <>
              {' '}
              <strong>{t('target.networkSays')}</strong> <q>{target.error.networkMessage}</q>
            </>
          )}
          {target.attempts > 1 && ` (${t('target.attempts', { count: target.attempts })})`}
        </Text>
      )}
      <Group gap="xs">
        {can.publish && PUBLISHABLE.includes(target.state) && (
          <Button
            size="compact-sm"
            variant={lateHold || target.state === 'failed' ? 'filled' : 'default'}
            loading={busy('schedule')}
            onClick={() => act.mutate({ action: 'schedule', target })}
            aria-label={forChannel(publishLabel)}
          >
            {publishLabel}
          </Button>
        )}
        {can.publish && CANCELLABLE.includes(target.state) && (
          <Button
            size="compact-sm"
            variant="default"
            loading={busy('cancel')}
            onClick={() => act.mutate({ action: 'cancel', target })}
            aria-label={forChannel(cancelLabel)}
          >
            {cancelLabel}
          </Button>
        )}
        {can.takedown && target.state === 'published' && (
          <Button
            size="compact-sm"
            variant="subtle"
            color="red"
            onClick={() => onTakedown(target)}
            aria-label={forChannel(t('actions.takedown'))}
          >
            {t('actions.takedown')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
