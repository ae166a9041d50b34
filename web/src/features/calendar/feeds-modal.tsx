import { Alert, Button, CopyButton, Group, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCopy, IconLock } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form-alert.tsx';
import { errorMessage } from '../../components/server-errors.ts';
import { type CreatedFeed, calendarApi, calendarKeys } from './calendar-api.ts';
import { FeedList } from './feed-list.tsx';

/** "Kalender abonnieren": a private ICS link, shown once, revocable. */
export function FeedsModal({ orgId, opened, onClose }: { orgId: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('calendar');
  const queryClient = useQueryClient();
  const [label, setLabel] = useState('');
  const [created, setCreated] = useState<CreatedFeed | null>(null);
  const feeds = useQuery({
    queryKey: calendarKeys.feeds(orgId),
    queryFn: () => calendarApi.feeds(orgId),
    enabled: opened,
  });
  const create = useMutation({
    mutationFn: () => calendarApi.createFeed(orgId, { label: label.trim() || null }),
    onSuccess: (feed) => {
      setCreated(feed);
      setLabel('');
      void queryClient.invalidateQueries({ queryKey: calendarKeys.feeds(orgId) });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => calendarApi.revokeFeed(orgId, id),
    onSuccess: (_void, id) => {
      if (created?.id === id) setCreated(null);
      notifications.show({ color: 'petrol', message: t('feeds.revoked') });
      void queryClient.invalidateQueries({ queryKey: calendarKeys.feeds(orgId) });
    },
  });

  const close = () => {
    // The address is shown once: closing forgets it.
    setCreated(null);
    create.reset();
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };

  return (
    <Modal opened={opened} onClose={close} title={t('feeds.title')} size="lg">
      <Stack gap="md">
        <Text size="sm">{t('feeds.intro')}</Text>
        <Alert color="gray" icon={<IconLock aria-hidden />}>
          <Text size="sm">{t('feeds.secret')}</Text>
        </Alert>
        {created ? (
          <Stack gap={6}>
            <Group gap="xs" align="flex-end" wrap="nowrap">
              <TextInput label={t('feeds.created')} value={created.url} readOnly style={{ flex: 1 }} />
              <CopyButton value={created.url}>
                {({ copied, copy }) => (
                  <Button
                    variant={copied ? 'light' : 'filled'}
                    leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
                    onClick={copy}
                  >
                    {copied ? t('feeds.copied') : t('feeds.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Text size="xs" c="dimmed">
              {t('feeds.createdHint')}
            </Text>
          </Stack>
        ) : (
          <form onSubmit={submit}>
            <Group gap="xs" align="flex-end" wrap="nowrap">
              <TextInput
                label={t('feeds.label')}
                description={t('feeds.labelHint')}
                value={label}
                maxLength={120}
                onChange={(event) => setLabel(event.currentTarget.value)}
                style={{ flex: 1 }}
              />
              <Button type="submit" loading={create.isPending}>
                {t('feeds.create')}
              </Button>
            </Group>
          </form>
        )}
        <FormAlert
          message={create.error ? errorMessage(create.error) : revoke.error ? errorMessage(revoke.error) : null}
        />
        <Title order={3} size="h5">
          {t('feeds.existing')}
        </Title>
        <FeedList
          feeds={feeds.data}
          error={feeds.error}
          revokingId={revoke.isPending ? revoke.variables : null}
          onRevoke={(id) => revoke.mutate(id)}
        />
      </Stack>
    </Modal>
  );
}
