import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import type { CalendarEntry } from '@nahbar/common';
import { zonedWallTimeToIso } from '@nahbar/common/rules/zoned-time';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form-alert.tsx';
import { errorMessage } from '../../components/server-errors.ts';
import { isLocalDate, localParts } from './calendar-dates.ts';

type Props = {
  entry: CalendarEntry;
  timeZone: string;
  onClose: () => void;
  /** Resolves when the server accepted the move; rejects with its message otherwise. */
  onMove: (at: string) => Promise<unknown>;
};

/** The keyboard way to move: pick a date and time instead of dragging. */
export function MoveModal({ entry, timeZone, onClose, onMove }: Props) {
  const { t } = useTranslation(['calendar', 'common']);
  const [wall, setWall] = useState(() => localParts(entry.at, timeZone));
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const excerpt = entry.excerpt.trim() || t('entry.noText');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!isLocalDate(wall.date) || !/^\d{2}:\d{2}$/.test(wall.time)) {
      setError(t('move.invalid'));
      return;
    }
    setPending(true);
    setError(null);
    try {
      await onMove(zonedWallTimeToIso(wall, timeZone));
      onClose();
    } catch (moveError) {
      setError(errorMessage(moveError));
    } finally {
      setPending(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={t('move.title')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t('move.intro', { excerpt })}</Text>
          <FormAlert message={error} />
          <Group align="flex-start" gap="sm" grow>
            <TextInput
              type="date"
              label={t('move.date')}
              required
              data-autofocus
              value={wall.date}
              onChange={(event) => setWall({ ...wall, date: event.currentTarget.value })}
            />
            <TextInput
              type="time"
              label={t('move.time')}
              required
              value={wall.time}
              onChange={(event) => setWall({ ...wall, time: event.currentTarget.value })}
            />
          </Group>
          <Text size="xs" c="dimmed">
            {t('move.zoneHint', { timeZone })}
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={pending}>
              {t('move.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
