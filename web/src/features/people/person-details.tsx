import { Button, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { Person } from '@nahbar/common';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AgeGroupBadge } from './people-badges.tsx';
import { useConsentText } from './use-consent-text.ts';

type Props = { person: Person; canEdit: boolean; onEdit: () => void };

/** Name, kind and age group as the page title; birth date or band, guardians and notes below. */
export function PersonDetails({ person, canEdit, onEdit }: Props) {
  const { t } = useTranslation('people');
  const text = useConsentText();
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Stack gap={6}>
          <Title order={1} size="h2">
            {person.displayName}
          </Title>
          <Group gap="sm">
            <Text c="dimmed">{t(`register.kinds.${person.kind}`)}</Text>
            <AgeGroupBadge group={person.ageGroup} />
          </Group>
        </Stack>
        {canEdit && (
          <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={onEdit}>
            {t('person.edit')}
          </Button>
        )}
      </Group>
      <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="person-details-title">
        <Title order={2} size="h4" id="person-details-title" mb="sm">
          {t('person.details')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
          <Stack gap={2}>
            <Text size="sm" fw={600}>
              {person.birthDate ? t('person.birthDate') : t('person.ageBand')}
            </Text>
            <Text size="sm">
              {person.birthDate
                ? text.day(person.birthDate)
                : person.ageBand
                  ? t(`register.ageBands.${person.ageBand}`)
                  : t('person.noBirthDate')}
            </Text>
          </Stack>
          <Stack gap={2}>
            <Text size="sm" fw={600}>
              {t('person.guardians')}
            </Text>
            {person.guardians.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('person.noGuardians')}
              </Text>
            ) : (
              <List size="sm" spacing={2} type="ordered">
                {person.guardians.map((g, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: guardians are numbered by position (Sorgeberechtigte:r 1, 2)
                  <List.Item key={index}>
                    {g.name} — {g.contact ?? t('person.noContact')}
                  </List.Item>
                ))}
              </List>
            )}
            {person.guardians.length === 2 && (
              <Text size="sm">{person.jointCustody ? t('person.jointCustody') : t('person.soleCustody')}</Text>
            )}
          </Stack>
          <Stack gap={2}>
            <Text size="sm" fw={600}>
              {t('person.notes')}
            </Text>
            <Text
              size="sm"
              c={person.notesHidden || !person.notes ? 'dimmed' : undefined}
              style={{ whiteSpace: 'pre-wrap' }}
            >
              {person.notesHidden ? t('person.notesHidden') : (person.notes ?? t('person.noNotes'))}
            </Text>
          </Stack>
        </SimpleGrid>
      </Card>
    </Stack>
  );
}
