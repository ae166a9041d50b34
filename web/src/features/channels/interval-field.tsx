import { Button, Group, NumberInput, Text } from '@mantine/core';
import type { Channel } from '@nahbar/common';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUpdateInterval } from './use-channel-mutations.ts';

/** How often this channel should get a post; the freshness warning measures against it. */
export function IntervalField({ orgId, channel, manage }: { orgId: string; channel: Channel; manage: boolean }) {
  const { t } = useTranslation('channels');
  const [days, setDays] = useState<number | string>(channel.targetIntervalDays);
  const update = useUpdateInterval(orgId);
  if (!manage) return <Text size="sm">{t('interval.value', { count: channel.targetIntervalDays })}</Text>;
  const value = typeof days === 'number' ? days : Number.parseInt(days, 10);
  const valid = Number.isInteger(value) && value >= 1 && value <= 365;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (valid) update.mutate({ id: channel.id, days: value });
      }}
    >
      <Group align="flex-end" gap="xs">
        <NumberInput
          label={t('interval.label')}
          value={days}
          onChange={setDays}
          min={1}
          max={365}
          allowDecimal={false}
          allowNegative={false}
          w={220}
          error={valid ? undefined : t('interval.range')}
        />
        <Button
          type="submit"
          variant="default"
          disabled={!valid || value === channel.targetIntervalDays}
          loading={update.isPending}
        >
          {t('interval.save')}
        </Button>
      </Group>
    </form>
  );
}
