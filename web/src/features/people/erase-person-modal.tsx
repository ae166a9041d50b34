import { Alert, Button, Group, List, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Person } from '@nahbar/common';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { paths } from '../../app/routes.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { errorMessage } from '../../components/server-errors.ts';
import { peopleApi, peopleKeys } from './people-api.ts';

/** Erasure (Art. 17 GDPR): says what goes, and asks for the display name typed as confirmation. */
export function ErasePersonModal({ orgId, person, onClose }: { orgId: string; person: Person; onClose: () => void }) {
  const { t } = useTranslation(['people', 'common']);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [typed, setTyped] = useState('');
  const [touched, setTouched] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const matches = typed.trim() === person.displayName;
  const erase = useMutation({
    mutationFn: () => peopleApi.erase(orgId, person.id),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: peopleKeys.person(orgId, person.id) });
      void queryClient.invalidateQueries({ queryKey: peopleKeys.all(orgId) });
      notifications.show({ color: 'petrol', message: t('person.erase.done') });
      onClose();
      void navigate(paths.people);
    },
    onError: (error) => setFormError(errorMessage(error)),
  });

  return (
    <Modal opened onClose={onClose} title={t('person.erase.title')} size="lg">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setTouched(true);
          if (matches) erase.mutate();
        }}
      >
        <Stack gap="sm">
          <FormAlert message={formError} />
          <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />}>
            <Stack gap="xs">
              <Text size="sm" fw={500}>
                {t('person.erase.intro')}
              </Text>
              <List size="sm" spacing={2}>
                <List.Item>{t('person.erase.items.person')}</List.Item>
                <List.Item>{t('person.erase.items.consents')}</List.Item>
                <List.Item>{t('person.erase.items.tags')}</List.Item>
              </List>
              <Text size="sm">{t('person.erase.media')}</Text>
              <Text size="sm">{t('person.erase.posts')}</Text>
            </Stack>
          </Alert>
          <TextInput
            label={t('person.erase.confirmLabel', { name: person.displayName })}
            value={typed}
            onChange={(e) => setTyped(e.currentTarget.value)}
            error={touched && !matches ? t('person.erase.mismatch') : undefined}
            autoComplete="off"
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" color="red" disabled={!matches} loading={erase.isPending}>
              {t('person.erase.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
