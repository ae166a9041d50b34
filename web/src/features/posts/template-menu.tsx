import { Button, Menu, Text } from '@mantine/core';
import type { PostTemplate } from '@nahbar/common';
import { IconTemplate } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { postKeys, templatesApi } from './posts-api.ts';

/** "Vorlage verwenden": fills text, tags and channels from a template. */
export function TemplateMenu({ orgId, onPick }: { orgId: string; onPick: (template: PostTemplate) => void }) {
  const { t } = useTranslation('posts');
  const templates = useQuery({ queryKey: postKeys.templates(orgId), queryFn: () => templatesApi.list(orgId) });
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="subtle" size="compact-sm" leftSection={<IconTemplate size={16} aria-hidden />}>
          {t('templates.use')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown maw={320}>
        {templates.data?.length === 0 && (
          <Text size="sm" c="dimmed" p="xs">
            {t('templates.none')}
          </Text>
        )}
        {templates.data?.map((template) => (
          <Menu.Item key={template.id} onClick={() => onPick(template)}>
            {template.name}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
