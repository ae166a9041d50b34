import { Alert, Button, Center, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Media } from '@nahbar/common';
import { IconInfoCircle, IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form-alert.tsx';
import { errorMessage } from '../../components/server-errors.ts';
import { BlurCanvas } from './blur-canvas.tsx';
import { BlurRectList } from './blur-rect-list.tsx';
import { type BlurRect, centreRect, forRequest, MAX_RECTS } from './blur-rects.ts';
import { mediaApi, mediaKeys } from './media-api.ts';

type Props = {
  orgId: string;
  /** rects: areas to start with (face proposals from tagging). */
  target: { media: Media; name: string; rects?: BlurRect[] } | null;
  onClose: () => void;
  onSaved?: (copy: Media) => void;
};

/** Makes faces, number plates and the like unrecognisable in a new copy; the original stays as it was. */
export function BlurEditor({ orgId, target, onClose, onSaved }: Props) {
  const { t } = useTranslation(['media', 'common']);
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      size="xl"
      title={target ? t('blur.title', { name: target.name }) : ''}
    >
      {/* Keyed by the image, so reopening for another one starts without the last one's areas. */}
      {target && (
        <BlurEditorBody key={target.media.id} orgId={orgId} target={target} onClose={onClose} onSaved={onSaved} />
      )}
    </Modal>
  );
}

function BlurEditorBody({ orgId, target, onClose, onSaved }: Props & { target: NonNullable<Props['target']> }) {
  const { t } = useTranslation(['media', 'common']);
  const queryClient = useQueryClient();
  const [rects, setRects] = useState<BlurRect[]>(() => target.rects ?? []);
  const [selected, setSelected] = useState<number | null>(null);
  const save = useMutation({
    mutationFn: () => mediaApi.blur(orgId, target.media.id, { rects: forRequest(rects) }),
    onSuccess: (copy) => {
      void queryClient.invalidateQueries({ queryKey: mediaKeys.all(orgId) });
      notifications.show({ color: 'petrol', message: t('blur.saved') });
      onSaved?.(copy);
      onClose();
    },
  });
  const canAdd = rects.length < MAX_RECTS;
  const add = (rect: BlurRect) => {
    setRects((current) => [...current, rect]);
    setSelected(rects.length);
  };
  const change = (index: number, rect: BlurRect) =>
    setRects((current) => current.map((r, i) => (i === index ? rect : r)));
  const remove = (index: number) => {
    setRects((current) => current.filter((_, i) => i !== index));
    setSelected(null);
  };

  return (
    <Stack>
      <Alert color="petrol" variant="light" icon={<IconInfoCircle aria-hidden />}>
        {t('blur.explain')}
      </Alert>
      <Text size="sm">{t('blur.howTo')}</Text>
      <Center>
        <BlurCanvas
          src={target.media.url}
          alt={target.media.alt?.trim() || t('preview', { name: target.name })}
          rects={rects}
          selected={selected}
          canAdd={canAdd}
          onAdd={add}
          onChange={change}
          onSelect={setSelected}
        />
      </Center>
      <Group justify="space-between">
        <Text fw={600} size="sm" component="h3" m={0}>
          {t('blur.rects', { count: rects.length, max: MAX_RECTS })}
        </Text>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconPlus size={16} aria-hidden />}
          disabled={!canAdd}
          onClick={() => add(centreRect(rects.length))}
        >
          {t('blur.add')}
        </Button>
      </Group>
      <BlurRectList rects={rects} selected={selected} onChange={change} onRemove={remove} onSelect={setSelected} />
      <FormAlert message={save.error ? errorMessage(save.error) : null} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common:actions.cancel')}
        </Button>
        <Button loading={save.isPending} disabled={rects.length === 0} onClick={() => save.mutate()}>
          {t('blur.save')}
        </Button>
      </Group>
    </Stack>
  );
}
