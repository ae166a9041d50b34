import { Button, Group, List, Text } from '@mantine/core';
import type { ReviewLink } from '@nahbar/common';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../components/use-formatters.ts';
import { approvalKeys, approvalsApi } from '../approvals/approvals-api.ts';

function linkState(link: ReviewLink, now: number): 'used' | 'revoked' | 'expired' | 'open' {
  if (link.usedAt) return 'used';
  if (link.revokedAt) return 'revoked';
  return Date.parse(link.expiresAt) <= now ? 'expired' : 'open';
}

/** The external links made for this review: who, until when, used or not — and take back an open one. */
export function ReviewLinksList({ orgId, reviewId, timeZone }: { orgId: string; reviewId: string; timeZone: string }) {
  const { t } = useTranslation('posts');
  const { formatDateTime } = useFormatters();
  const queryClient = useQueryClient();
  const links = useQuery({
    queryKey: approvalKeys.links(orgId, reviewId),
    queryFn: () => approvalsApi.links(orgId, reviewId),
  });
  const revoke = useMutation({
    mutationFn: (linkId: string) => approvalsApi.revokeLink(orgId, linkId),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: approvalKeys.links(orgId, reviewId) }),
  });
  const items = links.data?.items ?? [];
  if (items.length === 0) return null;
  const now = Date.now();
  return (
    <List size="sm" spacing={4} aria-label={t('review.link.listLabel')}>
      {items.map((link) => {
        const state = linkState(link, now);
        return (
          <List.Item key={link.id}>
            <Group gap="xs" wrap="nowrap">
              <Text size="sm">
                {t(`review.link.state.${state}`, { name: link.name, until: formatDateTime(link.expiresAt, timeZone) })}
              </Text>
              {state === 'open' && (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  loading={revoke.isPending && revoke.variables === link.id}
                  aria-label={t('review.link.revokeNamed', { name: link.name })}
                  onClick={() => revoke.mutate(link.id)}
                >
                  {t('review.link.revoke')}
                </Button>
              )}
            </Group>
          </List.Item>
        );
      })}
    </List>
  );
}
