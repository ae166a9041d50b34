import { Alert, Anchor, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { PrivacyDashboard } from '@nahbar/common';
import { IconRefresh } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../app/routes.tsx';
import { NoPermission } from '../../components/no-permission.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useOrgAccess } from '../settings/use-org-access.ts';
import { peopleApi, peopleKeys } from './people-api.ts';
import { PrivacyBlockedPosts } from './privacy-blocked-posts.tsx';
import { PrivacyConsentList } from './privacy-consent-list.tsx';
import { PrivacyTakedownReport } from './privacy-takedown-report.tsx';

/** While a takedown is pending the report refreshes itself: automatic ones finish within minutes. */
const LIVE_MS = 5_000;

/** /datenschutz: the privacy officer's overview and the takedown report. */
export function PrivacyPage() {
  const { t } = useTranslation('people');
  const { org, allowed } = useOrgAccess();
  const orgId = org?.id ?? '';
  const readable = Boolean(org) && allowed('privacy.officer');
  const takedowns = useQuery({
    queryKey: peopleKeys.takedowns(orgId),
    queryFn: () => peopleApi.takedowns(orgId),
    enabled: readable,
    refetchInterval: (q) => (q.state.data?.items.some((task) => task.state === 'pending') ? LIVE_MS : false),
  });
  const live = takedowns.data?.items.some((task) => task.state === 'pending') ?? false;
  const dashboard = useQuery({
    queryKey: peopleKeys.dashboard(orgId),
    queryFn: () => peopleApi.dashboard(orgId),
    enabled: readable,
    refetchInterval: (q) => (live || (q.state.data?.pendingTakedowns ?? 0) > 0 ? LIVE_MS : false),
  });
  if (!org || !readable) return <NoPermission />;

  return (
    <Stack gap="lg">
      <PageHeader title={t('privacy.title')} description={t('privacy.description')} />
      {live && (
        <Alert color="petrol" variant="light" icon={<IconRefresh aria-hidden />} role="status">
          {t('privacy.live')}
        </Alert>
      )}
      {dashboard.isPending && <PageLoader />}
      {dashboard.isError && <QueryError error={dashboard.error} onRetry={() => void dashboard.refetch()} />}
      {dashboard.data && <DashboardSections data={dashboard.data} timeZone={org.timeZone} />}
      {takedowns.isError && <QueryError error={takedowns.error} onRetry={() => void takedowns.refetch()} />}
      {takedowns.data && <PrivacyTakedownReport orgId={orgId} items={takedowns.data.items} timeZone={org.timeZone} />}
    </Stack>
  );
}

function DashboardSections({ data, timeZone }: { data: PrivacyDashboard; timeZone: string }) {
  const { t } = useTranslation('people');
  const stats = [
    { key: 'blocked', value: data.blockedPosts.length },
    { key: 'expiring', value: data.expiring.length },
    { key: 'withdrawn', value: data.withdrawn.length },
    { key: 'unreviewed', value: data.unreviewedMedia },
    { key: 'pending', value: data.pendingTakedowns },
  ] as const;
  return (
    <>
      <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }} component="dl" m={0} spacing="sm">
        {stats.map((s) => (
          <Card key={s.key} withBorder radius="md" padding="sm">
            <Text component="dt" size="sm" c="dimmed">
              {t(`privacy.stats.${s.key}`)}
            </Text>
            <Text component="dd" m={0} fw={700} fz="xl">
              {s.value}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      <PrivacyBlockedPosts items={data.blockedPosts} timeZone={timeZone} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <PrivacyConsentList id="privacy-expiring" variant="expiring" items={data.expiring} />
        <PrivacyConsentList id="privacy-withdrawn" variant="withdrawn" items={data.withdrawn} />
      </SimpleGrid>
      <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="privacy-unreviewed">
        <Stack gap="xs">
          <Title order={2} size="h4" id="privacy-unreviewed">
            {t('privacy.unreviewed.title')}
          </Title>
          <Group justify="space-between" wrap="wrap">
            <Text size="sm">
              {data.unreviewedMedia > 0
                ? t('privacy.unreviewed.count', { count: data.unreviewedMedia })
                : t('privacy.unreviewed.none')}
            </Text>
            <Anchor component={Link} to={paths.media} size="sm">
              {t('privacy.unreviewed.link')}
            </Anchor>
          </Group>
        </Stack>
      </Card>
    </>
  );
}
