import { Alert, Button, CopyButton, Modal, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import type { ReviewLink } from '@nahbar/common';
import { IconCheck, IconCopy, IconLink } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form-alert.tsx';
import { errorMessage } from '../../components/server-errors.ts';
import { approvalKeys, approvalsApi } from '../approvals/approvals-api.ts';

/**
 * „Link für externe Freigabe“: for a reviewer without an account (a board member). The link is
 * shown once, right after it is made; the server keeps only its hash.
 */
export function ReviewLinkDialog({ orgId, reviewId }: { orgId: string; reviewId: string }) {
  const { t } = useTranslation('posts');
  const queryClient = useQueryClient();
  const [opened, setOpened] = useState(false);
  const [name, setName] = useState('');
  const [days, setDays] = useState<number>(7);
  const [nameError, setNameError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<ReviewLink | null>(null);
  const close = () => {
    setOpened(false);
    setCreated(null);
    setName('');
    setError(null);
    setNameError(null);
  };
  const create = async () => {
    if (!name.trim()) {
      setNameError(t('review.link.nameRequired'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setCreated(await approvalsApi.createLink(orgId, reviewId, { name: name.trim(), expiresInDays: days }));
      void queryClient.invalidateQueries({ queryKey: approvalKeys.links(orgId, reviewId) });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button
        variant="light"
        size="compact-sm"
        leftSection={<IconLink size={16} aria-hidden />}
        onClick={() => setOpened(true)}
        style={{ alignSelf: 'flex-start' }}
      >
        {t('review.link.open')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('review.link.title')}>
        {created?.url ? (
          <Stack gap="sm">
            <Alert color="petrol" variant="light">
              {t('review.link.once', { name: created.name })}
            </Alert>
            <TextInput
              label={t('review.link.url')}
              value={created.url}
              readOnly
              onFocus={(e) => e.currentTarget.select()}
            />
            <CopyButton value={created.url}>
              {({ copied, copy }) => (
                <Button
                  onClick={copy}
                  leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
                >
                  {copied ? t('review.link.copied') : t('review.link.copy')}
                </Button>
              )}
            </CopyButton>
            <Button variant="default" onClick={close}>
              {t('review.link.close')}
            </Button>
          </Stack>
        ) : (
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              event.stopPropagation();
              void create();
            }}
          >
            <Stack gap="sm">
              <Text size="sm">{t('review.link.intro')}</Text>
              <TextInput
                label={t('review.link.name')}
                required
                maxLength={200}
                value={name}
                error={nameError}
                onChange={(event) => setName(event.currentTarget.value)}
              />
              <NumberInput
                label={t('review.link.days')}
                min={1}
                max={30}
                clampBehavior="strict"
                allowDecimal={false}
                value={days}
                onChange={(value) => setDays(typeof value === 'number' ? value : 7)}
              />
              <FormAlert message={error ? errorMessage(error) : null} />
              <Button type="submit" loading={busy}>
                {t('review.link.create')}
              </Button>
            </Stack>
          </form>
        )}
      </Modal>
    </>
  );
}
