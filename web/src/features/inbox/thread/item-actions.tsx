import { Group, Select, Stack, TagsInput, Text } from '@mantine/core';
import type { InboxItem, InboxStatus } from '@nahbar/common';
import { can } from '@nahbar/common/rules/roles';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/form-alert.tsx';
import { errorMessage } from '../../../components/server-errors.ts';
import { keys, settingsApi } from '../../settings/settings-api.ts';
import { inboxApi, inboxKeys, STATUSES } from '../inbox-api.ts';

type Props = { orgId: string; item: InboxItem; canAnswer: boolean };

/** Assignee, status and tags. Readers without inbox.answer (privacy officers) see them as text. */
export function ItemActions({ orgId, item, canAnswer }: Props) {
  const { t } = useTranslation('inbox');
  const queryClient = useQueryClient();
  const members = useQuery({
    queryKey: keys.members(orgId),
    queryFn: () => settingsApi.members(orgId),
    enabled: canAnswer,
  });
  const update = useMutation({
    mutationFn: (input: Parameters<typeof inboxApi.update>[2]) => inboxApi.update(orgId, item.id, input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: inboxKeys.all(orgId) }),
  });

  if (!canAnswer) {
    return (
      <Group component="dl" gap="xl" m={0}>
        <Fact label={t('actions.assignee')} value={item.assignee?.name ?? t('actions.nobody')} />
        <Fact label={t('actions.status')} value={t(`status.${item.status}`)} />
        <Fact label={t('actions.tags')} value={item.tags.join(', ') || '–'} />
      </Group>
    );
  }

  // Only people who may answer can take an item over.
  const assignable = (members.data ?? []).filter((m) => can(m.roles, 'inbox.answer'));
  return (
    <Stack gap="xs">
      <FormAlert message={update.error ? errorMessage(update.error) : null} />
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label={t('actions.assignee')}
          placeholder={t('actions.nobody')}
          clearable
          w={220}
          value={item.assignee?.id ?? null}
          data={assignable.map((m) => ({ value: m.userId, label: m.name }))}
          onChange={(assigneeId) => update.mutate({ assigneeId })}
        />
        <Select
          label={t('actions.status')}
          w={220}
          allowDeselect={false}
          value={item.status}
          data={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          onChange={(status) => status && update.mutate({ status: status as InboxStatus })}
        />
        <TagsInput
          label={t('actions.tags')}
          description={t('actions.tagsHint')}
          w={280}
          maxTags={20}
          value={item.tags}
          onChange={(tags) => update.mutate({ tags })}
        />
      </Group>
    </Stack>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} size="sm">
        {value}
      </Text>
    </div>
  );
}
