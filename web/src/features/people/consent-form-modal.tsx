import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  Radio,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import {
  type Channel,
  CONSENT_PURPOSES,
  type ConsentPurpose,
  localDay,
  type Person,
  type Signatory,
} from '@nahbar/common';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form-alert.tsx';
import { applyServerErrors } from '../../components/server-errors.ts';
import { ConsentPictureField } from './consent-picture-field.tsx';
import { peopleApi, peopleKeys } from './people-api.ts';
import { possibleSignatories, signatoryNeeds, useAgeRules } from './signatory-hint.ts';
import { SOCIAL_NETWORKS, useConsentText } from './use-consent-text.ts';

type Props = { orgId: string; timeZone: string; person: Person; channels: Channel[]; onClose: () => void };

type Values = {
  purpose: ConsentPurpose;
  networks: string[];
  channelIds: string[];
  validFrom: string;
  validUntil: string;
  form: 'written' | 'digital';
  givenBy: Signatory[];
  mediaId: string | null;
};

/** "Einwilligung erfassen": what for, where, how long, and who signed — with who must sign for this age. */
export function ConsentFormModal({ orgId, timeZone, person, channels, onClose }: Props) {
  const { t } = useTranslation(['people', 'common', 'channels']);
  const text = useConsentText();
  const rules = useAgeRules(orgId);
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: {
      purpose: 'social_media',
      networks: [],
      channelIds: [],
      validFrom: localDay(Date.now(), timeZone),
      validUntil: '',
      form: 'written',
      givenBy: [],
      mediaId: null,
    },
    validate: {
      validFrom: (v) => (v ? null : t('consents.form.required')),
      validUntil: (v, values) => (v && v < values.validFrom ? t('consents.form.untilBeforeFrom') : null),
      givenBy: (v) => (v.length > 0 ? null : t('consents.form.givenByRequired')),
    },
  });
  const save = useMutation({
    mutationFn: (v: Values) => {
      const social = v.purpose === 'social_media';
      return peopleApi.createConsent(orgId, person.id, {
        purpose: v.purpose,
        networks: social ? (v.networks as (typeof SOCIAL_NETWORKS)[number][]) : [],
        channelIds: social ? v.channelIds : [],
        validFrom: v.validFrom,
        validUntil: v.validUntil || null,
        form: v.form,
        givenBy: v.givenBy,
        mediaId: v.mediaId,
      });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: peopleKeys.all(orgId) });
      notifications.show({ color: 'petrol', message: t('consents.recorded') });
      onClose();
    },
    onError: (error) => setFormError(applyServerErrors(form, error)),
  });

  const values = form.getValues();
  const social = values.purpose === 'social_media';
  const pickable = channels.filter(
    (c) => c.network !== 'feed' && (values.networks.length === 0 || values.networks.includes(c.network)),
  );
  const needs = signatoryNeeds(person, values.validFrom || localDay(Date.now(), timeZone), rules, values.givenBy);
  const possible = possibleSignatories(person);
  const lacksGuardian = needs.required.some((s) => !possible.includes(s));

  return (
    <Modal opened onClose={onClose} size="lg" title={t('consents.form.title')}>
      <form
        noValidate
        onSubmit={form.onSubmit((v) => {
          setFormError(null);
          save.mutate(v);
        })}
      >
        <Stack gap="sm">
          <FormAlert message={formError} />
          <Select
            label={t('consents.form.purpose')}
            required
            allowDeselect={false}
            data-autofocus
            data={CONSENT_PURPOSES.map((p) => ({ value: p, label: text.purpose(p) }))}
            {...form.getInputProps('purpose')}
          />
          {social && (
            <Group grow align="flex-start">
              <MultiSelect
                label={t('consents.form.networks')}
                description={t('consents.form.networksHint')}
                data={SOCIAL_NETWORKS.map((n) => ({ value: n, label: t(`channels:networks.${n}`) }))}
                {...form.getInputProps('networks')}
              />
              <MultiSelect
                label={t('consents.form.channels')}
                description={pickable.length > 0 ? t('consents.form.channelsHint') : t('consents.form.noChannels')}
                disabled={pickable.length === 0}
                searchable
                data={pickable.map((c) => ({ value: c.id, label: c.name }))}
                {...form.getInputProps('channelIds')}
              />
            </Group>
          )}
          <Group grow align="flex-start">
            <TextInput type="date" label={t('consents.form.validFrom')} required {...form.getInputProps('validFrom')} />
            <TextInput
              type="date"
              label={t('consents.form.validUntil')}
              description={t('consents.form.validUntilHint')}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              {...form.getInputProps('validUntil')}
            />
          </Group>
          <Radio.Group label={t('consents.form.form')} required {...form.getInputProps('form')}>
            <Group mt={4}>
              <Radio value="written" label={t('consents.forms.written')} />
              <Radio value="digital" label={t('consents.forms.digital')} />
            </Group>
          </Radio.Group>
          <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />}>
            <Text size="sm">
              {t(`consents.form.needs.${needs.group}`, {
                name: person.displayName,
                who: text.signatories(needs.required, person),
              })}
            </Text>
          </Alert>
          <Checkbox.Group label={t('consents.form.givenBy')} required {...form.getInputProps('givenBy')}>
            <Stack gap={6} mt={4}>
              {possible.map((s) => (
                <Checkbox key={s} value={s} label={text.signatory(s, person)} />
              ))}
            </Stack>
          </Checkbox.Group>
          {lacksGuardian && (
            <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} role="status">
              {t('consents.form.noGuardianRecorded')}
            </Alert>
          )}
          {!lacksGuardian && values.givenBy.length > 0 && needs.missing.length > 0 && (
            <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} role="status">
              {t('consents.form.missing', { who: text.signatories(needs.missing, person) })}
            </Alert>
          )}
          <ConsentPictureField
            orgId={orgId}
            mediaId={values.mediaId}
            onChange={(mediaId) => form.setFieldValue('mediaId', mediaId)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('consents.form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
