import { Button, Card, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { MembershipSummary, Role } from '@nahbar/common';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UiLanguage } from '../../../app/i18n.ts';
import { FormAlert } from '../../../components/form-alert.tsx';
import { LanguageSelect } from '../../../components/language-select.tsx';
import { RolesCheckboxGroup } from '../../../components/roles-checkbox-group.tsx';
import { applyServerErrors } from '../../../components/server-errors.ts';
import { useAuthValidators } from '../../auth/validators.ts';
import { keys, settingsApi } from '../settings-api.ts';

type Values = { email: string; roles: Role[]; language: UiLanguage };

export function InviteForm({ org }: { org: MembershipSummary }) {
  const { t } = useTranslation(['settings', 'common']);
  const validators = useAuthValidators();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { email: '', roles: ['editor'], language: org.language },
    validate: {
      email: validators.email,
      roles: (value) => (value.length > 0 ? null : t('common:validation.rolesRequired')),
    },
  });
  const invite = useMutation({
    mutationFn: (values: Values) => settingsApi.invite(org.id, { ...values, email: values.email.trim() }),
    onSuccess: (invitation) => {
      setFormError(null);
      form.reset();
      void queryClient.invalidateQueries({ queryKey: keys.invitations(org.id) });
      notifications.show({
        color: 'petrol',
        title: t('invite.sentTitle'),
        message: t('invite.sentText', { email: invitation.email }),
      });
    },
    onError: (error) => setFormError(applyServerErrors(form, error)),
  });

  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="invite-title" maw={720}>
      <form onSubmit={form.onSubmit((values) => invite.mutate(values))} noValidate>
        <Stack>
          <Stack gap={4}>
            <Title order={2} size="h3" id="invite-title">
              {t('invite.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('invite.description')}
            </Text>
          </Stack>
          <FormAlert message={formError} />
          <TextInput
            label={t('common:fields.email')}
            type="email"
            autoComplete="off"
            required
            {...form.getInputProps('email')}
          />
          <RolesCheckboxGroup
            value={form.values.roles}
            onChange={(roles) => form.setFieldValue('roles', roles)}
            error={form.errors.roles}
            ownerLocked={!org.roles.includes('owner')}
          />
          <LanguageSelect
            label={t('invite.language')}
            description={t('invite.languageHint')}
            {...form.getInputProps('language')}
          />
          <Button type="submit" loading={invite.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('invite.submit')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
