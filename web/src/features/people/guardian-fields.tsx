import { Button, Checkbox, Fieldset, Group, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PersonFormValues } from './person-form-values.ts';

/** Up to two guardians (name + contact) and the joint-custody flag, which only means something with two. */
export function GuardianFields({ form }: { form: UseFormReturnType<PersonFormValues> }) {
  const { t } = useTranslation('people');
  const guardians = form.getValues().guardians;
  return (
    <Fieldset legend={t('register.form.guardians')}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('register.form.guardiansHint')}
        </Text>
        {guardians.map((_, index) => {
          const n = index + 1;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: guardians are numbered by position, like on the person
            <Group key={index} align="flex-end" wrap="nowrap">
              <TextInput
                label={t('register.form.guardianName', { n })}
                required
                maxLength={120}
                style={{ flex: 1 }}
                {...form.getInputProps(`guardians.${index}.name`)}
              />
              <TextInput
                label={t('register.form.guardianContact', { n })}
                placeholder={t('register.form.guardianContactHint')}
                maxLength={300}
                style={{ flex: 1 }}
                {...form.getInputProps(`guardians.${index}.contact`)}
              />
              <Button
                variant="subtle"
                color="red"
                aria-label={t('register.form.removeGuardian', { n })}
                onClick={() => form.removeListItem('guardians', index)}
              >
                <IconTrash size={18} aria-hidden />
              </Button>
            </Group>
          );
        })}
        {guardians.length < 2 && (
          <Button
            variant="default"
            leftSection={<IconPlus size={16} aria-hidden />}
            style={{ alignSelf: 'flex-start' }}
            onClick={() => form.insertListItem('guardians', { name: '', contact: '' })}
          >
            {t('register.form.addGuardian')}
          </Button>
        )}
        {guardians.length === 2 && (
          <Checkbox
            label={t('register.form.jointCustody')}
            description={t('register.form.jointCustodyHint')}
            {...form.getInputProps('jointCustody', { type: 'checkbox' })}
          />
        )}
      </Stack>
    </Fieldset>
  );
}
