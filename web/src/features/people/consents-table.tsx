import { Button, Stack, Table, Text } from '@mantine/core';
import type { Channel, Consent, Person } from '@nahbar/common';
import { useTranslation } from 'react-i18next';
import { EvidenceCell } from './evidence-cell.tsx';
import { ConsentStatusBadge } from './people-badges.tsx';
import { useConsentText } from './use-consent-text.ts';

type Props = {
  orgId: string;
  person: Person;
  consents: Consent[];
  channels: Channel[];
  can: { manage: boolean; officer: boolean };
  onWithdraw: (consent: Consent) => void;
};

/** One row per consent: what for, where, how long, who signed, its state and the evidence. */
export function ConsentsTable({ orgId, person, consents, channels, can, onWithdraw }: Props) {
  const { t } = useTranslation('people');
  const text = useConsentText();
  if (consents.length === 0) return <Text c="dimmed">{t('consents.empty')}</Text>;

  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="sm" aria-label={t('consents.tableLabel', { name: person.displayName })}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('consents.columns.purpose')}</Table.Th>
            <Table.Th>{t('consents.columns.scope')}</Table.Th>
            <Table.Th>{t('consents.columns.valid')}</Table.Th>
            <Table.Th>{t('consents.columns.form')}</Table.Th>
            <Table.Th>{t('consents.columns.givenBy')}</Table.Th>
            <Table.Th>{t('consents.columns.status')}</Table.Th>
            <Table.Th>{t('consents.columns.evidence')}</Table.Th>
            {can.manage && <Table.Th>{t('consents.columns.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {consents.map((consent) => (
            <Table.Tr key={consent.id}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {text.purpose(consent.purpose)}
                </Text>
                {consent.mediaId && (
                  <Text size="xs" c="dimmed">
                    {t('consents.withPicture')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{text.scope(consent, channels)}</Table.Td>
              <Table.Td>{text.range(consent)}</Table.Td>
              <Table.Td>
                {t(`consents.forms.${consent.form}`)}
                {consent.source === 'link' && (
                  <Text size="xs" c="dimmed">
                    {t('consents.viaLink')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Stack gap={0}>
                  {consent.givenBy.map((s) => (
                    <Text size="sm" key={s}>
                      {text.signatory(s, person)}
                    </Text>
                  ))}
                </Stack>
              </Table.Td>
              <Table.Td miw={150}>
                <Stack gap={4} align="flex-start">
                  <ConsentStatusBadge status={consent.status} />
                  {consent.withdrawal && (
                    <Text size="xs">{t('consents.withdrawnOn', { date: text.day(consent.withdrawal.on) })}</Text>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>
                <EvidenceCell orgId={orgId} consent={consent} canUpload={can.manage} canOpen={can.officer} />
              </Table.Td>
              {can.manage && (
                <Table.Td>
                  {!consent.withdrawal && (
                    <Button
                      size="xs"
                      variant="light"
                      color="red"
                      aria-label={t('consents.withdrawFor', { purpose: text.purpose(consent.purpose) })}
                      onClick={() => onWithdraw(consent)}
                    >
                      {t('consents.withdraw')}
                    </Button>
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
