import { Group, Radio } from '@mantine/core';
import type { DeliveryMode, NotificationType } from '@nahbar/common';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DELIVERY_MODES } from './notification-types.ts';

type Props = {
  type: NotificationType;
  value: DeliveryMode;
  onChange: (mode: DeliveryMode) => void;
};

/**
 * One type: a labelled radio group (fieldset + legend), so each choice is read with what it is for.
 * The click shows at once: the saved value arrives a few ticks later (the optimistic update waits
 * for running queries), and a controlled radio would otherwise jump back for that moment.
 */
export function DeliveryModeRow({ type, value, onChange }: Props) {
  const { t } = useTranslation('notifications');
  const [shown, setShown] = useState(value);
  useEffect(() => setShown(value), [value]);
  return (
    <Radio.Group
      label={t(`types.${type}.label`)}
      description={t(`types.${type}.description`)}
      value={shown}
      onChange={(mode) => {
        setShown(mode as DeliveryMode);
        onChange(mode as DeliveryMode);
      }}
    >
      <Group mt="xs" gap="lg">
        {DELIVERY_MODES.map((mode) => (
          <Radio key={mode} value={mode} label={t(`modes.${mode}`)} />
        ))}
      </Group>
    </Radio.Group>
  );
}
