import { Badge, Group, Image, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { PublicReview } from '@nahbar/common';
import { useTranslation } from 'react-i18next';

/** The post as it will go out: the text, each channel's own wording, the pictures with their descriptions. */
export function ReviewLinkPost({ post }: { post: PublicReview['post'] }) {
  const { t, i18n } = useTranslation('approvals');
  const locale = i18n.language === 'en' ? 'en-GB' : 'de-DE';
  const due = post.dueAt
    ? new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short' }).format(new Date(post.dueAt))
    : null;
  // A channel that posts the base text unchanged needs no box of its own.
  const variants = post.variants.filter((v) => v.text !== post.text);
  const same = post.variants.filter((v) => v.text === post.text).map((v) => v.channelName);
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {due ? t('reviewLink.due', { when: due }) : t('reviewLink.noDue')}
      </Text>
      <Paper withBorder p="md" radius="md">
        <Stack gap="xs">
          <Group justify="space-between" gap="xs">
            <Title order={2} size="h4">
              {t('reviewLink.text')}
            </Title>
            {same.length > 0 && (
              <Text size="sm" c="dimmed">
                {t('reviewLink.sameOn', { names: same.join(', ') })}
              </Text>
            )}
          </Group>
          <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{post.text}</Text>
        </Stack>
      </Paper>
      {variants.map((variant) => (
        <Paper key={variant.channelName} withBorder p="md" radius="md" bg="var(--mantine-color-gray-0)">
          <Stack gap="xs">
            <Group gap="xs">
              <Title order={2} size="h4">
                {t('reviewLink.variantOn', { name: variant.channelName })}
              </Title>
              <Badge variant="light" color="gray" c="dark.6">
                {variant.network}
              </Badge>
            </Group>
            <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{variant.text}</Text>
          </Stack>
        </Paper>
      ))}
      {post.media.length > 0 && (
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t('reviewLink.pictures', { count: post.media.length })}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            {post.media.map((m) => (
              <Stack key={m.url} gap={4} component="figure" m={0}>
                <Image src={m.url} alt={m.alt} radius="md" mah={360} fit="contain" bg="var(--mantine-color-gray-1)" />
                <Text component="figcaption" size="sm">
                  <Text span fw={600}>
                    {t('reviewLink.altLabel')}
                  </Text>{' '}
                  {m.alt}
                </Text>
              </Stack>
            ))}
          </SimpleGrid>
        </Stack>
      )}
    </Stack>
  );
}
