import { SegmentedControl } from '@mantine/core';
import type { MediaKind } from '@nahbar/common';
import { useTranslation } from 'react-i18next';

const ALL = 'all';

type Props = { value: MediaKind | null; onChange: (kind: MediaKind | null) => void; kinds?: readonly MediaKind[] };

/** All, or one kind; offered kinds can be limited (the picker for a video post shows videos only). */
export function MediaKindFilter({ value, onChange, kinds = ['image', 'video', 'captions'] }: Props) {
  const { t } = useTranslation('media');
  if (kinds.length < 2) return null;
  return (
    <SegmentedControl
      aria-label={t('filter.label')}
      value={value ?? ALL}
      onChange={(next) => onChange(next === ALL ? null : (next as MediaKind))}
      data={[
        { value: ALL, label: t('filter.all') },
        ...kinds.map((kind) => ({ value: kind, label: t(`filter.${kind}`) })),
      ]}
    />
  );
}
