import { Button, Center, SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type Props = {
  children: ReactNode;
  empty: boolean;
  emptyText: string;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  columns?: { base: number; sm?: number; md?: number; lg?: number };
};

/** The library's grid as a list (screen readers announce the count) with "Mehr laden" below. */
export function MediaGrid({ children, empty, emptyText, hasMore, loadingMore, onLoadMore, columns }: Props) {
  const { t } = useTranslation('media');
  if (empty) {
    return (
      <Text c="dimmed" ta="center" py="xl">
        {emptyText}
      </Text>
    );
  }
  return (
    <>
      <SimpleGrid
        component="ul"
        cols={columns ?? { base: 1, sm: 2, lg: 3 }}
        spacing="md"
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
        aria-label={t('listLabel')}
      >
        {children}
      </SimpleGrid>
      {hasMore && (
        <Center mt="md">
          <Button variant="default" loading={loadingMore} onClick={onLoadMore}>
            {t('loadMore')}
          </Button>
        </Center>
      )}
    </>
  );
}
