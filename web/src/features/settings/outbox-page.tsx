import { Accordion, Alert, Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import type { OutboxMail } from '@nahbar/common';
import { IconMail } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { NoPermission } from '../../components/no-permission.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useFormatters } from '../../components/use-formatters.ts';
import { keys, settingsApi } from './settings-api.ts';
import { useOrgAccess } from './use-org-access.ts';

const STATUS_COLORS: Record<OutboxMail['status'], string> = { outbox: 'gray', sent: 'petrol', failed: 'red' };

export function OutboxPage() {
  const { t } = useTranslation('settings');
  const { org, allowed } = useOrgAccess();
  const { formatDateTime } = useFormatters();
  const orgId = org?.id ?? '';
  const outbox = useQuery({
    queryKey: keys.outbox(orgId),
    queryFn: () => settingsApi.outbox(orgId),
    enabled: Boolean(org) && allowed('outbox.read'),
  });
  if (!org || !allowed('outbox.read')) return <NoPermission />;

  return (
    <Stack gap="md">
      <Alert color="petrol" icon={<IconMail aria-hidden />} title={t('outbox.infoTitle')}>
        {t('outbox.infoText')}
      </Alert>
      {outbox.isPending && <PageLoader />}
      {outbox.isError && <QueryError error={outbox.error} onRetry={() => void outbox.refetch()} />}
      {outbox.data?.length === 0 && <Text c="dimmed">{t('outbox.empty')}</Text>}
      {outbox.data && outbox.data.length > 0 && (
        <Accordion variant="separated" multiple>
          {outbox.data.map((mail) => (
            <Accordion.Item key={mail.id} value={mail.id} data-testid="outbox-mail">
              <Accordion.Control>
                <Group gap="sm" wrap="wrap">
                  <Badge color={STATUS_COLORS[mail.status]}>{t(`outbox.status.${mail.status}`)}</Badge>
                  <Text fw={500}>{mail.subject}</Text>
                  <Text size="sm" c="dimmed">
                    {t('outbox.to', { to: mail.to })} · {formatDateTime(mail.createdAt, org.timeZone)}
                  </Text>
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                {mail.error && (
                  <Alert color="red" mb="sm" title={t('outbox.error')}>
                    {mail.error}
                  </Alert>
                )}
                <Text component="pre" size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', margin: 0 }}>
                  <LinkedText text={mail.text} />
                </Text>
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
    </Stack>
  );
}

/** Mail bodies carry the invitation and reset links; make them clickable (same tab, same origin or not). */
function LinkedText({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s<>"]+)/g);
  return (
    <>
      {parts.map((part, index) =>
        /^https?:\/\//.test(part) ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one immutable string
          <Anchor key={index} href={part}>
            {part}
          </Anchor>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one immutable string
          <Fragment key={index}>{part}</Fragment>
        ),
      )}
    </>
  );
}
