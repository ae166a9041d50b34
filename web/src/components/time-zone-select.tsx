import { Select, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';

function timeZones(): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  // Some engines list only canonical zones; make sure the default and UTC are always there.
  return [...new Set(['Europe/Berlin', 'Europe/Vienna', 'Europe/Zurich', 'UTC', ...zones])].sort();
}

export function TimeZoneSelect(props: Omit<SelectProps, 'data'>) {
  const data = useMemo(timeZones, []);
  return <Select searchable data={data} allowDeselect={false} maxDropdownHeight={280} {...props} />;
}
