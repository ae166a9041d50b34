import { Button, Group, NumberInput, Text } from '@mantine/core';
import type { Channel } from '@nahbar/common';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUpdateInboxPoll } from './use-channel-mutations.ts';

/** How often the inbox asks this channel for new comments; empty: the organisation's interval. */
export function InboxPollField({ orgId, channel, manage }: { orgId: string; channel: Channel; manage: boolean }) {
  const { t } = useTranslation('channels');
  const [minutes, setMinutes] = useState<number | string>(channel.inboxPollMinutes ?? '');
  const update = useUpdateInboxPoll(orgId);
  if (!manage) {
    return (
      <Text size="sm">
        {channel.inboxPollMinutes === null
          ? t('inboxPoll.default')
          : t('inboxPoll.value', { count: channel.inboxPollMinutes })}
      </Text>
    );
  }
  const empty = minutes === '';
  const value = typeof minutes === 'number' ? minutes : Number.parseInt(minutes, 10);
  const valid = empty || (Number.isInteger(value) && value >= 1 && value <= 1440);
  const next = empty ? null : value;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (valid) update.mutate({ id: channel.id, minutes: next });
      }}
    >
      <Group align="flex-end" gap="xs">
        <NumberInput
          label={t('inboxPoll.label')}
          description={t('inboxPoll.hint')}
          value={minutes}
          onChange={setMinutes}
          min={1}
          max={1440}
          allowDecimal={false}
          allowNegative={false}
          w={260}
          error={valid ? undefined : t('inboxPoll.range')}
        />
        <Button
          type="submit"
          variant="default"
          disabled={!valid || next === channel.inboxPollMinutes}
          loading={update.isPending}
        >
          {t('inboxPoll.save')}
        </Button>
      </Group>
    </form>
  );
}
