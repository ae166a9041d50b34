import { ActionIcon, Checkbox, Fieldset, Group, NumberInput, Radio, Stack, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PolicyValues } from './policy-form.ts';
import { STEP_ROLES } from './policy-text.ts';

type Props = { form: UseFormReturnType<PolicyValues>; index: number; count: number };

/** One step of the policy: its name, who decides, whether one approval is enough, and a deadline. */
export function StepFields({ form, index, count }: Props) {
  const { t } = useTranslation('approvals');
  const n = index + 1;
  const path = `steps.${index}`;
  return (
    <Fieldset legend={t('policies.form.stepLegend', { n })} radius="md">
      <Stack gap="sm">
        <Group align="flex-end" wrap="nowrap" gap="xs">
          <TextInput
            style={{ flex: 1 }}
            label={t('policies.form.stepName')}
            placeholder={t('policies.form.stepNamePlaceholder')}
            required
            maxLength={120}
            {...form.getInputProps(`${path}.name`)}
          />
          <ActionIcon
            variant="default"
            size="lg"
            disabled={index === 0}
            aria-label={t('policies.form.moveUp', { n })}
            onClick={() => form.reorderListItem('steps', { from: index, to: index - 1 })}
          >
            <IconArrowUp size={16} aria-hidden />
          </ActionIcon>
          <ActionIcon
            variant="default"
            size="lg"
            disabled={index === count - 1}
            aria-label={t('policies.form.moveDown', { n })}
            onClick={() => form.reorderListItem('steps', { from: index, to: index + 1 })}
          >
            <IconArrowDown size={16} aria-hidden />
          </ActionIcon>
          <ActionIcon
            variant="default"
            color="red"
            size="lg"
            disabled={count === 1}
            aria-label={t('policies.form.removeStep', { n })}
            onClick={() => form.removeListItem('steps', index)}
          >
            <IconTrash size={16} aria-hidden />
          </ActionIcon>
        </Group>
        <Checkbox.Group
          label={t('policies.form.roles')}
          description={t('policies.form.rolesHint')}
          required
          {...form.getInputProps(`${path}.roles`)}
          onChange={(next) =>
            form.setFieldValue(
              `${path}.roles`,
              STEP_ROLES.filter((r) => next.includes(r)),
            )
          }
        >
          <Group gap="md" mt="xs">
            {STEP_ROLES.map((role) => (
              <Checkbox key={role} value={role} label={t(`policies.roles.${role}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <Radio.Group label={t('policies.form.mode')} {...form.getInputProps(`${path}.mode`)}>
          <Group gap="md" mt="xs">
            <Radio value="any" label={t('policies.mode.any')} />
            <Radio value="all" label={t('policies.mode.all')} />
          </Group>
        </Radio.Group>
        <NumberInput
          label={t('policies.form.deadline')}
          description={t('policies.form.deadlineHint')}
          min={1}
          max={720}
          allowDecimal={false}
          allowNegative={false}
          maw={260}
          {...form.getInputProps(`${path}.deadlineHours`)}
        />
      </Stack>
    </Fieldset>
  );
}
