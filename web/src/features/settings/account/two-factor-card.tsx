import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/session.tsx';
import { TotpDisableForm } from './totp-disable-form.tsx';
import { TotpSetup } from './totp-setup.tsx';

export function TwoFactorCard() {
  const { t } = useTranslation('settings');
  const { user } = useSession();
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="totp-title">
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h3" id="totp-title">
            {t('totp.title')}
          </Title>
          <Badge color={user.totpEnabled ? 'petrol' : 'gray'} data-testid="totp-status">
            {user.totpEnabled ? t('totp.on') : t('totp.off')}
          </Badge>
        </Group>
        <Text size="sm">{t('totp.description')}</Text>
        {user.totpEnabled ? <TotpDisableForm /> : <TotpSetup />}
      </Stack>
    </Card>
  );
}
