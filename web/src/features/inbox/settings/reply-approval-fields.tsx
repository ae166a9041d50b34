import { Checkbox, Fieldset, Group, Radio, Stack, Text } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import type { ReplyApprovalMode } from '@nahbar/common';
import { useTranslation } from 'react-i18next';
import { APPROVER_ROLES, REPLY_APPROVAL_MODES } from './reply-approval-values.ts';

type Props = {
  mode: ReplyApprovalMode;
  modeProps: GetInputPropsReturnType;
  rolesProps: GetInputPropsReturnType;
  disabled: boolean;
};

/** „Freigabe von Antworten“: which answers a second person approves first, and who does. */
export function ReplyApprovalFields({ mode, modeProps, rolesProps, disabled }: Props) {
  const { t } = useTranslation(['inbox', 'roles']);
  return (
    <Fieldset legend={<Text fw={700}>{t('settings.approval')}</Text>} disabled={disabled} variant="unstyled">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('settings.approvalHint')}
        </Text>
        <Radio.Group label={t('settings.approvalMode')} {...modeProps}>
          <Stack gap="xs" mt="xs">
            {REPLY_APPROVAL_MODES.map((m) => (
              <Radio key={m} value={m} label={t(`settings.approvalModes.${m}`)} />
            ))}
          </Stack>
        </Radio.Group>
        {mode !== 'off' && (
          <Checkbox.Group
            label={t('settings.approverRoles')}
            description={t('settings.approverRolesHint')}
            {...rolesProps}
          >
            <Group gap="md" mt="xs">
              {APPROVER_ROLES.map((role) => (
                <Checkbox key={role} value={role} label={t(`roles:${role}.label`)} />
              ))}
            </Group>
          </Checkbox.Group>
        )}
      </Stack>
    </Fieldset>
  );
}
