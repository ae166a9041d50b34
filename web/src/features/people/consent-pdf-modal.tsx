import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { CONSENT_PURPOSES, type ConsentPurpose, LANGUAGES, type Language } from '@nahbar/common';
import { IconFileTypePdf } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { peopleUrls } from './people-api.ts';

type Props = { orgId: string; personId: string; defaultLanguage: Language; onClose: () => void };

/** Choose purpose and language, then the browser opens the printable form (the server renders it). */
export function ConsentPdfModal({ orgId, personId, defaultLanguage, onClose }: Props) {
  const { t } = useTranslation(['people', 'common']);
  const [purpose, setPurpose] = useState<ConsentPurpose>('social_media');
  const [language, setLanguage] = useState<Language>(defaultLanguage);
  const url = peopleUrls.consentForm(orgId, personId, { purpose, language });

  return (
    <Modal opened onClose={onClose} title={t('consents.pdf.title')}>
      <Stack gap="sm">
        <Text size="sm">{t('consents.pdf.description')}</Text>
        <Select
          label={t('consents.pdf.purpose')}
          allowDeselect={false}
          data-autofocus
          value={purpose}
          onChange={(v) => v && setPurpose(v as ConsentPurpose)}
          data={CONSENT_PURPOSES.map((p) => ({ value: p, label: t(`consents.purposes.${p}`) }))}
        />
        <Select
          label={t('consents.pdf.language')}
          allowDeselect={false}
          value={language}
          onChange={(v) => v && setLanguage(v as Language)}
          data={LANGUAGES.map((l) => ({ value: l, label: t(`common:language.names.${l}`) }))}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button
            component="a"
            href={url}
            target="_blank"
            rel="noopener"
            leftSection={<IconFileTypePdf size={16} aria-hidden />}
            onClick={onClose}
          >
            {t('consents.pdf.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
