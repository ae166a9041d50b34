import { Alert, CloseButton, Group, Stack, Text } from '@mantine/core';
import type { Channel } from '@nahbar/common';
import { IconAlertCircle, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';

/**
 * After authorising at a Mastodon instance the server sends the browser back here with
 * ?verbunden=<channelId> or ?fehler=<code>&meldung=<text>. The notice stays until dismissed,
 * which also cleans the address so a reload does not repeat it.
 */
export function OauthReturnNotice({ channels }: { channels: Channel[] | undefined }) {
  const { t } = useTranslation(['channels', 'common']);
  const [params, setParams] = useSearchParams();
  const connectedId = params.get('verbunden');
  const errorCode = params.get('fehler');
  if (!connectedId && !errorCode) return null;
  const dismiss = () => setParams({}, { replace: true });
  const close = <CloseButton onClick={dismiss} aria-label={t('common:actions.close')} />;

  if (connectedId) {
    const name = channels?.find((c) => c.id === connectedId)?.name;
    return (
      <Alert color="green" icon={<IconCircleCheck aria-hidden />} role="status" mb="lg">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2}>
            <Text fw={650}>{t('oauth.connectedTitle')}</Text>
            <Text size="sm">{name ? t('oauth.connected', { name }) : t('oauth.connectedUnknown')}</Text>
          </Stack>
          {close}
        </Group>
      </Alert>
    );
  }
  return (
    <Alert color="red" icon={<IconAlertCircle aria-hidden />} role="alert" mb="lg">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2}>
          <Text fw={650}>{t('oauth.errorTitle')}</Text>
          <Text size="sm">{params.get('meldung') || t('oauth.errorFallback')}</Text>
          <Text size="xs" c="dimmed">
            {t('oauth.errorCode', { code: errorCode })}
          </Text>
        </Stack>
        {close}
      </Group>
    </Alert>
  );
}
