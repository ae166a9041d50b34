import { Badge } from '@mantine/core';
import type { ComponentType, ReactNode } from 'react';

type Icon = ComponentType<{ size?: number; 'aria-hidden'?: boolean; color?: string }>;

/**
 * A state in words with an icon; the colour only repeats it. Dark text: green or orange text on
 * their light background misses 4.5:1 even at shade 9, so the icon carries the colour.
 */
export function StatusBadge({
  color,
  icon: Icon,
  children,
  size = 'lg',
}: {
  color: string;
  icon: Icon;
  children: ReactNode;
  /** `xs` for narrow places such as a calendar day. */
  size?: 'xs' | 'lg';
}) {
  return (
    <Badge
      color={color}
      c="var(--mantine-color-text)"
      size={size}
      leftSection={<Icon size={size === 'lg' ? 14 : 11} aria-hidden color={`var(--mantine-color-${color}-8)`} />}
      style={{ flexShrink: 0 }}
    >
      {children}
    </Badge>
  );
}
