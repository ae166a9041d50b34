import { Button, Group, Modal, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  CONSENT_PURPOSES,
  type ConsentPurpose,
  type ConsentRequest,
  LANGUAGES,
  type Language,
  type Person,
  type Signatory,
} from '@nahbar/common';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form-alert.tsx';
import { applyServerErrors } from '../../components/server-errors.ts';
import { ConsentPictureField } from './consent-picture-field.tsx';
import { peopleApi, peopleKeys } from './people-api.ts';
import { possibleSignatories } from './signatory-hint.ts';
import { useConsentText } from './use-consent-text.ts';

type Props = {
  orgId: string;
  person: Person;
  defaultLanguage: Language;
  onClose: () => void;
  onCreated: (request: ConsentRequest) => void;
};
type Values = {
  purpose: ConsentPurpose;
  signatory: Signatory;
  language: Language;
  expiresInDays: number;
  validUntil: string;
  mediaId: string | null;
};

/** One link per signatory: the guardian (or the person) reads, sees the picture and confirms online. */
export function ConsentLinkModal({ orgId, person, defaultLanguage, onClose, onCreated }: Props) {
  const { t } = useTranslation(['people', 'common']);
  const text = useConsentText();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const possible = possibleSignatories(person);
  const form = useForm<Values>({
    initialValues: {
      purpose: 'social_media',
      // A child's consent comes from the guardians: ask the first one unless told otherwise.
      signatory: person.ageGroup === 'adult' || !possible.includes('guardian_1') ? 'person' : 'guardian_1',
      language: defaultLanguage,
      expiresInDays: 14,
      validUntil: '',
      mediaId: null,
    },
  });
  const create = useMutation({
    mutationFn: (v: Values) =>
      peopleApi.createConsentRequest(orgId, person.id, {
        purpose: v.purpose,
        signatory: v.signatory,
        language: v.language,
        expiresInDays: Number(v.expiresInDays) || 14,
        validUntil: v.validUntil || null,
        mediaId: v.mediaId,
      }),
    onSuccess: (request) => {
      void queryClient.invalidateQueries({ queryKey: peopleKeys.requests(orgId, person.id) });
      onCreated(request);
      onClose();
    },
    onError: (error) => setFormError(applyServerErrors(form, error)),
  });

  return (
    <Modal opened onClose={onClose} size="lg" title={t('consents.links.form.title')}>
      <form
        noValidate
        onSubmit={form.onSubmit((v) => {
          setFormError(null);
          create.mutate(v);
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
          <Select
            label={t('consents.links.form.signatory')}
            required
            allowDeselect={false}
            data={possible.map((s) => ({ value: s, label: text.signatory(s, person) }))}
            {...form.getInputProps('signatory')}
          />
          <Group grow align="flex-start">
            <Select
              label={t('consents.links.form.language')}
              allowDeselect={false}
              data={LANGUAGES.map((l) => ({ value: l, label: t(`common:language.names.${l}`) }))}
              {...form.getInputProps('language')}
            />
            <NumberInput
              label={t('consents.links.form.expiresInDays')}
              min={1}
              max={60}
              allowDecimal={false}
              {...form.getInputProps('expiresInDays')}
            />
          </Group>
          <TextInput
            type="date"
            label={t('consents.form.validUntil')}
            description={t('consents.form.validUntilHint')}
            {...form.getInputProps('validUntil')}
          />
          <ConsentPictureField
            orgId={orgId}
            mediaId={form.getValues().mediaId}
            onChange={(mediaId) => form.setFieldValue('mediaId', mediaId)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('consents.links.form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
