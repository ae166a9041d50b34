import { Alert, Button, Group, List, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  type Consent,
  localDay,
  type Person,
  WITHDRAWAL_WAYS,
  type WithdrawalResult,
  type WithdrawConsentInput,
} from '@nahbar/common';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form-alert.tsx';
import { applyServerErrors } from '../../components/server-errors.ts';
import { peopleApi, peopleKeys } from './people-api.ts';
import { possibleSignatories } from './signatory-hint.ts';
import { useConsentText } from './use-consent-text.ts';

type Props = { orgId: string; timeZone: string; person: Person; consent: Consent; onClose: () => void };
type Values = { on: string; by: WithdrawConsentInput['by']; how: WithdrawConsentInput['how']; note: string };

/** Records a withdrawal; the server stops scheduled posts and takes published ones down, then says how many. */
export function WithdrawModal({ orgId, timeZone, person, consent, onClose }: Props) {
  const { t } = useTranslation(['people', 'common']);
  const text = useConsentText();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const [result, setResult] = useState<WithdrawalResult | null>(null);
  const form = useForm<Values>({
    initialValues: {
      on: localDay(Date.now(), timeZone),
      by: consent.givenBy[0] ?? 'person',
      how: 'written',
      note: '',
    },
    validate: { on: (v) => (v ? null : t('consents.form.required')) },
  });
  const withdraw = useMutation({
    mutationFn: (v: Values) =>
      peopleApi.withdraw(orgId, consent.id, { on: v.on, by: v.by, how: v.how, note: v.note.trim() || null }),
    onSuccess: (answer) => {
      void queryClient.invalidateQueries({ queryKey: peopleKeys.all(orgId) });
      setResult(answer);
    },
    onError: (error) => setFormError(applyServerErrors(form, error)),
  });
  const byOptions = [...possibleSignatories(person), 'other' as const].map((s) => ({
    value: s,
    label: text.signatory(s, person),
  }));

  return (
    <Modal opened onClose={onClose} size="lg" title={result ? t('withdraw.result.title') : t('withdraw.title')}>
      {result ? (
        <Stack gap="sm">
          <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden />} role="status">
            <List spacing={4} size="sm">
              <List.Item>{t('withdraw.result.stopped', { count: result.stoppedTargets })}</List.Item>
              <List.Item>{t('withdraw.result.takedowns', { count: result.takedowns })}</List.Item>
              <List.Item>{t('withdraw.result.manual', { count: result.manualTasks })}</List.Item>
            </List>
          </Alert>
          {result.manualTasks > 0 && <Text size="sm">{t('withdraw.result.manualHint')}</Text>}
          <Group justify="flex-end">
            <Button onClick={onClose} data-autofocus>
              {t('withdraw.result.close')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form
          noValidate
          onSubmit={form.onSubmit((v) => {
            setFormError(null);
            withdraw.mutate(v);
          })}
        >
          <Stack gap="sm">
            <FormAlert message={formError} />
            <Text size="sm" fw={500}>
              {t('withdraw.summary', { purpose: text.purpose(consent.purpose), range: text.range(consent) })}
            </Text>
            <Alert
              color="red"
              variant="light"
              icon={<IconAlertTriangle aria-hidden />}
              title={t('withdraw.warningTitle')}
              styles={{ title: { color: 'var(--mantine-color-text)' } }}
            >
              {t('withdraw.warning')}
            </Alert>
            <Group grow align="flex-start">
              <TextInput
                type="date"
                label={t('withdraw.on')}
                required
                data-autofocus
                max={localDay(Date.now(), timeZone)}
                {...form.getInputProps('on')}
              />
              <Select
                label={t('withdraw.by')}
                required
                allowDeselect={false}
                data={byOptions}
                {...form.getInputProps('by')}
              />
            </Group>
            <Select
              label={t('withdraw.how')}
              required
              allowDeselect={false}
              data={WITHDRAWAL_WAYS.map((w) => ({ value: w, label: t(`withdraw.ways.${w}`) }))}
              {...form.getInputProps('how')}
            />
            <Textarea
              label={t('withdraw.note')}
              autosize
              minRows={2}
              maxLength={2000}
              {...form.getInputProps('note')}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common:actions.cancel')}
              </Button>
              <Button type="submit" color="red" loading={withdraw.isPending}>
                {t('withdraw.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
