import { Box, Center, Image, SimpleGrid } from '@mantine/core';
import { IconPlayerPlayFilled } from '@tabler/icons-react';
import type { DraftMedia } from '../composer-draft.ts';

/** One image wide, two side by side, three or four in a 2×2 grid: how the networks lay them out. */
export function PreviewMediaGrid({ media, radius = 'md' }: { media: DraftMedia[]; radius?: string }) {
  if (media.length === 0) return null;
  const height = media.length === 1 ? 220 : 120;
  return (
    <SimpleGrid cols={media.length === 1 ? 1 : 2} spacing={4}>
      {media.map((item) =>
        item.kind === 'video' && !item.thumbUrl ? (
          <Center key={item.mediaId} h={height} bg="dark.6" style={{ borderRadius: 8 }}>
            <IconPlayerPlayFilled size={36} color="white" aria-hidden />
          </Center>
        ) : (
          <Box key={item.mediaId} pos="relative">
            <Image src={item.thumbUrl ?? item.url} alt={item.alt} h={height} fit="cover" radius={radius} />
            {item.kind === 'video' && (
              <Center pos="absolute" inset={0}>
                <IconPlayerPlayFilled size={36} color="white" aria-hidden />
              </Center>
            )}
          </Box>
        ),
      )}
    </SimpleGrid>
  );
}
