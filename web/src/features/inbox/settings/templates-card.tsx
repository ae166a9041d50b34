import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReplyTemplate } from '@nahbar/common';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/form-alert.tsx';
import { PageLoader } from '../../../components/page-loader.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { errorMessage } from '../../../components/server-errors.ts';
import { inboxApi, inboxKeys } from '../inbox-api.ts';
import { TemplateModal } from './template-modal.tsx';

type Editing = ReplyTemplate | 'new' | null;

/** Antwortbausteine: answers the team writes once and adapts, with placeholders filled per comment. */
export function TemplatesCard({ orgId, editable }: { orgId: string; editable: boolean }) {
  const { t } = useTranslation('inbox');
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Editing>(null);
  const templates = useQuery({ queryKey: inboxKeys.templates(orgId), queryFn: () => inboxApi.templates(orgId) });
  const remove = useMutation({
    mutationFn: (id: string) => inboxApi.deleteTemplate(orgId, id),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: inboxKeys.templates(orgId) }),
  });

  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="templates-title">
      <Stack>
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h3" id="templates-title">
            {t('templates.title')}
          </Title>
          {editable && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
              {t('templates.add')}
            </Button>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {t('templates.description')}
        </Text>
        <FormAlert message={remove.error ? errorMessage(remove.error) : null} />
        {templates.isPending && <PageLoader />}
        {templates.isError && <QueryError error={templates.error} onRetry={() => void templates.refetch()} />}
        {templates.data?.length === 0 && <Text c="dimmed">{t('templates.empty')}</Text>}
        <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
          {templates.data?.map((tpl) => (
            <Card key={tpl.id} component="li" withBorder padding="sm" radius="md" aria-label={tpl.name}>
              <Stack gap={4}>
                <Group justify="space-between" wrap="wrap">
                  <Text fw={600}>{tpl.name}</Text>
                  {editable && (
                    <Group gap="xs">
                      <Button
                        size="xs"
                        variant="default"
                        leftSection={<IconPencil size={14} aria-hidden />}
                        aria-label={t('templates.editNamed', { name: tpl.name })}
                        onClick={() => setEditing(tpl)}
                      >
                        {t('templates.edit')}
                      </Button>
                      <Button
                        size="xs"
                        variant="default"
                        color="red"
                        leftSection={<IconTrash size={14} aria-hidden />}
                        aria-label={t('templates.deleteNamed', { name: tpl.name })}
                        loading={remove.isPending && remove.variables === tpl.id}
                        onClick={() => remove.mutate(tpl.id)}
                      >
                        {t('templates.delete')}
                      </Button>
                    </Group>
                  )}
                </Group>
                <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }} lineClamp={4}>
                  {tpl.body}
                </Text>
              </Stack>
            </Card>
          ))}
        </Stack>
      </Stack>
      <TemplateModal orgId={orgId} editing={editing} onClose={() => setEditing(null)} />
    </Card>
  );
}
