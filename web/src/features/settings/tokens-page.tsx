import {
  Alert,
  Button,
  Card,
  Code,
  CopyButton,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { ApiToken, CreatedApiToken } from '@nahbar/common';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { applyServerErrors } from '../../components/server-errors.ts';
import { useFormatters } from '../../components/use-formatters.ts';
import { keys, settingsApi } from './settings-api.ts';

const EXPIRY_OPTIONS = ['30', '90', '365', 'never'] as const;
type Values = { name: string; expiry: (typeof EXPIRY_OPTIONS)[number] };

export function TokensPage() {
  const { t } = useTranslation(['settings', 'common']);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  return (
    <Stack gap="xl" maw={900}>
      <Text c="dimmed">{t('tokens.description')}</Text>
      {created && <NewTokenAlert token={created} onDone={() => setCreated(null)} />}
      <CreateTokenForm onCreated={setCreated} />
      <TokenList />
    </Stack>
  );
}

function NewTokenAlert({ token, onDone }: { token: CreatedApiToken; onDone: () => void }) {
  const { t } = useTranslation(['settings', 'common']);
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle aria-hidden />}
      title={t('tokens.createdTitle')}
      role="status"
    >
      <Stack gap="sm">
        <Text size="sm">{t('tokens.createdWarning')}</Text>
        <Code block data-testid="created-token" style={{ wordBreak: 'break-all' }}>
          {token.token}
        </Code>
        <Group>
          <CopyButton value={token.token}>
            {({ copied, copy }) => (
              <Button size="xs" onClick={copy}>
                {copied ? t('common:actions.copied') : t('tokens.copy')}
              </Button>
            )}
          </CopyButton>
          <Button size="xs" variant="default" onClick={onDone}>
            {t('tokens.createdDone')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

function CreateTokenForm({ onCreated }: { onCreated: (token: CreatedApiToken) => void }) {
  const { t } = useTranslation(['settings', 'common']);
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({
    mode: 'uncontrolled',
    initialValues: { name: '', expiry: '90' },
    validate: { name: (value) => (value.trim() ? null : t('common:validation.required')) },
  });
  const create = useMutation({
    mutationFn: (values: Values) =>
      settingsApi.createToken({
        name: values.name.trim(),
        expiresInDays: values.expiry === 'never' ? undefined : Number(values.expiry),
      }),
    onSuccess: (token) => {
      setFormError(null);
      form.reset();
      onCreated(token);
      void queryClient.invalidateQueries({ queryKey: keys.tokens });
    },
    onError: (error) => setFormError(applyServerErrors(form, error)),
  });
  const expiryData = EXPIRY_OPTIONS.map((value) => ({ value, label: t(`tokens.expiry.${value}`) }));

  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="token-create-title">
      <form onSubmit={form.onSubmit((values) => create.mutate(values))} noValidate>
        <Stack>
          <Title order={2} size="h3" id="token-create-title">
            {t('tokens.createTitle')}
          </Title>
          <FormAlert message={formError} />
          <Group align="flex-start" grow preventGrowOverflow={false}>
            <TextInput
              label={t('tokens.name')}
              description={t('tokens.nameHint')}
              required
              key={form.key('name')}
              {...form.getInputProps('name')}
            />
            <Select
              label={t('tokens.validity')}
              data={expiryData}
              allowDeselect={false}
              key={form.key('expiry')}
              {...form.getInputProps('expiry')}
            />
          </Group>
          <Button type="submit" loading={create.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('tokens.create')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

function TokenList() {
  const { t } = useTranslation(['settings', 'common']);
  const { formatDate } = useFormatters();
  const queryClient = useQueryClient();
  const tokens = useQuery({ queryKey: keys.tokens, queryFn: settingsApi.tokens });
  const revoke = useMutation({
    mutationFn: (token: ApiToken) => settingsApi.revokeToken(token.id),
    onSuccess: (_, token) => {
      queryClient.setQueryData<ApiToken[]>(keys.tokens, (old) => old?.filter((item) => item.id !== token.id));
      notifications.show({ color: 'petrol', message: t('tokens.revoked', { name: token.name }) });
    },
    onError: (error) => notifications.show({ color: 'red', message: error.message }),
  });

  return (
    <Stack component="section" aria-labelledby="token-list-title" gap="sm">
      <Title order={2} size="h3" id="token-list-title">
        {t('tokens.listTitle')}
      </Title>
      {tokens.isPending && <PageLoader />}
      {tokens.isError && <QueryError error={tokens.error} onRetry={() => void tokens.refetch()} />}
      {tokens.data?.length === 0 && <Text c="dimmed">{t('tokens.empty')}</Text>}
      {tokens.data && tokens.data.length > 0 && (
        <Table.ScrollContainer minWidth={680}>
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('tokens.columns.name')}</Table.Th>
                <Table.Th>{t('tokens.columns.prefix')}</Table.Th>
                <Table.Th>{t('tokens.columns.created')}</Table.Th>
                <Table.Th>{t('tokens.columns.lastUsed')}</Table.Th>
                <Table.Th>{t('tokens.columns.expires')}</Table.Th>
                <Table.Th>{t('members.columns.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tokens.data.map((token) => (
                <Table.Tr key={token.id}>
                  <Table.Td>{token.name}</Table.Td>
                  <Table.Td>
                    <Code>{token.prefix}…</Code>
                  </Table.Td>
                  <Table.Td>{formatDate(token.createdAt)}</Table.Td>
                  <Table.Td>{token.lastUsedAt ? formatDate(token.lastUsedAt) : t('tokens.neverUsed')}</Table.Td>
                  <Table.Td>{token.expiresAt ? formatDate(token.expiresAt) : t('tokens.noExpiry')}</Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      aria-label={t('tokens.revokeFor', { name: token.name })}
                      loading={revoke.isPending && revoke.variables?.id === token.id}
                      onClick={() => revoke.mutate(token)}
                    >
                      {t('tokens.revoke')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
