import { Anchor, Card, List, Stack, Text, Title } from '@mantine/core';
import type { PrivacyDashboard } from '@nahbar/common';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../app/routes.tsx';
import { useFormatters } from '../../components/use-formatters.ts';
import { gateReasonText, localeFor } from './privacy-reason-text.ts';

type Props = { items: PrivacyDashboard['blockedPosts']; timeZone?: string };

/** Planned posts the gate holds back, each with why in plain words and a way to the post. */
export function PrivacyBlockedPosts({ items, timeZone }: Props) {
  const { t, i18n } = useTranslation('people');
  const { formatDateTime } = useFormatters();
  const locale = localeFor(i18n.language);
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="privacy-blocked">
      <Stack gap="sm">
        <Title order={2} size="h4" id="privacy-blocked">
          {t('privacy.blocked.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {items.length === 0 ? t('privacy.blocked.empty') : t('privacy.blocked.description')}
        </Text>
        {items.length > 0 && (
          <Stack component="ul" gap="md" p={0} m={0} style={{ listStyle: 'none' }}>
            {items.map((post) => (
              <li key={`${post.postId}-${post.channelName}`}>
                <Anchor component={Link} to={paths.post(post.postId)} fw={600} size="sm" lineClamp={2}>
                  {post.excerpt.trim() || t('privacy.blocked.untitled')}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {post.dueAt
                    ? t('privacy.blocked.due', { at: formatDateTime(post.dueAt, timeZone), channel: post.channelName })
                    : t('privacy.blocked.noDue', { channel: post.channelName })}
                </Text>
                <List size="sm" mt={4} spacing={2}>
                  {post.reasons.map((reason) => (
                    <List.Item key={`${reason.code}-${reason.personId ?? reason.mediaId ?? ''}`}>
                      {gateReasonText(t, reason, locale)}
                    </List.Item>
                  ))}
                </List>
              </li>
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
