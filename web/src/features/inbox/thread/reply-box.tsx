import { Button, Card, Group, Menu, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Channel, InboxItem, InboxSettings, InboxThread, MembershipSummary, ReplyTemplate } from '@nahbar/common';
import { countText } from '@nahbar/common/rules/post-text';
import { renderTemplate } from '@nahbar/common/rules/reply-template';
import { IconChevronDown, IconHourglass, IconTemplate } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/form-alert.tsx';
import { errorMessage } from '../../../components/server-errors.ts';
import { atHandle } from '../handle.ts';
import { inboxApi, inboxKeys } from '../inbox-api.ts';
import { approverRolesText } from './reply-approval-text.ts';

type Props = {
  org: MembershipSummary;
  item: InboxItem;
  channel: Channel | undefined;
  settings: InboxSettings | undefined;
  /** Whether this answer goes to approval first (the organisation's setting for this item). */
  approval: InboxThread['replyApproval'];
};

export function ReplyBox({ org, item, channel, settings, approval }: Props) {
  const { t, i18n } = useTranslation(['inbox', 'roles']);
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [templateId, setTemplateId] = useState<string | undefined>();
  const [empty, setEmpty] = useState(false);
  const templates = useQuery({ queryKey: inboxKeys.templates(org.id), queryFn: () => inboxApi.templates(org.id) });
  const send = useMutation({
    mutationFn: () => inboxApi.reply(org.id, item.id, { text: text.trim(), templateId }),
    onSuccess: (reply) => {
      setText('');
      setTemplateId(undefined);
      if (reply.state === 'pending_approval') notifications.show({ color: 'petrol', message: t('reply.submitted') });
    },
    // Sent or failed, the thread shows the reply with the network's answer.
    onSettled: () => void queryClient.invalidateQueries({ queryKey: inboxKeys.all(org.id) }),
  });

  const insert = (template: ReplyTemplate) => {
    const filled = renderTemplate(template.body, {
      author: atHandle(item.author.handle),
      organisation: org.name,
      netiquette: settings?.netiquetteUrl ?? null,
      channel: item.channelName,
    });
    setText((old) => (old.trim() ? `${old.trimEnd()}\n\n${filled}` : filled));
    setTemplateId(template.id);
  };

  const approverText = approverRolesText(approval.roles, (role) => t(`roles:${role}.label`), i18n.language);
  const limits = channel?.limits;
  const count = limits ? countText(text, limits.counting) : text.length;
  const over = limits ? count > limits.maxChars && !limits.threads : false;

  return (
    <Card withBorder padding="md" radius="md" component="section" aria-labelledby={`reply-${item.id}`}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setEmpty(!text.trim());
          if (text.trim() && !over) send.mutate();
        }}
      >
        <Stack gap="sm">
          <Group justify="space-between" wrap="wrap">
            <Title order={3} size="h5" id={`reply-${item.id}`}>
              {t('reply.title')}
            </Title>
            <Menu position="bottom-end">
              <Menu.Target>
                <Button
                  variant="default"
                  size="xs"
                  leftSection={<IconTemplate size={14} aria-hidden />}
                  rightSection={<IconChevronDown size={14} aria-hidden />}
                  disabled={!templates.data?.length}
                >
                  {t('reply.insertTemplate')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {templates.data?.map((tpl) => (
                  <Menu.Item key={tpl.id} onClick={() => insert(tpl)}>
                    {tpl.name}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
          </Group>
          <FormAlert message={send.error ? errorMessage(send.error) : null} />
          <Textarea
            label={t('reply.text', { name: atHandle(item.author.handle) })}
            withAsterisk={false}
            required
            autosize
            minRows={4}
            maxLength={5000}
            value={text}
            error={empty ? t('reply.empty') : over ? t('reply.tooLong', { name: item.channelName }) : undefined}
            onChange={(event) => setText(event.currentTarget.value)}
          />
          {approval.required && (
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <IconHourglass size={18} aria-hidden color="var(--mantine-color-orange-8)" style={{ flexShrink: 0 }} />
              <Text size="sm">{t('reply.approvalHint', { roles: approverText })}</Text>
            </Group>
          )}
          <Group justify="space-between" wrap="wrap">
            {limits && (
              <Text size="sm" c={over ? 'red.8' : 'dimmed'}>
                {t('reply.count', { count, max: limits.maxChars, name: item.channelName })}
              </Text>
            )}
            <Button type="submit" loading={send.isPending} ml="auto">
              {approval.required ? t('reply.sendForApproval') : t('reply.send')}
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            {t('reply.publicHint')}
          </Text>
        </Stack>
      </form>
    </Card>
  );
}
