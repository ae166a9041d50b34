import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ApprovalPolicy } from '@nahbar/common';
import { IconInfoCircle, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NoPermission } from '../../components/no-permission.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { channelKeys, channelsApi } from '../channels/channels-api.ts';
import { useOrgAccess } from '../settings/use-org-access.ts';
import { approvalKeys, approvalsApi } from './approvals-api.ts';
import { DeletePolicyModal } from './delete-policy-modal.tsx';
import { PolicyCard } from './policy-card.tsx';
import { PolicyModal } from './policy-modal.tsx';

/** Settings → Freigaben: which posts need whose approval. Everyone who reads posts sees it; managers change it. */
export function PoliciesPage() {
  const { t } = useTranslation('approvals');
  const { org, allowed } = useOrgAccess();
  const orgId = org?.id ?? '';
  const readable = Boolean(org) && allowed('posts.read');
  const editable = allowed('approvals.manage');
  const [editing, setEditing] = useState<ApprovalPolicy | 'new' | null>(null);
  const [deleting, setDeleting] = useState<ApprovalPolicy | null>(null);
  const policies = useQuery({
    queryKey: approvalKeys.policies(orgId),
    queryFn: () => approvalsApi.policies(orgId),
    enabled: readable,
  });
  const channels = useQuery({
    queryKey: channelKeys.list(orgId),
    queryFn: () => channelsApi.list(orgId),
    enabled: readable,
  });
  if (!org || !readable) return <NoPermission />;
  const channelName = (id: string) => channels.data?.find((c) => c.id === id)?.name;
  const items = policies.data ?? [];

  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="policies-title" maw={900}>
      <Stack>
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h3" id="policies-title">
            {t('policies.title')}
          </Title>
          {editable && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
              {t('policies.add')}
            </Button>
          )}
        </Group>
        <Text size="sm">{t('policies.description')}</Text>
        <Alert color="petrol" variant="light" icon={<IconInfoCircle aria-hidden />} title={t('policies.fourEyesTitle')}>
          {t('policies.fourEyes')}
        </Alert>
        {!editable && (
          <Text size="sm" c="dimmed">
            {t('policies.readOnly')}
          </Text>
        )}
        {policies.isPending && <PageLoader />}
        {policies.isError && <QueryError error={policies.error} onRetry={() => void policies.refetch()} />}
        {policies.isSuccess && items.length === 0 && <Text c="dimmed">{t('policies.empty')}</Text>}
        {items.length > 0 && (
          <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }} aria-labelledby="policies-title">
            {items.map((policy) => (
              <PolicyCard
                key={policy.id}
                orgId={orgId}
                policy={policy}
                editable={editable}
                channelName={channelName}
                onEdit={() => setEditing(policy)}
                onDelete={() => setDeleting(policy)}
              />
            ))}
          </Stack>
        )}
      </Stack>
      {editable && (
        <>
          <PolicyModal
            orgId={orgId}
            editing={editing}
            channels={channels.data ?? []}
            onClose={() => setEditing(null)}
          />
          <DeletePolicyModal orgId={orgId} policy={deleting} onClose={() => setDeleting(null)} />
        </>
      )}
    </Card>
  );
}
