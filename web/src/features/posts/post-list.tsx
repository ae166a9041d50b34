import { Anchor, Badge, Card, Center, Group, Image, Stack, Text, Title } from '@mantine/core';
import type { Post, PostTarget } from '@nahbar/common';
import { IconMovie, IconPencil } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../components/use-formatters.ts';
import { TakedownModal } from './takedown-modal.tsx';
import { type TargetPermissions, TargetRow } from './target-row.tsx';

type Props = {
  orgId: string;
  timeZone: string;
  posts: Post[];
  can: TargetPermissions;
  filtered: boolean;
  /** The filter bar, shown under the heading. */
  filters?: ReactNode;
  /** "Mehr laden" under the last card, while the server has older posts. */
  more?: ReactNode;
};

export function PostList({ orgId, timeZone, posts, can, filtered, filters, more }: Props) {
  const { t } = useTranslation('posts');
  const [takingDown, setTakingDown] = useState<PostTarget | null>(null);
  return (
    <Stack component="section" aria-labelledby="post-list-title" gap="sm">
      <Title order={2} size="h3" id="post-list-title">
        {t('list.title')}
      </Title>
      {filters}
      {posts.length === 0 && <Text c="dimmed">{filtered ? t('list.noMatch') : t('list.empty')}</Text>}
      {posts.map((post) => (
        <PostCard key={post.id} orgId={orgId} timeZone={timeZone} post={post} can={can} onTakedown={setTakingDown} />
      ))}
      {more}
      <TakedownModal orgId={orgId} target={takingDown} onClose={() => setTakingDown(null)} />
    </Stack>
  );
}

function PostCard({
  orgId,
  timeZone,
  post,
  can,
  onTakedown,
}: Omit<Props, 'posts' | 'filtered' | 'filters' | 'more'> & {
  post: Post;
  onTakedown: (target: PostTarget) => void;
}) {
  const { t } = useTranslation('posts');
  const { formatDateTime } = useFormatters();
  const label = post.text.slice(0, 80) || t('list.untitled');
  return (
    <Card withBorder padding="md" radius="md" component="article" aria-label={label}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text size="xs" c="dimmed">
            {t('list.createdAt', { when: formatDateTime(post.createdAt, timeZone) })}
            {post.authorName && ` · ${t('list.author', { name: post.authorName })}`}
            {post.media.length > 0 && ` · ${t('list.media', { count: post.media.length })}`}
          </Text>
          <Anchor
            component={Link}
            to={`/beitraege/${post.id}`}
            size="sm"
            aria-label={t('list.editLabel', { text: label })}
          >
            <IconPencil size={14} aria-hidden /> {t('list.edit')}
          </Anchor>
        </Group>
        <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} lineClamp={8}>
          {post.text}
        </Text>
        {post.tags.length > 0 && (
          <Group gap={4} aria-label={t('list.tags')}>
            {post.tags.map((tag) => (
              <Badge key={tag} variant="light" color="gray" c="var(--mantine-color-text)" tt="none">
                {tag}
              </Badge>
            ))}
          </Group>
        )}
        {post.media.length > 0 && (
          <Group gap="xs">
            {post.media.map((m) =>
              m.thumbUrl ? (
                <Image key={m.mediaId} src={m.thumbUrl} alt={m.alt} w={72} h={72} fit="cover" radius="sm" />
              ) : (
                // A video has no still yet (no decoder on the server): an icon, named by its description.
                <Center
                  key={m.mediaId}
                  w={72}
                  h={72}
                  bg="gray.1"
                  style={{ borderRadius: 4 }}
                  role="img"
                  aria-label={m.alt}
                >
                  <IconMovie size={28} aria-hidden />
                </Center>
              ),
            )}
          </Group>
        )}
        <Stack component="ul" gap={0} m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('list.targets')}>
          {post.targets.map((target) => (
            <TargetRow
              key={target.id}
              orgId={orgId}
              timeZone={timeZone}
              target={target}
              can={can}
              onTakedown={onTakedown}
            />
          ))}
        </Stack>
      </Stack>
    </Card>
  );
}
