import { Image, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { Person } from '@nahbar/common';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useFormatters } from '../../components/use-formatters.ts';
import { peopleApi, peopleKeys } from './people-api.ts';

/** The library images this person is tagged in, as thumbnails. */
export function PersonMedia({ orgId, timeZone, person }: { orgId: string; timeZone: string; person: Person }) {
  const { t } = useTranslation('people');
  const { formatDate } = useFormatters();
  const media = useQuery({
    queryKey: peopleKeys.media(orgId, person.id),
    queryFn: () => peopleApi.media(orgId, person.id),
  });
  const items = media.data?.items ?? [];

  return (
    <Stack gap="sm" component="section" aria-labelledby="person-media-title">
      <Title order={2} size="h3" id="person-media-title">
        {t('person.media.title')}
      </Title>
      {media.isPending && <PageLoader />}
      {media.isError && <QueryError error={media.error} onRetry={() => void media.refetch()} />}
      {media.data && items.length === 0 && <Text c="dimmed">{t('person.media.empty')}</Text>}
      {items.length > 0 && (
        <SimpleGrid
          component="ul"
          cols={{ base: 3, sm: 5, md: 7 }}
          spacing="sm"
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
        >
          {items.map((item) => (
            <li key={item.mediaId}>
              <Image
                src={item.thumbUrl}
                alt={t('person.media.alt', { name: person.displayName, date: formatDate(item.taggedAt, timeZone) })}
                radius="sm"
                fit="cover"
                h={110}
              />
            </li>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
