import { Button, Checkbox, Image, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { PublicConsentRequest } from '@nahbar/common';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { applyServerErrors } from '../../components/server-errors.ts';
import { consentLinkApi } from './consent-link-api.ts';
import { ConsentText } from './consent-text.tsx';

type Props = { token: string; request: PublicConsentRequest };

/** An open link: what it is about, the picture, the whole text, then name + tick + button. */
export function ConsentLinkForm({ token, request }: Props) {
  const { t, i18n } = useTranslation('people');
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { name: '', agree: false },
    validate: {
      name: (value) => (value.trim() ? null : t('consentLink.nameRequired')),
      agree: (value) => (value ? null : t('consentLink.agreeRequired')),
    },
  });
  const confirm = useMutation({
    mutationFn: (name: string) => consentLinkApi.confirm(token, name),
    onSuccess: (next) => queryClient.setQueryData(['consent-link', token], next),
    onError: (error) => {
      // Used, expired or withdrawn meanwhile: the page shows that state instead of the form.
      if (error instanceof ApiError && error.status === 410) {
        void queryClient.invalidateQueries({ queryKey: ['consent-link', token] });
        return;
      }
      setFormError(applyServerErrors(form, error));
    },
  });
  const validUntil = request.validUntil
    ? new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'de-DE', {
        dateStyle: 'long',
        timeZone: 'UTC',
      }).format(new Date(`${request.validUntil}T12:00:00Z`))
    : t('consentLink.noEnd');
  const askedAs = request.signatoryName
    ? `${request.signatoryName} (${t(`consentLink.signatory.${request.signatory}`)})`
    : t(`consentLink.signatory.${request.signatory}`);

  return (
    <Stack gap="lg">
      <Table variant="vertical" layout="fixed" withTableBorder aria-label={t('consentLink.summaryLabel')}>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th w={{ base: 120, sm: 180 }}>{t('consentLink.person')}</Table.Th>
            <Table.Td>{request.personName}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('consentLink.askedAs')}</Table.Th>
            <Table.Td>{askedAs}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('consentLink.purpose')}</Table.Th>
            <Table.Td lang={request.language}>{request.scopeText}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('consentLink.validUntil')}</Table.Th>
            <Table.Td>{validUntil}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>

      {request.imageUrl && (
        <Stack gap={4} component="figure" m={0}>
          <Image
            src={request.imageUrl}
            alt={t('consentLink.imageAlt', { name: request.personName })}
            radius="md"
            mah={420}
            fit="contain"
            bg="var(--mantine-color-gray-1)"
          />
          <Text component="figcaption" size="sm" c="dimmed">
            {t('consentLink.imageCaption')}
          </Text>
        </Stack>
      )}

      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('consentLink.textHeading')}
        </Title>
        <ConsentText request={request} />
      </Stack>

      <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md" bg="var(--mantine-color-gray-0)">
        <form onSubmit={form.onSubmit((values) => confirm.mutate(values.name.trim()))} noValidate>
          <Stack>
            <Title order={2} size="h3">
              {t('consentLink.formHeading')}
            </Title>
            <FormAlert message={formError} />
            <TextInput
              label={t('consentLink.name')}
              description={t('consentLink.nameHint')}
              autoComplete="name"
              required
              key={form.key('name')}
              {...form.getInputProps('name')}
            />
            <Checkbox
              label={t('consentLink.agree')}
              key={form.key('agree')}
              {...form.getInputProps('agree', { type: 'checkbox' })}
            />
            <Button type="submit" size="md" loading={confirm.isPending}>
              {t('consentLink.submit')}
            </Button>
            <Text size="sm" c="dimmed">
              {t('consentLink.voluntary')}
            </Text>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
