import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { PostTemplate } from '@nahbar/common';
import { IconInfoCircle, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NoPermission } from '../../components/no-permission.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { channelKeys, channelsApi } from '../channels/channels-api.ts';
import { useOrgAccess } from '../settings/use-org-access.ts';
import { postKeys, templatesApi } from './posts-api.ts';
import { DeleteTemplateModal } from './template-delete-modal.tsx';
import { TemplateFormModal } from './template-form-modal.tsx';

/** /einstellungen/vorlagen: reusable starting points; the editorial team keeps them, everyone uses them. */
export function TemplatesPage() {
  const { t } = useTranslation('posts');
  const { org, allowed } = useOrgAccess();
  const orgId = org?.id ?? '';
  const readable = Boolean(org) && allowed('posts.read');
  const templates = useQuery({
    queryKey: postKeys.templates(orgId),
    queryFn: () => templatesApi.list(orgId),
    enabled: readable,
  });
  const channels = useQuery({
    queryKey: channelKeys.list(orgId),
    queryFn: () => channelsApi.list(orgId),
    enabled: readable,
  });
  const [editing, setEditing] = useState<PostTemplate | 'new' | null>(null);
  const [deleting, setDeleting] = useState<PostTemplate | null>(null);
  if (!org || !readable) return <NoPermission />;
  const manage = allowed('plan.manage');
  const channelName = (id: string) => channels.data?.find((c) => c.id === id)?.name;

  return (
    <Stack gap="md" maw={900}>
      <PageHeader title={t('templates.title')} description={t('templates.description')} />
      {!manage && (
        <Alert color="gray" icon={<IconInfoCircle aria-hidden />}>
          {t('templates.readOnly')}
        </Alert>
      )}
      {manage && (
        <Group>
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
            {t('templates.create')}
          </Button>
        </Group>
      )}
      {templates.isPending && <PageLoader />}
      {templates.isError && <QueryError error={templates.error} onRetry={() => void templates.refetch()} />}
      {templates.data?.length === 0 && <Text c="dimmed">{t('templates.empty')}</Text>}
      {templates.data?.map((template) => (
        <Card
          key={template.id}
          withBorder
          radius="md"
          padding="md"
          component="article"
          aria-labelledby={`tpl-${template.id}`}
        >
          <Stack gap="xs">
            <Group justify="space-between" wrap="wrap">
              <Title order={2} size="h4" id={`tpl-${template.id}`}>
                {template.name}
              </Title>
              {manage && (
                <Group gap="xs">
                  <Button
                    size="compact-sm"
                    variant="default"
                    leftSection={<IconPencil size={14} aria-hidden />}
                    aria-label={t('templates.editLabel', { name: template.name })}
                    onClick={() => setEditing(template)}
                  >
                    {t('templates.edit')}
                  </Button>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    color="red"
                    leftSection={<IconTrash size={14} aria-hidden />}
                    aria-label={t('templates.deleteLabel', { name: template.name })}
                    onClick={() => setDeleting(template)}
                  >
                    {t('templates.delete')}
                  </Button>
                </Group>
              )}
            </Group>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} lineClamp={6}>
              {template.text}
            </Text>
            {(template.tags.length > 0 || template.channelIds.length > 0) && (
              <Group gap={4}>
                {template.tags.map((tag) => (
                  <Badge key={tag} variant="light" color="gray" c="var(--mantine-color-text)" tt="none">
                    {tag}
                  </Badge>
                ))}
                {template.channelIds.map((id) => (
                  <Badge key={id} variant="outline" color="gray" c="var(--mantine-color-text)" tt="none">
                    {channelName(id) ?? t('templates.unknownChannel')}
                  </Badge>
                ))}
              </Group>
            )}
          </Stack>
        </Card>
      ))}
      <TemplateFormModal
        orgId={org.id}
        template={editing === 'new' ? null : editing}
        opened={editing !== null}
        channels={channels.data ?? []}
        onClose={() => setEditing(null)}
      />
      <DeleteTemplateModal orgId={org.id} template={deleting} onClose={() => setDeleting(null)} />
    </Stack>
  );
}
