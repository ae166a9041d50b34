import { Badge, Button, CloseButton, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TaggedPerson } from './tagging-draft.ts';

type Props = {
  people: TaggedPerson[];
  /** The person whose frame is being drawn now. */
  drawing: string | null;
  onDraw: (personId: string | null) => void;
  onClearBox: (personId: string) => void;
  onRemove: (personId: string) => void;
};

/** Who is tagged, whether each has a frame on the picture, and the buttons to change that. */
export function TaggingPeopleList({ people, drawing, onDraw, onClearBox, onRemove }: Props) {
  const { t } = useTranslation('people');
  if (people.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('tagging.people.none')}
      </Text>
    );
  }
  return (
    <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('tagging.people.label')}>
      {people.map((p) => (
        <Group key={p.personId} component="li" gap="xs" wrap="wrap" justify="space-between">
          <Group gap="xs" wrap="nowrap">
            <Text size="sm" fw={600}>
              {p.displayName}
            </Text>
            {p.ageGroup !== 'adult' && (
              <Badge size="sm" variant="light" color="grape" c="var(--mantine-color-text)">
                {t(`tagging.ageGroup.${p.ageGroup}`)}
              </Badge>
            )}
            <Text size="xs" c="dimmed">
              {p.box ? t('tagging.people.hasBox') : t('tagging.people.noBox')}
            </Text>
          </Group>
          <Group gap={4} wrap="nowrap">
            <Button
              size="compact-xs"
              variant={drawing === p.personId ? 'filled' : 'default'}
              aria-pressed={drawing === p.personId}
              aria-label={t('tagging.people.drawFor', { name: p.displayName })}
              onClick={() => onDraw(drawing === p.personId ? null : p.personId)}
            >
              {t('tagging.people.draw')}
            </Button>
            {p.box && (
              <Button
                size="compact-xs"
                variant="subtle"
                aria-label={t('tagging.people.clearBoxFor', { name: p.displayName })}
                onClick={() => onClearBox(p.personId)}
              >
                {t('tagging.people.clearBox')}
              </Button>
            )}
            <CloseButton
              size="sm"
              aria-label={t('tagging.people.remove', { name: p.displayName })}
              onClick={() => onRemove(p.personId)}
            />
          </Group>
        </Group>
      ))}
    </Stack>
  );
}
