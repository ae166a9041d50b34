import { Badge, Button, Group, Mark, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { excerpt, type ScannedText } from './pii-findings.ts';

type Props = {
  scanned: ScannedText[];
  namesById: Map<string, string>;
  namedIds: string[];
  /** Null when people cannot be marked (read-only, or the draft is not saved yet). */
  onMark: ((personId: string) => void) | null;
  saving: boolean;
};

/** The PII warnings: per text, each finding in its sentence with the span marked. */
export function PiiFindingsList({ scanned, namesById, namedIds, onMark, saving }: Props) {
  const { t } = useTranslation('posts');
  if (scanned.length === 0) {
    return (
      <Group gap="xs" wrap="nowrap">
        <IconShieldCheck size={18} aria-hidden color="var(--mantine-color-green-8)" />
        <Text size="sm">{t('pii.none')}</Text>
      </Group>
    );
  }
  return (
    <Stack gap="sm">
      <Text size="sm">{t('pii.hint')}</Text>
      {scanned.map(({ source, text, findings }) => {
        const label = source.kind === 'base' ? t('pii.source.base') : t('pii.source.channel', { name: source.name });
        return (
          <Stack key={source.kind === 'base' ? 'base' : source.channelId} gap={6}>
            <Title order={4} size="h6">
              {label} · {t('pii.count', { count: findings.length })}
            </Title>
            <Stack component="ul" gap={8} m={0} p={0} style={{ listStyle: 'none' }} aria-label={label}>
              {findings.map((finding) => {
                const cut = excerpt(text, finding);
                const name = finding.personId ? (namesById.get(finding.personId) ?? finding.text) : null;
                return (
                  <li key={`${finding.start}-${finding.end}`} data-testid="pii-finding">
                    <Group gap="xs" wrap="wrap">
                      {/* Dark text on the light badge; the icon carries the colour (contrast). */}
                      <Badge
                        size="sm"
                        variant="light"
                        color={finding.blocking ? 'red' : 'orange'}
                        c={finding.blocking ? 'red.9' : 'var(--mantine-color-text)'}
                        leftSection={
                          <IconAlertTriangle
                            size={12}
                            aria-hidden
                            color={`var(--mantine-color-${finding.blocking ? 'red' : 'orange'}-8)`}
                          />
                        }
                      >
                        {finding.blocking ? t('pii.blocking') : t('pii.warning')}
                      </Badge>
                      <Text size="sm" fw={600}>
                        {t(`pii.categories.${finding.category}`)}
                      </Text>
                      {finding.personId &&
                        (namedIds.includes(finding.personId) ? (
                          <Badge
                            size="sm"
                            variant="light"
                            color="green"
                            c="var(--mantine-color-text)"
                            leftSection={<IconCheck size={12} aria-hidden color="var(--mantine-color-green-8)" />}
                          >
                            {t('pii.isNamed')}
                          </Badge>
                        ) : (
                          onMark && (
                            <Button
                              size="compact-xs"
                              variant="light"
                              loading={saving}
                              aria-label={t('pii.markNamedFor', { name })}
                              onClick={() => onMark(finding.personId!)}
                            >
                              {t('pii.markNamed')}
                            </Button>
                          )
                        ))}
                    </Group>
                    <Text size="sm" mt={2} style={{ overflowWrap: 'anywhere' }}>
                      {cut.before}
                      <Mark color={finding.blocking ? 'red' : 'yellow'}>{cut.match}</Mark>
                      {cut.after}
                    </Text>
                  </li>
                );
              })}
            </Stack>
          </Stack>
        );
      })}
    </Stack>
  );
}
