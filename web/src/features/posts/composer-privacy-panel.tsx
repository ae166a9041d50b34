import { Badge, Divider, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Channel, MembershipSummary } from '@nahbar/common';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../components/server-errors.ts';
import { useFormatters } from '../../components/use-formatters.ts';
import type { ComposerDraft } from './composer-draft.ts';
import { ConsentGateSection } from './consent-gate-section.tsx';
import { PiiFindingsList } from './pii-findings-list.tsx';
import { useComposerPrivacy } from './use-composer-privacy.ts';
import type { WhenValue } from './when-picker.tsx';

type Props = {
  org: MembershipSummary;
  draft: ComposerDraft;
  chosen: Channel[];
  when: WhenValue;
  postId: string | null;
  readOnly: boolean;
};

/**
 * „Personen & Datenschutz“ beside the text: the consent gate for each chosen channel at the
 * planned time and the PII warnings, both live. It explains; the server decides at scheduling.
 */
export function ComposerPrivacyPanel({ org, draft, chosen, when, postId, readOnly }: Props) {
  const { t } = useTranslation('posts');
  const { formatDateTime } = useFormatters();
  const privacy = useComposerPrivacy({ orgId: org.id, timeZone: org.timeZone, draft, chosen, when, postId });
  const canMark = !readOnly && postId !== null;
  const run = (action: Promise<unknown>, success?: string) =>
    action.then(
      () => success && notifications.show({ color: 'green', message: success }),
      (error: unknown) => notifications.show({ color: 'red', message: errorMessage(error) }),
    );
  const mark = (personId: string) =>
    void run(privacy.mark(personId), t('pii.marked', { name: privacy.namesById.get(personId) ?? '' }));

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="privacy-panel-title">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={3} size="h5" id="privacy-panel-title">
            {t('composerConsent.title')}
          </Title>
          {privacy.check.data?.showsMinor && privacy.needsCheck && (
            <Badge color="orange" variant="light" c="var(--mantine-color-text)">
              {t('composerConsent.showsMinor')}
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {t('composerConsent.description')}
        </Text>
        <Title order={4} size="h6">
          {t('composerConsent.gateTitle')}
        </Title>
        {privacy.needsCheck && (
          <Text size="xs" c="dimmed">
            {privacy.at
              ? t('composerConsent.checkedFor', { at: formatDateTime(privacy.at, org.timeZone) })
              : t('composerConsent.checkedNow')}
          </Text>
        )}
        <ConsentGateSection
          chosen={chosen}
          needsCheck={privacy.needsCheck}
          result={privacy.check.data}
          pending={privacy.check.isFetching}
          error={privacy.check.error}
          onUnmark={canMark ? (id) => void run(privacy.unmark(id)) : null}
          saving={privacy.saving}
        />
        <Divider />
        <Title order={4} size="h6">
          {t('pii.title')}
        </Title>
        {!readOnly && postId === null && privacy.foundPersonIds.length > 0 && (
          <Text size="sm">{t('composerConsent.saveFirst')}</Text>
        )}
        <PiiFindingsList
          scanned={privacy.scanned}
          namesById={privacy.namesById}
          namedIds={privacy.namedIds}
          onMark={canMark ? mark : null}
          saving={privacy.saving}
        />
      </Stack>
    </Paper>
  );
}
