import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from './form-alert.tsx';
import { errorMessage } from './server-errors.ts';

type Props = {
  opened: boolean;
  title: string;
  /** Shown above the field: what the action does. */
  intro?: ReactNode;
  field: { label: string; description: string; requiredMessage: string };
  maxLength: number;
  /** Shorter reasons count as missing. */
  minLength?: number;
  submitLabel: string;
  submitColor?: string;
  pending: boolean;
  error: unknown;
  onSubmit: (reason: string) => void;
  onClose: () => void;
};

/** A decision that must say why (hiding a comment, rejecting an answer): the reason is required. */
export function ReasonModal(props: Props) {
  const { t } = useTranslation('common');
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState(false);
  // Closed by cancel or by the caller after success: the next opening starts empty.
  useEffect(() => {
    if (props.opened) return;
    setReason('');
    setInvalid(false);
  }, [props.opened]);
  const submit = () => {
    const trimmed = reason.trim();
    const ok = trimmed.length >= (props.minLength ?? 1);
    setInvalid(!ok);
    if (ok) props.onSubmit(trimmed);
  };
  return (
    // A stray click beside the dialog must not throw away a reason already typed.
    <Modal opened={props.opened} onClose={props.onClose} title={props.title} centered closeOnClickOutside={false}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack>
          {props.intro}
          <FormAlert message={props.error ? errorMessage(props.error) : null} />
          <Textarea
            label={props.field.label}
            description={props.field.description}
            withAsterisk={false}
            required
            autosize
            minRows={3}
            maxLength={props.maxLength}
            value={reason}
            error={invalid ? props.field.requiredMessage : undefined}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              setInvalid(false);
            }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" color={props.submitColor} loading={props.pending}>
              {props.submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
