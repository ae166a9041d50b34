import type { Media } from '@nahbar/common';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { i18n } from '../../app/i18n.ts';
import { errorMessage } from '../../components/server-errors.ts';
import { mediaKeys, uploadMedia } from './media-api.ts';
import { exceededLimit } from './media-files.ts';

export type Upload = {
  key: string;
  name: string;
  /** 0–1 of the bytes sent; at 1 the server may still be re-encoding. */
  progress: number;
  status: 'waiting' | 'uploading' | 'done' | 'failed';
  /** The server's message (already in the UI language) when it failed. */
  error: string | null;
  media: Media | null;
};

// Two at once keeps one big video from blocking a batch of photos without flooding the server.
const PARALLEL = 2;

/**
 * One row per file with its own progress and its own error: a failed file never stops the rest
 * of the batch. Each success refreshes the library lists.
 */
export function useUploads(orgId: string, onUploaded?: (media: Media) => void) {
  const queryClient = useQueryClient();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const counter = useRef(0);
  const onUploadedRef = useRef(onUploaded);
  onUploadedRef.current = onUploaded;

  const patch = useCallback((key: string, change: Partial<Upload>) => {
    setUploads((current) => current.map((u) => (u.key === key ? { ...u, ...change } : u)));
  }, []);

  const start = useCallback(
    (files: File[]) => {
      if (files.length === 0) return;
      const batch = files.map((file) => {
        counter.current += 1;
        return { file, key: `u${counter.current}` };
      });
      setUploads((current) => [
        ...batch.map(
          ({ file, key }): Upload => ({
            key,
            name: file.name,
            progress: 0,
            status: 'waiting',
            error: null,
            media: null,
          }),
        ),
        ...current,
      ]);
      const queue = [...batch];
      const worker = async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          const { file, key } = next;
          const over = exceededLimit(file);
          if (over) {
            const limit = `${Math.round(over.maxBytes / (1024 * 1024))} MB`;
            patch(key, { status: 'failed', error: i18n.t(`media:upload.tooLargeFor.${over.kind}`, { limit }) });
            continue;
          }
          patch(key, { status: 'uploading' });
          try {
            const media = await uploadMedia(orgId, file, (progress) => patch(key, { progress }));
            patch(key, { status: 'done', progress: 1, media });
            onUploadedRef.current?.(media);
            void queryClient.invalidateQueries({ queryKey: mediaKeys.all(orgId) });
          } catch (error) {
            patch(key, { status: 'failed', error: errorMessage(error) });
          }
        }
      };
      for (let i = 0; i < Math.min(PARALLEL, batch.length); i += 1) void worker();
    },
    [orgId, patch, queryClient],
  );

  const dismiss = useCallback((key: string) => setUploads((current) => current.filter((u) => u.key !== key)), []);
  const clearFinished = useCallback(
    () => setUploads((current) => current.filter((u) => u.status === 'waiting' || u.status === 'uploading')),
    [],
  );

  return { uploads, start, dismiss, clearFinished };
}
