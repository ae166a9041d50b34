import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { Person } from '@nahbar/common';
import { IconFileTypePdf, IconJson, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErasePersonModal } from './erase-person-modal.tsx';
import { peopleUrls } from './people-api.ts';

/** Data-subject rights, for the privacy officer only: access (JSON + PDF) and erasure. */
export function OfficerActions({ orgId, person }: { orgId: string; person: Person }) {
  const { t } = useTranslation('people');
  const [erasing, setErasing] = useState(false);
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="officer-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="officer-title">
          {t('person.officer.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('person.officer.description')}
        </Text>
        <Group gap="sm">
          <Button
            component="a"
            href={peopleUrls.exportJson(orgId, person.id)}
            download
            variant="default"
            leftSection={<IconJson size={16} aria-hidden />}
          >
            {t('person.officer.exportJson')}
          </Button>
          <Button
            component="a"
            href={peopleUrls.exportPdf(orgId, person.id)}
            download
            variant="default"
            leftSection={<IconFileTypePdf size={16} aria-hidden />}
          >
            {t('person.officer.exportPdf')}
          </Button>
          <Button
            color="red"
            variant="light"
            leftSection={<IconTrash size={16} aria-hidden />}
            onClick={() => setErasing(true)}
          >
            {t('person.officer.erase')}
          </Button>
        </Group>
      </Stack>
      {erasing && <ErasePersonModal orgId={orgId} person={person} onClose={() => setErasing(false)} />}
    </Card>
  );
}
