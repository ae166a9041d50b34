import { List, Stack, Text, Title } from '@mantine/core';
import type { InboxClass, InboxItem } from '@nahbar/common';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CLASS_COLORS } from '../class-badges.tsx';

type Signal = InboxItem['signals'][number];

/** Splits the text at the signals' spans; overlapping spans keep the first so nothing is marked twice. */
export function markSignals(text: string, signals: Signal[]): ReactNode[] {
  const spans = [...signals]
    .filter((s) => s.start >= 0 && s.end > s.start && s.end <= text.length)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: ReactNode[] = [];
  let at = 0;
  for (const s of spans) {
    if (s.start < at) continue;
    if (s.start > at) out.push(text.slice(at, s.start));
    out.push(
      <mark
        key={`${s.start}-${s.class}`}
        style={{
          background: `var(--mantine-color-${CLASS_COLORS[s.class]}-1)`,
          color: 'inherit',
          borderBottom: `2px solid var(--mantine-color-${CLASS_COLORS[s.class]}-7)`,
          padding: '0 2px',
        }}
      >
        {text.slice(s.start, s.end)}
      </mark>,
    );
    at = s.end;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

export function HighlightedText({ item }: { item: InboxItem }) {
  return (
    <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{markSignals(item.text, item.signals)}</Text>
  );
}

/** "Why this class?": the words the classifier found, per class, so nobody has to trust a black box. */
export function SignalLegend({ item }: { item: InboxItem }) {
  const { t } = useTranslation('inbox');
  const byClass = new Map<InboxClass, string[]>();
  for (const s of item.signals) {
    const terms = byClass.get(s.class) ?? [];
    if (!terms.includes(s.term)) terms.push(s.term);
    byClass.set(s.class, terms);
  }
  return (
    <Stack gap={4} component="section" aria-labelledby={`why-${item.id}`}>
      <Title order={3} size="h5" id={`why-${item.id}`}>
        {t('signals.title')}
      </Title>
      {byClass.size === 0 ? (
        <Text size="sm" c="dimmed">
          {t('signals.none')}
        </Text>
      ) : (
        <List size="sm" spacing={2}>
          {[...byClass].map(([c, terms]) => (
            <List.Item key={c}>
              <strong>{t(`classes.${c}`)}:</strong> {terms.map((term) => t('signals.term', { term })).join(', ')}
            </List.Item>
          ))}
        </List>
      )}
      <Text size="xs" c="dimmed">
        {t('signals.hint')}
      </Text>
    </Stack>
  );
}
