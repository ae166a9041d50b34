import { Anchor, Card, Divider, Group, Stack, Text, Title } from '@mantine/core';
import type { MembershipSummary } from '@nahbar/common';
import { IconExternalLink } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '../../../components/page-loader.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { useFormatters } from '../../../components/use-formatters.ts';
import { channelKeys, channelsApi } from '../../channels/channels-api.ts';
import { NetworkIcon } from '../../channels/network-icon.tsx';
import { useOrgAccess } from '../../settings/use-org-access.ts';
import { ClassBadges, HiddenBadge, InboxStatusBadge } from '../class-badges.tsx';
import { DueMarker } from '../due-marker.tsx';
import { atHandle } from '../handle.ts';
import { inboxApi, inboxKeys } from '../inbox-api.ts';
import { Conversation } from './conversation.tsx';
import { CounsellingHint, CrisisAlert } from './crisis-alert.tsx';
import { EvidenceList } from './evidence-list.tsx';
import { HighlightedText, SignalLegend } from './highlighted-text.tsx';
import { ItemActions } from './item-actions.tsx';
import { ModerationCard } from './moderation-card.tsx';
import { OurReplies } from './our-replies.tsx';
import { ReplyBox } from './reply-box.tsx';

export function ThreadPanel({ org, itemId }: { org: MembershipSummary; itemId: string }) {
  const { t } = useTranslation(['inbox', 'channels']);
  const { formatDateTime } = useFormatters();
  const { allowed } = useOrgAccess();
  const canAnswer = allowed('inbox.answer');
  const thread = useQuery({
    queryKey: inboxKeys.thread(org.id, itemId),
    queryFn: () => inboxApi.thread(org.id, itemId),
  });
  const settings = useQuery({ queryKey: inboxKeys.settings(org.id), queryFn: () => inboxApi.settings(org.id) });
  const channels = useQuery({ queryKey: channelKeys.list(org.id), queryFn: () => channelsApi.list(org.id) });

  if (thread.isPending) return <PageLoader />;
  // A failed background refresh keeps what is shown (and an open dialog with a typed reason).
  if (thread.isError && !thread.data) {
    return <QueryError error={thread.error} onRetry={() => void thread.refetch()} />;
  }
  const { item } = thread.data;
  const channel = channels.data?.find((c) => c.id === item.channelId);
  const network = t(`channels:networks.${item.network}`);

  return (
    <Stack gap="md" component="article" aria-labelledby={`thread-${item.id}`}>
      <Stack gap={4}>
        <Group gap="xs" wrap="nowrap">
          <NetworkIcon network={item.network} size={22} />
          <Title order={2} size="h3" id={`thread-${item.id}`}>
            {t('thread.title', { name: item.author.displayName ?? item.author.handle })}
          </Title>
        </Group>
        <Text size="sm" c="dimmed">
          {item.author.url ? (
            <Anchor href={item.author.url} target="_blank" rel="noopener noreferrer" size="sm" underline="always">
              {atHandle(item.author.handle)}
            </Anchor>
          ) : (
            atHandle(item.author.handle)
          )}
          {` · ${item.channelName} · ${formatDateTime(item.receivedAt, org.timeZone)}`}
        </Text>
        <Group gap="xs" wrap="wrap">
          <InboxStatusBadge status={item.status} />
          {item.hiddenAt && <HiddenBadge />}
          <DueMarker item={item} timeZone={org.timeZone} />
          {item.responseMinutes !== null && (
            <Text size="sm" c="dimmed">
              {t('item.responseTime', { minutes: item.responseMinutes })}
            </Text>
          )}
        </Group>
      </Stack>

      {item.classes.includes('crisis') && (
        <CrisisAlert settings={settings.data} canConfigure={allowed('inbox.settings')} />
      )}
      {item.classes.includes('counselling') && <CounsellingHint settings={settings.data} />}

      {item.post && (
        <Card withBorder padding="sm" radius="md" bg="var(--mantine-color-gray-0)">
          <Text size="xs" fw={700} c="dimmed">
            {t('thread.ourPost')}
          </Text>
          <Text size="sm" lineClamp={6} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {item.post.text}
          </Text>
          {item.post.url && (
            <Anchor href={item.post.url} target="_blank" rel="noopener noreferrer" size="sm">
              {t('thread.viewPost', { network })} <IconExternalLink size={12} aria-hidden />
            </Anchor>
          )}
        </Card>
      )}

      <Conversation items={thread.data.conversation} timeZone={org.timeZone} />

      <Card withBorder padding="md" radius="md" component="section" aria-labelledby={`text-${item.id}`}>
        <Stack gap="sm">
          <Group justify="space-between" wrap="wrap">
            <Title order={3} size="h5" id={`text-${item.id}`}>
              {t(`kind.${item.kind}`)}
            </Title>
            <ClassBadges classes={item.classes} />
          </Group>
          <HighlightedText item={item} />
          {item.url && (
            <Anchor href={item.url} target="_blank" rel="noopener noreferrer" size="sm">
              {t('thread.viewItem', { network })} <IconExternalLink size={12} aria-hidden />
            </Anchor>
          )}
          <Divider />
          <SignalLegend item={item} />
        </Stack>
      </Card>

      <ItemActions orgId={org.id} item={item} canAnswer={canAnswer} />
      <OurReplies orgId={org.id} replies={thread.data.replies} timeZone={org.timeZone} />
      {canAnswer && (
        <ReplyBox
          org={org}
          item={item}
          channel={channel}
          settings={settings.data}
          approval={thread.data.replyApproval}
        />
      )}
      {canAnswer && <ModerationCard orgId={org.id} thread={thread.data} />}
      <EvidenceList orgId={org.id} thread={thread.data} timeZone={org.timeZone} canDownload={canAnswer} />
    </Stack>
  );
}
