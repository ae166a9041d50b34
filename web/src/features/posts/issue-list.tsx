import { List, Text } from '@mantine/core';
import { IconAlertCircle, IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../app/i18n.ts';
import type { PostIssue } from './composer-checks.ts';

type Props = { issues: PostIssue[]; prefix?: string };

/** Errors and hints in words with an icon and a "Fehler:"/"Hinweis:" label: never colour alone. */
export function IssueList({ issues, prefix }: Props) {
  const { t } = useTranslation('posts');
  if (issues.length === 0) return null;
  const language = currentLanguage();
  return (
    <List spacing={4} size="sm" listStyleType="none" ml={0} pl={0}>
      {issues.map((issue, index) => {
        const error = issue.severity === 'error';
        const Icon = error ? IconAlertCircle : IconAlertTriangle;
        return (
          <List.Item
            // biome-ignore lint/suspicious/noArrayIndexKey: the same code can occur twice with other params
            key={`${issue.field}-${issue.code}-${index}`}
            icon={
              <Icon
                size={16}
                aria-hidden
                color={error ? 'var(--mantine-color-red-7)' : 'var(--mantine-color-yellow-8)'}
              />
            }
          >
            <Text size="sm" component="span" c={error ? 'red.8' : undefined}>
              <Text span fw={600} inherit>
                {error ? t('composer.issue.error') : t('composer.issue.warning')}
              </Text>{' '}
              {prefix && `${prefix}: `}
              {issue.message[language]}
            </Text>
          </List.Item>
        );
      })}
    </List>
  );
}
