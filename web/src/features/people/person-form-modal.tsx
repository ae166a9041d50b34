import { Button, Group, Modal, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { AGE_BANDS, PERSON_KINDS, type Person } from '@nahbar/common';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form-alert.tsx';
import { applyServerErrors } from '../../components/server-errors.ts';
import { GuardianFields } from './guardian-fields.tsx';
import { peopleApi, peopleKeys } from './people-api.ts';
import { type PersonFormValues, personFormValues, personInput } from './person-form-values.ts';

type Props = {
  orgId: string;
  /** The person to edit, or null to create one. */
  person: Person | null;
  /** Notes are for privacy officers only. */
  withNotes: boolean;
  onClose: () => void;
  onSaved?: (person: Person) => void;
};

/** Create or edit a register entry: a pseudonym, the kind, the age and the guardians. */
export function PersonFormModal({ orgId, person, withNotes, onClose, onSaved }: Props) {
  const { t } = useTranslation(['people', 'common']);
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<PersonFormValues>({
    initialValues: personFormValues(person),
    validate: {
      displayName: (v) => (v.trim() ? null : t('register.form.required')),
      birthDate: (v, values) => (values.ageHow === 'birthDate' && !v ? t('register.form.ageRequired') : null),
      ageBand: (v, values) => (values.ageHow === 'band' && !v ? t('register.form.ageRequired') : null),
      guardians: { name: (v) => (v.trim() ? null : t('register.form.required')) },
    },
  });

  const save = useMutation({
    mutationFn: (values: PersonFormValues) => {
      const input = personInput(values, withNotes);
      return person ? peopleApi.update(orgId, person.id, input) : peopleApi.create(orgId, input);
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(peopleKeys.person(orgId, saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: peopleKeys.all(orgId) });
      notifications.show({
        color: 'petrol',
        message: person ? t('person.updated') : t('register.created', { name: saved.displayName }),
      });
      onSaved?.(saved);
      onClose();
    },
    onError: (error) => setFormError(applyServerErrors(form, error)),
  });

  const values = form.getValues();
  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={person ? t('register.form.editTitle') : t('register.form.createTitle')}
    >
      <form
        noValidate
        onSubmit={form.onSubmit((v) => {
          setFormError(null);
          save.mutate(v);
        })}
      >
        <Stack gap="sm">
          <FormAlert message={formError} />
          <TextInput
            label={t('register.form.displayName')}
            description={t('register.form.displayNameHint')}
            required
            maxLength={120}
            data-autofocus
            {...form.getInputProps('displayName')}
          />
          <Select
            label={t('register.form.kind')}
            required
            allowDeselect={false}
            data={PERSON_KINDS.map((k) => ({ value: k, label: t(`register.kinds.${k}`) }))}
            {...form.getInputProps('kind')}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="person-age-how">
              {t('register.form.ageHow')}
            </Text>
            <SegmentedControl
              aria-labelledby="person-age-how"
              data={[
                { value: 'birthDate', label: t('register.form.byBirthDate') },
                { value: 'band', label: t('register.form.byBand') },
              ]}
              {...form.getInputProps('ageHow')}
            />
          </Stack>
          {values.ageHow === 'birthDate' ? (
            <TextInput
              type="date"
              label={t('register.form.birthDate')}
              description={t('register.form.birthDateHint')}
              required
              {...form.getInputProps('birthDate')}
            />
          ) : (
            <Select
              label={t('register.form.ageBand')}
              required
              data={AGE_BANDS.map((b) => ({ value: b, label: t(`register.ageBands.${b}`) }))}
              {...form.getInputProps('ageBand')}
            />
          )}
          <GuardianFields form={form} />
          {withNotes && (
            <Textarea
              label={t('register.form.notes')}
              description={t('register.form.notesHint')}
              autosize
              minRows={2}
              maxLength={5000}
              {...form.getInputProps('notes')}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {person ? t('register.form.submitEdit') : t('register.form.submitCreate')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
