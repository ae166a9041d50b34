import {
  Button,
  Card,
  Fieldset,
  Group,
  NumberInput,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { InboxClass, InboxSettings, ReplyApprovalMode } from '@nahbar/common';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/form-alert.tsx';
import { applyServerErrors } from '../../../components/server-errors.ts';
import { CLASSES, inboxApi, inboxKeys } from '../inbox-api.ts';
import { ReplyApprovalFields } from './reply-approval-fields.tsx';
import { type ApproverRole, approverRolesMissing, replyApprovalSettings } from './reply-approval-values.ts';

type Values = {
  workdayHours: number | string;
  weekendHours: number | string;
  pollMinutes: number | string;
  netiquetteUrl: string;
  crisisProcedure: string;
  protectedChannel: string;
  terms: Record<InboxClass, string[]>;
  replyApproval: ReplyApprovalMode;
  approverRoles: ApproverRole[];
};

function toValues(s: InboxSettings): Values {
  const terms = Object.fromEntries(CLASSES.map((c) => [c, [] as string[]])) as Record<InboxClass, string[]>;
  for (const e of s.extraTerms) terms[e.class].push(e.term);
  return {
    workdayHours: s.workdayTargetMinutes / 60,
    weekendHours: s.weekendTargetMinutes / 60,
    pollMinutes: s.pollMinutes,
    netiquetteUrl: s.netiquetteUrl ?? '',
    crisisProcedure: s.crisisProcedure ?? '',
    protectedChannel: s.protectedChannel ?? '',
    terms,
    replyApproval: s.replyApproval,
    approverRoles: s.replyApproverRoles,
  };
}

function toSettings(v: Values, saved: InboxSettings): InboxSettings {
  return {
    ...replyApprovalSettings(v.replyApproval, v.approverRoles, saved.replyApproverRoles),
    // Targets are stored in minutes; people think in hours.
    workdayTargetMinutes: Math.round(Number(v.workdayHours) * 60),
    weekendTargetMinutes: Math.round(Number(v.weekendHours) * 60),
    pollMinutes: Math.round(Number(v.pollMinutes)),
    netiquetteUrl: v.netiquetteUrl.trim() || null,
    crisisProcedure: v.crisisProcedure.trim() || null,
    protectedChannel: v.protectedChannel.trim() || null,
    extraTerms: CLASSES.flatMap((c) => v.terms[c].map((term) => ({ class: c, term: term.trim() }))),
  };
}

type Props = { orgId: string; settings: InboxSettings; editable: boolean };

export function InboxSettingsForm({ orgId, settings, editable }: Props) {
  const { t } = useTranslation(['inbox', 'common']);
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: toValues(settings),
    validate: {
      workdayHours: (h) => (Number(h) * 60 >= 5 && Number(h) <= 168 ? null : t('settings.validation.hours')),
      weekendHours: (h) => (Number(h) * 60 >= 5 && Number(h) <= 168 ? null : t('settings.validation.hours')),
      pollMinutes: (m) => (Number(m) >= 1 && Number(m) <= 1440 ? null : t('settings.validation.poll')),
      netiquetteUrl: (u) => (!u.trim() || /^https?:\/\/\S+$/.test(u.trim()) ? null : t('settings.validation.url')),
      approverRoles: (roles, values) =>
        approverRolesMissing(values.replyApproval, roles) ? t('settings.validation.approverRoles') : null,
    },
  });
  const save = useMutation({
    mutationFn: (values: Values) => inboxApi.updateSettings(orgId, toSettings(values, settings)),
    onSuccess: (saved) => {
      setFormError(null);
      queryClient.setQueryData(inboxKeys.settings(orgId), saved);
      form.setValues(toValues(saved));
      form.resetDirty(toValues(saved));
      notifications.show({ color: 'petrol', message: t('settings.saved') });
    },
    onError: (error) => setFormError(applyServerErrors(form, error)),
  });

  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="inbox-settings-title">
      <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
        <Stack>
          <Title order={2} size="h3" id="inbox-settings-title">
            {t('settings.title')}
          </Title>
          {!editable && (
            <Text size="sm" c="dimmed">
              {t('settings.readOnly')}
            </Text>
          )}
          <FormAlert message={formError} />
          <Fieldset legend={<Text fw={700}>{t('settings.targets')}</Text>} disabled={!editable} variant="unstyled">
            <Stack gap="sm">
              <Text size="sm" c="dimmed">
                {t('settings.targetsHint')}
              </Text>
              <Group grow align="flex-start">
                <NumberInput
                  label={t('settings.workday')}
                  suffix=" h"
                  min={0.1}
                  max={168}
                  step={0.5}
                  decimalScale={2}
                  {...form.getInputProps('workdayHours')}
                />
                <NumberInput
                  label={t('settings.weekend')}
                  suffix=" h"
                  min={0.1}
                  max={168}
                  step={1}
                  decimalScale={2}
                  {...form.getInputProps('weekendHours')}
                />
              </Group>
              <NumberInput
                label={t('settings.poll')}
                description={t('settings.pollHint')}
                suffix=" min"
                min={1}
                max={1440}
                {...form.getInputProps('pollMinutes')}
              />
            </Stack>
          </Fieldset>
          <Fieldset legend={<Text fw={700}>{t('settings.texts')}</Text>} disabled={!editable} variant="unstyled">
            <Stack gap="sm">
              <TextInput
                type="url"
                label={t('settings.netiquette')}
                description={t('settings.netiquetteHint', { placeholder: '{{netiquette}}' })}
                placeholder="https://"
                {...form.getInputProps('netiquetteUrl')}
              />
              <Textarea
                label={t('settings.crisisProcedure')}
                description={t('settings.crisisProcedureHint')}
                autosize
                minRows={3}
                maxLength={4000}
                {...form.getInputProps('crisisProcedure')}
              />
              <Textarea
                label={t('settings.protectedChannel')}
                description={t('settings.protectedChannelHint')}
                autosize
                minRows={2}
                maxLength={1000}
                {...form.getInputProps('protectedChannel')}
              />
            </Stack>
          </Fieldset>
          <ReplyApprovalFields
            mode={form.values.replyApproval}
            modeProps={form.getInputProps('replyApproval')}
            rolesProps={form.getInputProps('approverRoles')}
            disabled={!editable}
          />
          <Fieldset legend={<Text fw={700}>{t('settings.terms')}</Text>} disabled={!editable} variant="unstyled">
            <Stack gap="sm">
              <Text size="sm" c="dimmed">
                {t('settings.termsHint')}
              </Text>
              {CLASSES.map((c) => (
                <TagsInput key={c} label={t(`classes.${c}`)} maxTags={100} {...form.getInputProps(`terms.${c}`)} />
              ))}
            </Stack>
          </Fieldset>
          {editable && (
            <Button type="submit" loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
              {t('common:actions.save')}
            </Button>
          )}
        </Stack>
      </form>
    </Card>
  );
}
