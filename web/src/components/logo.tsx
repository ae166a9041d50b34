import { Group, Text } from '@mantine/core';

/** Brand mark; the word is the product name in every language. */
export function Logo() {
  return (
    <Group gap={8} wrap="nowrap">
      <svg width="28" height="28" viewBox="0 0 32 32" aria-hidden="true">
        <rect width="32" height="32" rx="8" fill="var(--mantine-color-petrol-6)" />
        <path d="M9 23V9h3l8 10V9h3v14h-3L12 13v10z" fill="#fff" />
      </svg>
      <Text fw={700} size="lg" c="var(--mantine-color-petrol-8)">
        nahbar
      </Text>
    </Group>
  );
}
