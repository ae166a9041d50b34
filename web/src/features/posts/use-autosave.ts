import type { Post } from '@nahbar/common';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../app/api.ts';
import { type ComposerDraft, savable, toCreateInput, toUpdateInput } from './composer-draft.ts';
import { postsApi } from './posts-api.ts';

const DEBOUNCE_MS = 1_500;

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'conflict' }
  | { kind: 'error'; message: string };

/** Where the saved post stands: the id once the first save created it, and the version to build on. */
export type SavedRef = { postId: string | null; version: number | null };

type Options = {
  orgId: string;
  timeZone: string;
  language: Post['language'];
  draft: ComposerDraft;
  initial: SavedRef;
  /** Off while a person may not write (read-only) or while the form is being sent. */
  enabled: boolean;
  onSaved: (post: Post) => void;
};

/**
 * Saves the draft ~1.5 s after the last change: the first save creates the post as a draft, later
 * ones send only a PATCH on top of the version this editor knows. Every save and every send runs
 * through one queue, so an autosave and "Jetzt veröffentlichen" can never create two posts.
 */
export function useAutosave({ orgId, timeZone, language, draft, initial, enabled, onSaved }: Options) {
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const saved = useRef<SavedRef>(initial);
  // A loaded post is already saved as it stands: no save until something changes.
  const lastSent = useRef<string | null>(initial.postId ? JSON.stringify(draft) : null);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const latest = useRef({ draft, timeZone, language, onSaved, orgId });
  latest.current = { draft, timeZone, language, onSaved, orgId };
  const stopped = useRef(false);
  // The next save starts its own version (what was there before stays in the history).
  const checkpointNext = useRef(false);

  /** Runs `task` after everything queued before it; the task sees the saved id and version of that moment. */
  const run = useCallback(<T>(task: (ref: SavedRef) => Promise<T>): Promise<T> => {
    const next = queue.current.catch(() => undefined).then(() => task(saved.current));
    queue.current = next;
    return next;
  }, []);

  const saveNow = useCallback(async (ref: SavedRef): Promise<Post | null> => {
    const { draft, timeZone, language, onSaved, orgId } = latest.current;
    if (!savable(draft)) return null;
    const payload = JSON.stringify(draft);
    if (payload === lastSent.current && ref.postId) return null;
    setStatus({ kind: 'saving' });
    try {
      const post = ref.postId
        ? await postsApi.update(orgId, ref.postId, {
            ...toUpdateInput(draft, ref.version ?? 1, timeZone),
            ...(checkpointNext.current && { checkpoint: true }),
          })
        : await postsApi.create(orgId, toCreateInput(draft, { mode: 'draft' }, language ?? undefined, timeZone));
      saved.current = { postId: post.id, version: post.version };
      lastSent.current = payload;
      checkpointNext.current = false;
      setStatus({ kind: 'saved', at: new Date() });
      onSaved(post);
      return post;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'version_conflict') {
        stopped.current = true;
        setStatus({ kind: 'conflict' });
      } else {
        setStatus({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
      }
      throw error;
    }
  }, []);

  const draftJson = JSON.stringify(draft);
  useEffect(() => {
    if (!enabled || stopped.current || !savable(latest.current.draft)) return;
    if (draftJson === lastSent.current) return;
    const timer = setTimeout(() => void run(saveNow).catch(() => undefined), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [draftJson, enabled, run, saveNow]);

  /** Saves what is pending at once (before sending or leaving). */
  const flush = useCallback(
    () =>
      run(async (ref) => {
        await saveNow(ref);
        return saved.current;
      }),
    [run, saveNow],
  );

  /** Starts over from a post (after "Neu laden" or restoring a version) or from nothing (a new post). */
  const reset = useCallback((ref: SavedRef, sentDraft: ComposerDraft | null) => {
    saved.current = ref;
    lastSent.current = sentDraft ? JSON.stringify(sentDraft) : null;
    stopped.current = false;
    setStatus({ kind: 'idle' });
  }, []);

  /** After a send: the server's answer is what this editor builds on now. */
  const adopt = useCallback((post: Post) => {
    saved.current = { postId: post.id, version: post.version };
  }, []);

  /** Marks the draft as sent (a send created or changed the post with exactly this content). */
  const markSent = useCallback((sentDraft: ComposerDraft) => {
    lastSent.current = JSON.stringify(sentDraft);
  }, []);

  /** The next save keeps what is saved now as its own version (before a template replaces the text). */
  const checkpoint = useCallback(() => {
    checkpointNext.current = true;
  }, []);

  /** Whether the draft holds changes no save has sent yet (after a flush: ones that cannot be saved). */
  const hasPending = useCallback(() => JSON.stringify(latest.current.draft) !== lastSent.current, []);

  return { status, setStatus, run, saveNow, flush, reset, adopt, markSent, saved, hasPending, checkpoint };
}
