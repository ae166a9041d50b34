import { Badge, Button, Card, Group, List, Stack, Switch, Text, Title } from '@mantine/core';
import type { ApprovalPolicy } from '@nahbar/common';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form-alert.tsx';
import { errorMessage } from '../../components/server-errors.ts';
import { approvalKeys, approvalsApi } from './approvals-api.ts';
import { ruleTexts, stepChain, stepDetails } from './policy-text.ts';

type Props = {
  orgId: string;
  policy: ApprovalPolicy;
  editable: boolean;
  channelName: (id: string) => string | undefined;
  onEdit: () => void;
  onDelete: () => void;
};

/** One policy: its steps in order, when it applies, and (for managers) the switch and actions. */
export function PolicyCard({ orgId, policy, editable, channelName, onEdit, onDelete }: Props) {
  const { t } = useTranslation('approvals');
  const queryClient = useQueryClient();
  const toggle = useMutation({
    mutationFn: (active: boolean) => approvalsApi.updatePolicy(orgId, policy.id, { active }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: approvalKeys.policies(orgId) }),
  });
  const titleId = `policy-${policy.id}`;
  const rules = ruleTexts(t, policy.rules, channelName);
  return (
    <Card component="li" withBorder padding="md" radius="md" aria-labelledby={titleId}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="xs">
            <Title order={3} size="h4" id={titleId}>
              {policy.name}
            </Title>
            {!policy.active && (
              <Badge color="gray" c="var(--mantine-color-text)" variant="light">
                {t('policies.inactive')}
              </Badge>
            )}
          </Group>
          <Group gap="xs">
            <Switch
              label={t('policies.active')}
              aria-label={t('policies.activeNamed', { name: policy.name })}
              checked={toggle.isPending ? Boolean(toggle.variables) : policy.active}
              disabled={!editable || toggle.isPending}
              onChange={(e) => toggle.mutate(e.currentTarget.checked)}
            />
            {editable && (
              <>
                <Button
                  size="xs"
                  variant="default"
                  leftSection={<IconPencil size={14} aria-hidden />}
                  aria-label={t('policies.editNamed', { name: policy.name })}
                  onClick={onEdit}
                >
                  {t('policies.edit')}
                </Button>
                <Button
                  size="xs"
                  variant="default"
                  color="red"
                  leftSection={<IconTrash size={14} aria-hidden />}
                  aria-label={t('policies.deleteNamed', { name: policy.name })}
                  onClick={onDelete}
                >
                  {t('policies.delete.button')}
                </Button>
              </>
            )}
          </Group>
        </Group>
        <Text fw={600}>{stepChain(policy.steps)}</Text>
        <List size="sm" type="ordered" spacing={2}>
          {policy.steps.map((step, i) => (
            // Steps have no id; their position is what identifies them.
            // biome-ignore lint/suspicious/noArrayIndexKey: the order is the identity
            <List.Item key={i}>
              <Text span size="sm" fw={600}>
                {step.name}:
              </Text>{' '}
              {stepDetails(t, step)}
            </List.Item>
          ))}
        </List>
        <Text size="sm">
          <Text span fw={600} size="sm">
            {t('policies.appliesLabel')}
          </Text>{' '}
          {rules.length > 0 ? rules.join(t('policies.rule.or')) : t('policies.rule.never')}
        </Text>
        {policy.minorEditsKeepApproval && (
          <Text size="sm" c="dimmed">
            {t('policies.minorEditsKept')}
          </Text>
        )}
        <FormAlert message={toggle.error ? errorMessage(toggle.error) : null} />
      </Stack>
    </Card>
  );
}
