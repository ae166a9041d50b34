import { Alert, Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { InboxThread } from '@nahbar/common';
import { IconExternalLink, IconEyeOff, IconShieldCheck } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReasonModal } from '../../../components/reason-modal.tsx';
import { inboxApi, inboxKeys } from '../inbox-api.ts';

type Action = 'hide' | 'capture';
type Props = { orgId: string; thread: InboxThread };

/** Hide, don't delete: evidence is always captured first, on every network. */
export function ModerationCard({ orgId, thread }: Props) {
  const { t } = useTranslation(['inbox', 'channels']);
  const [action, setAction] = useState<Action | null>(null);
  const { item, moderation } = thread;
  const links = (['mute', 'block', 'report'] as const).filter((k) => moderation.links[k]);
  const network = t(`channels:networks.${item.network}`);

  return (
    <Card withBorder padding="md" radius="md" component="section" aria-labelledby={`moderation-${item.id}`}>
      <Stack gap="sm">
        <Title order={3} size="h5" id={`moderation-${item.id}`}>
          {t('moderation.title')}
        </Title>
        <Text size="sm">{t('moderation.explain')}</Text>
        {!moderation.canHide && <Text size="sm">{t('moderation.cannotHide', { network })}</Text>}
        <Group gap="sm" wrap="wrap">
          {moderation.canHide && !item.hiddenAt && (
            <Button color="orange" leftSection={<IconEyeOff size={16} aria-hidden />} onClick={() => setAction('hide')}>
              {t('moderation.hide')}
            </Button>
          )}
          <Button
            variant={moderation.canHide ? 'default' : 'filled'}
            leftSection={<IconShieldCheck size={16} aria-hidden />}
            onClick={() => setAction('capture')}
          >
            {t('moderation.capture')}
          </Button>
        </Group>
        {links.length > 0 && (
          <Group gap="md" wrap="wrap" aria-label={t('moderation.linksLabel', { network })} role="group">
            {links.map((k) => (
              <Anchor
                key={k}
                href={moderation.links[k] ?? undefined}
                target="_blank"
                rel="noopener noreferrer"
                size="sm"
              >
                {t(`moderation.links.${k}`, { network })} <IconExternalLink size={12} aria-hidden />
              </Anchor>
            ))}
          </Group>
        )}
      </Stack>
      <ModerateModal orgId={orgId} itemId={item.id} action={action} onClose={() => setAction(null)} />
    </Card>
  );
}

function ModerateModal({
  orgId,
  itemId,
  action,
  onClose,
}: {
  orgId: string;
  itemId: string;
  action: Action | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('inbox');
  const queryClient = useQueryClient();
  const moderate = useMutation({
    mutationFn: (input: { action: Action; reason: string }) => inboxApi.moderate(orgId, itemId, input),
    onSuccess: (thread) => {
      queryClient.setQueryData(inboxKeys.thread(orgId, itemId), thread);
      void queryClient.invalidateQueries({ queryKey: inboxKeys.all(orgId) });
      onClose();
    },
    // Evidence may be stored even when hiding failed: show what the server holds now.
    onError: () => void queryClient.invalidateQueries({ queryKey: inboxKeys.thread(orgId, itemId) }),
  });
  const title = action === 'hide' ? t('moderation.hide') : t('moderation.capture');
  return (
    <ReasonModal
      opened={action !== null}
      title={title}
      intro={
        <Alert color="petrol" variant="light" icon={<IconShieldCheck aria-hidden />}>
          {action === 'hide' ? t('moderation.hideExplain') : t('moderation.captureExplain')}
        </Alert>
      }
      field={{
        label: t('moderation.reason'),
        description: t('moderation.reasonHint'),
        requiredMessage: t('moderation.reasonRequired'),
      }}
      maxLength={1000}
      minLength={3}
      submitLabel={title}
      submitColor={action === 'hide' ? 'orange' : undefined}
      pending={moderate.isPending}
      error={moderate.error}
      onSubmit={(reason) => action && moderate.mutate({ action, reason })}
      onClose={() => {
        moderate.reset();
        onClose();
      }}
    />
  );
}
