import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  Modal,
  MultiSelect,
  Stack,
  Switch,
  TagsInput,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import type { ApprovalPolicy, Channel } from '@nahbar/common';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form-alert.tsx';
import { applyServerErrors } from '../../components/server-errors.ts';
import { approvalKeys, approvalsApi } from './approvals-api.ts';
import { emptyStep, hasCondition, MAX_STEPS, type PolicyValues, toInput, toValues } from './policy-form.ts';
import { StepFields } from './step-fields.tsx';

type Props = { orgId: string; editing: ApprovalPolicy | 'new' | null; channels: Channel[]; onClose: () => void };

export function PolicyModal({ orgId, editing, channels, onClose }: Props) {
  const { t } = useTranslation(['approvals', 'common']);
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const existing = editing && editing !== 'new' ? editing : null;
  const form = useForm<PolicyValues>({
    initialValues: toValues(null),
    validate: {
      name: (v) => (v.trim() ? null : t('common:validation.required')),
      steps: {
        name: (v) => (v.trim() ? null : t('common:validation.required')),
        roles: (v) => (v.length > 0 ? null : t('common:validation.rolesRequired')),
      },
      always: (_, values) => (hasCondition(values) ? null : t('approvals:policies.form.conditionRequired')),
    },
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: refill only when another policy opens
  useEffect(() => {
    form.setValues(toValues(existing));
    form.resetDirty();
    form.clearErrors();
    setFormError(null);
  }, [editing]);

  const save = useMutation({
    mutationFn: (values: PolicyValues) =>
      existing
        ? approvalsApi.updatePolicy(orgId, existing.id, toInput(values))
        : approvalsApi.createPolicy(orgId, toInput(values)),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: approvalKeys.policies(orgId) });
      onClose();
    },
    onError: (error) => setFormError(applyServerErrors(form, error)),
  });

  const steps = form.getValues().steps;
  return (
    <Modal
      opened={editing !== null}
      onClose={onClose}
      title={existing ? t('policies.form.editTitle', { name: existing.name }) : t('policies.form.addTitle')}
      size="xl"
    >
      <form noValidate onSubmit={form.onSubmit((values) => save.mutate(values))}>
        <Stack>
          <FormAlert message={formError} />
          <TextInput
            label={t('policies.form.name')}
            placeholder={t('policies.form.namePlaceholder')}
            required
            maxLength={120}
            {...form.getInputProps('name')}
          />
          {steps.map((step, index) => (
            <StepFields key={step.key} form={form} index={index} count={steps.length} />
          ))}
          <Group>
            <Button
              variant="default"
              leftSection={<IconPlus size={16} aria-hidden />}
              disabled={steps.length >= MAX_STEPS}
              onClick={() => form.insertListItem('steps', emptyStep())}
            >
              {t('policies.form.addStep')}
            </Button>
          </Group>
          <Fieldset legend={t('policies.form.conditions')} radius="md">
            <Stack gap="sm">
              <Checkbox
                label={t('policies.form.always')}
                {...form.getInputProps('always', { type: 'checkbox' })}
                error={undefined}
              />
              <Checkbox
                label={t('policies.form.peopleDepicted')}
                {...form.getInputProps('peopleDepicted', { type: 'checkbox' })}
              />
              <Checkbox
                label={t('policies.form.minorsDepicted')}
                {...form.getInputProps('minorsDepicted', { type: 'checkbox' })}
              />
              <Checkbox
                label={t('policies.form.contributorDefault')}
                description={t('policies.form.contributorDefaultHint')}
                {...form.getInputProps('contributorDefault', { type: 'checkbox' })}
              />
              <TagsInput
                label={t('policies.form.tags')}
                description={t('policies.form.tagsHint')}
                maxTags={20}
                {...form.getInputProps('tags')}
              />
              <MultiSelect
                label={t('policies.form.channels')}
                description={t('policies.form.channelsHint')}
                data={channels.map((c) => ({ value: c.id, label: c.name }))}
                nothingFoundMessage={t('policies.form.noChannels')}
                searchable
                clearable
                {...form.getInputProps('channelIds')}
              />
              {/* Shown until a condition is ticked, not only until the next save. */}
              <FormAlert
                message={form.errors.always && !hasCondition(form.getValues()) ? String(form.errors.always) : null}
              />
            </Stack>
          </Fieldset>
          <Switch
            label={t('policies.form.minorEdits')}
            description={t('policies.form.minorEditsHint')}
            {...form.getInputProps('minorEditsKeepApproval', { type: 'checkbox' })}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common:actions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
