import { Button, Drawer, Group, NavLink, Paper, Stack, Text, Title } from '@mantine/core';
import type { Post, PostVersion } from '@nahbar/common';
import { IconRestore } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { errorMessage } from '../../components/server-errors.ts';
import { useFormatters } from '../../components/use-formatters.ts';
import { postKeys, postsApi } from './posts-api.ts';

type Props = {
  orgId: string;
  postId: string;
  timeZone: string;
  opened: boolean;
  onClose: () => void;
  /** Brings `version` back on top of what the editor has saved (pending edits are saved first). */
  restore: (version: number) => Promise<Post>;
  canRestore: boolean;
  onRestored: (post: Post) => void;
};

/** Every saved version with time and author; one can read an older text and bring it back. */
export function VersionHistoryDrawer({
  orgId,
  postId,
  timeZone,
  opened,
  onClose,
  restore: restoreVersion,
  canRestore,
  onRestored,
}: Props) {
  const { t } = useTranslation('posts');
  const { formatDateTime } = useFormatters();
  const [selected, setSelected] = useState<number | null>(null);
  const versions = useQuery({
    queryKey: postKeys.versions(orgId, postId),
    queryFn: () => postsApi.versions(orgId, postId),
    enabled: opened,
  });
  const restore = useMutation({
    mutationFn: restoreVersion,
    onSuccess: (post) => {
      void versions.refetch();
      setSelected(null);
      onRestored(post);
    },
  });
  const shown: PostVersion | undefined = versions.data?.find((v) => v.version === selected) ?? versions.data?.[0];
  const latest = versions.data?.[0]?.version;

  return (
    <Drawer opened={opened} onClose={onClose} title={t('history.title')} position="right" size="lg">
      {versions.isPending && <PageLoader />}
      {versions.isError && <QueryError error={versions.error} onRetry={() => void versions.refetch()} />}
      {versions.data && (
        <Stack>
          <nav aria-label={t('history.list')}>
            {versions.data.map((version) => (
              <NavLink
                key={version.version}
                component="button"
                type="button"
                active={version.version === shown?.version}
                aria-current={version.version === shown?.version ? 'true' : undefined}
                label={t('history.entry', {
                  version: version.version,
                  when: formatDateTime(version.createdAt, timeZone),
                })}
                description={version.authorName ?? t('history.unknownAuthor')}
                onClick={() => setSelected(version.version)}
              />
            ))}
          </nav>
          {shown && (
            <Paper withBorder p="md" radius="md" component="section" aria-labelledby="version-text-title">
              <Stack gap="xs">
                <Title order={3} size="h5" id="version-text-title">
                  {t('history.textOf', { version: shown.version })}
                </Title>
                <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{shown.snapshot.text}</Text>
                {shown.snapshot.tags.length > 0 && (
                  <Text size="sm" c="dimmed">
                    {t('history.tags', { tags: shown.snapshot.tags.join(', ') })}
                  </Text>
                )}
                {shown.snapshot.targets.some((target) => target.text !== null) && (
                  <Text size="sm" c="dimmed">
                    {t('history.hasVariants')}
                  </Text>
                )}
                <FormAlert message={restore.error ? errorMessage(restore.error) : null} />
                {canRestore && shown.version !== latest && (
                  <Group>
                    <Button
                      leftSection={<IconRestore size={16} aria-hidden />}
                      loading={restore.isPending}
                      onClick={() => restore.mutate(shown.version)}
                    >
                      {t('history.restore')}
                    </Button>
                  </Group>
                )}
              </Stack>
            </Paper>
          )}
        </Stack>
      )}
    </Drawer>
  );
}
