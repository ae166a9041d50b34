import { Center, CloseButton, Group, Image, Paper, Select, Stack, Text, Textarea } from '@mantine/core';
import { IconMovie } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { mediaApi, mediaKeys } from '../media/media-api.ts';
import type { PostIssue } from './composer-checks.ts';
import type { DraftMedia } from './composer-draft.ts';
import { IssueList } from './issue-list.tsx';
import { MediaItemPeople } from './media-item-people.tsx';

type Props = {
  orgId: string;
  item: DraftMedia;
  index: number;
  /** The smallest alt-text limit of the chosen channels: a description has to fit all of them. */
  maxAlt: number;
  readOnly: boolean;
  issues: PostIssue[];
  altError?: string;
  onChange: (item: DraftMedia) => void;
  onRemove: () => void;
};

export function MediaItem({ orgId, item, index, maxAlt, readOnly, issues, altError, onChange, onRemove }: Props) {
  const { t } = useTranslation('posts');
  const video = item.kind === 'video';
  const altLength = [...item.alt].length;
  return (
    <Paper withBorder p="sm" radius="md">
      <Group align="flex-start" wrap="nowrap">
        {video && !item.thumbUrl ? (
          <Center w={96} h={96} bg="gray.1" style={{ borderRadius: 4, flexShrink: 0 }}>
            <IconMovie size={36} aria-hidden />
          </Center>
        ) : (
          <Image src={item.thumbUrl ?? item.url} alt="" w={96} h={96} fit="cover" radius="sm" />
        )}
        <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
          {item.name && (
            <Text size="xs" c="dimmed" truncate>
              {item.name}
            </Text>
          )}
          <Textarea
            withAsterisk={false}
            label={video ? t('composer.videoAlt') : t('composer.alt')}
            description={t('composer.altHint')}
            required={!video}
            autosize
            minRows={2}
            maxLength={2000}
            readOnly={readOnly}
            value={item.alt}
            error={altError}
            onChange={(event) => onChange({ ...item, alt: event.currentTarget.value })}
          />
          <Text size="xs" c={altLength > maxAlt ? 'red.8' : 'dimmed'} aria-live="polite">
            {altLength > maxAlt
              ? t('composer.altTooLong', { count: altLength, max: maxAlt })
              : t('composer.altCount', { count: altLength, max: maxAlt })}
          </Text>
          {!readOnly && !video && (
            <Group gap="xs">
              <MediaItemPeople
                orgId={orgId}
                item={item}
                name={item.name ?? t('composerConsent.imageNumber', { number: index + 1 })}
              />
            </Group>
          )}
          {video && <CaptionsSelect orgId={orgId} item={item} readOnly={readOnly} onChange={onChange} />}
          <IssueList issues={altError ? issues.filter((i) => i.code !== 'alt_missing') : issues} />
        </Stack>
        {!readOnly && (
          <CloseButton
            aria-label={t(video ? 'composer.removeVideo' : 'composer.removeImage', { number: index + 1 })}
            onClick={onRemove}
          />
        )}
      </Group>
    </Paper>
  );
}

function CaptionsSelect({ orgId, item, readOnly, onChange }: Omit<Props, 'index' | 'maxAlt' | 'issues' | 'onRemove'>) {
  const { t } = useTranslation('posts');
  const captions = useQuery({
    queryKey: [...mediaKeys.all(orgId), 'composer-captions'],
    queryFn: () => mediaApi.list(orgId, { kind: 'captions', limit: 100 }),
  });
  const data = (captions.data?.items ?? []).map((c) => ({ value: c.id, label: c.originalName ?? c.id.slice(0, 8) }));
  return (
    <Select
      label={t('composer.captions')}
      description={data.length === 0 && captions.isSuccess ? t('composer.captionsNone') : t('composer.captionsHint')}
      placeholder={t('composer.captionsPlaceholder')}
      data={data}
      value={item.captionMediaId}
      clearable
      readOnly={readOnly}
      onChange={(value) => onChange({ ...item, captionMediaId: value })}
    />
  );
}
