import { Stack, Text } from '@mantine/core';
import type { PublicConsentRequest } from '@nahbar/common';

/** The consent text in the link's language; the last paragraph is the declaration itself. */
export function ConsentText({ request }: { request: PublicConsentRequest }) {
  const last = request.text.length - 1;
  return (
    <Stack gap="sm" lang={request.language}>
      {request.text.map((paragraph, index) => (
        <Text key={paragraph} fw={index === last ? 600 : undefined}>
          {paragraph}
        </Text>
      ))}
    </Stack>
  );
}
