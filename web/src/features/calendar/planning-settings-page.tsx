import { Alert, Stack, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NoPermission } from '../../components/no-permission.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { channelKeys, channelsApi } from '../channels/channels-api.ts';
import { useOrgAccess } from '../settings/use-org-access.ts';
import { ChannelSlotsCard } from './channel-slots-card.tsx';
import { SeriesSection } from './series-section.tsx';

/** Einstellungen → Planung: posting times per channel (the queue) and Rubriken. */
export function PlanningSettingsPage() {
  const { t } = useTranslation('calendar');
  const { org, allowed } = useOrgAccess();
  const readable = Boolean(org) && allowed('posts.read');
  const editable = allowed('plan.manage');
  const orgId = org?.id ?? '';
  const channels = useQuery({
    queryKey: channelKeys.list(orgId),
    queryFn: () => channelsApi.list(orgId),
    enabled: readable,
  });
  if (!org || !readable) return <NoPermission />;
  const active = (channels.data ?? []).filter((channel) => channel.status !== 'disconnected');

  return (
    <Stack gap="xl" maw={900}>
      {!editable && (
        <Alert color="gray" icon={<IconLock aria-hidden />}>
          {t('planning.slots.readOnly')}
        </Alert>
      )}
      <Stack gap="sm" component="section" aria-labelledby="slots-title">
        <Title order={2} size="h4" id="slots-title">
          {t('planning.slots.title')}
        </Title>
        <Text size="sm">{t('planning.slots.intro')}</Text>
        {channels.isPending && <PageLoader />}
        {channels.isError && <QueryError error={channels.error} onRetry={() => void channels.refetch()} />}
        {channels.data && active.length === 0 && <Text size="sm">{t('planning.slots.noChannels')}</Text>}
        {active.map((channel) => (
          <ChannelSlotsCard key={channel.id} orgId={org.id} channel={channel} editable={editable} />
        ))}
      </Stack>
      <SeriesSection orgId={org.id} timeZone={org.timeZone} channels={active} editable={editable} />
    </Stack>
  );
}
