import { Alert, Button, Group, Loader, Text } from '@mantine/core';
import { IconAlertTriangle, IconCloudCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SaveStatus } from './use-autosave.ts';

type Props = { status: SaveStatus; onReload: () => void; started: boolean; timeZone: string };

/** "Gespeichert um 10:42": quiet on purpose; only a conflict or a failure is announced. */
export function SaveStatusLine({ status, onReload, started, timeZone }: Props) {
  const { t, i18n } = useTranslation('posts');
  if (status.kind === 'conflict') {
    return (
      <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert">
        <Group justify="space-between" gap="sm">
          <Text size="sm">{t('autosave.conflict')}</Text>
          <Button size="compact-sm" onClick={onReload}>
            {t('autosave.reload')}
          </Button>
        </Group>
      </Alert>
    );
  }
  if (status.kind === 'error') {
    return (
      <Text size="sm" c="red.8" role="alert" style={{ display: 'flex', gap: 6, alignItems: 'center' }}>
        <IconAlertTriangle size={16} aria-hidden />
        {t('autosave.failed', { message: status.message })}
      </Text>
    );
  }
  const time = (at: Date) =>
    new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'de-DE', { timeStyle: 'short', timeZone }).format(at);
  return (
    <Text size="sm" c="dimmed" style={{ display: 'flex', gap: 6, alignItems: 'center', minHeight: 22 }}>
      {status.kind === 'saving' && <Loader size={14} aria-hidden />}
      {status.kind === 'saved' && <IconCloudCheck size={16} aria-hidden />}
      {status.kind === 'saving'
        ? t('autosave.saving')
        : status.kind === 'saved'
          ? t('autosave.savedAt', { time: time(status.at) })
          : started
            ? t('autosave.upToDate')
            : t('autosave.notYet')}
    </Text>
  );
}
