import { Button, Group, SegmentedControl, Title } from '@mantine/core';
import { IconCalendarShare, IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CalendarView } from './use-calendar-params.ts';

type Props = {
  view: CalendarView;
  title: string;
  onView: (view: CalendarView) => void;
  onStep: (direction: -1 | 0 | 1) => void;
  onSubscribe: () => void;
};

const VIEWS: CalendarView[] = ['month', 'week', 'list'];

export function CalendarToolbar({ view, title, onView, onStep, onSubscribe }: Props) {
  const { t } = useTranslation('calendar');
  return (
    <Group justify="space-between" wrap="wrap" gap="sm">
      <Group gap="sm" wrap="wrap">
        <Group gap={4} role="group" aria-label={t('toolbar.label')}>
          <Button variant="default" leftSection={<IconChevronLeft size={16} aria-hidden />} onClick={() => onStep(-1)}>
            {t('toolbar.previous')}
          </Button>
          <Button variant="default" onClick={() => onStep(0)}>
            {t('toolbar.today')}
          </Button>
          <Button variant="default" rightSection={<IconChevronRight size={16} aria-hidden />} onClick={() => onStep(1)}>
            {t('toolbar.next')}
          </Button>
        </Group>
        {/* Announced when it changes, so "Weiter" tells a screen reader where it went. */}
        <Title order={2} size="h3" aria-live="polite">
          {title}
        </Title>
      </Group>
      <Group gap="sm">
        <SegmentedControl
          aria-label={t('toolbar.view')}
          value={view}
          onChange={(value) => onView(value as CalendarView)}
          data={VIEWS.map((v) => ({ value: v, label: t(`toolbar.views.${v}`) }))}
        />
        <Button variant="light" leftSection={<IconCalendarShare size={16} aria-hidden />} onClick={onSubscribe}>
          {t('toolbar.subscribe')}
        </Button>
      </Group>
    </Group>
  );
}
