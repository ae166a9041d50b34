import { Avatar, Group, Stack, Text } from '@mantine/core';
import type { Channel } from '@nahbar/common';

/** Avatar circle with initials, display name and handle; nothing is fetched from the network. */
export function AccountLine({
  channel,
  handlePrefix = '@',
  color,
}: {
  channel: Channel;
  handlePrefix?: string;
  color: string;
}) {
  const name = channel.account.displayName || channel.name;
  const handle = channel.account.handle?.replace(/^@/, '');
  return (
    <Group gap="xs" wrap="nowrap">
      <Avatar name={name} color={color} radius="xl" size={40} aria-hidden />
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Text size="sm" fw={700} truncate>
          {name}
        </Text>
        {handle && (
          <Text size="xs" c="dimmed" truncate>
            {handlePrefix}
            {handle}
          </Text>
        )}
      </Stack>
    </Group>
  );
}
