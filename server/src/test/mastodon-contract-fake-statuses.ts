import { compose, deliver, entityOf, visibleTo } from './mastodon-contract-fake-delivery.ts';
import {
  type FakeAccount,
  type FakeMedia,
  type FakeStatus,
  mediaEntity,
  statusLength,
} from './mastodon-contract-fake-entities.ts';
import {
  type Body,
  type Ctx,
  listParam,
  type Store,
  send,
  sendHtml,
  type Token,
  truthy,
} from './mastodon-contract-fake-store.ts';

// Media and statuses of the Mastodon contract fake (docs: methods/media, methods/statuses,
// methods/accounts#statuses). Validation texts are Mastodon's own.

const HOUR_MS = 3_600_000;
const BAD_FILE = { error: 'Validation failed: File content type is invalid, File is invalid' };
const VISIBILITIES = ['public', 'unlisted', 'private', 'direct'];

export function statusRoutes(store: Store) {
  const idAt = (path: string) => path.split('/')[4] ?? '';
  const entity = (s: FakeStatus) => entityOf(store, s);

  return {
    upload({ res }: Ctx, auth: Token, body: Body, deferred: boolean) {
      const file = body.file;
      const l = store.limits;
      if (!(file instanceof Blob) || !l.supportedMimeTypes.includes(file.type)) return send(res, 422, BAD_FILE);
      const video = file.type.startsWith('video/');
      const limit = video ? l.videoSizeLimit : l.imageSizeLimit;
      if (file.size > limit) {
        return send(res, 422, {
          error: `Validation failed: File file size must be less than ${humanSize(limit)}`,
        });
      }
      const description = typeof body.description === 'string' ? body.description : null;
      // Since 4.0 small images are processed synchronously (200); v2 may answer 202 with url null.
      // Video is always transcoded in the background: v2 answers 202 and polls see 206 at least once.
      const pollsLeft = deferred ? (video ? Math.max(1, store.mediaPolls) : store.mediaPolls) : 0;
      const m: FakeMedia = {
        id: store.nextId(),
        accountId: auth.accountId,
        mime: file.type,
        size: file.size,
        description,
        pollsLeft,
        statusId: null,
      };
      store.media.set(m.id, m);
      send(res, pollsLeft > 0 ? 202 : 200, mediaEntity(store.url, m));
    },

    getMedia({ res, path }: Ctx, auth: Token) {
      const m = store.media.get(idAt(path));
      if (!m || m.accountId !== auth.accountId) return send(res, 404, { error: 'Record not found' });
      const processing = m.pollsLeft > 0;
      m.pollsLeft -= 1;
      send(res, processing ? 206 : 200, mediaEntity(store.url, m));
    },

    create({ req, res }: Ctx, auth: Token, body: Body) {
      const a = store.accounts.get(auth.accountId) as FakeAccount;
      const key = req.headers['idempotency-key'];
      const idemKey = typeof key === 'string' && key ? `${a.id}\0${key}` : null;
      const prior = idemKey ? store.idempotency.get(idemKey) : undefined;
      const replay = prior && Date.now() - prior.at < HOUR_MS ? store.statuses.get(prior.statusId) : undefined;
      if (replay) return send(res, 200, entity(replay));

      const l = store.limits;
      const text = typeof body.status === 'string' ? body.status : '';
      const spoiler = typeof body.spoiler_text === 'string' ? body.spoiler_text : '';
      const ids = listParam(body, 'media_ids');
      if (ids.length > l.maxMediaAttachments) {
        return send(res, 422, { error: `Cannot attach more than ${l.maxMediaAttachments} files` });
      }
      const attached = ids
        .map((id) => store.media.get(id))
        .filter((m): m is FakeMedia => !!m && m.accountId === a.id && !m.statusId);
      // PostStatusService#validate_media!: one video (or audio) alone, never beside images.
      if (attached.length > 1 && attached.some((m) => m.mime.startsWith('video/'))) {
        return send(res, 422, { error: 'Cannot attach a video to a post that already contains images' });
      }
      if (attached.some((m) => m.pollsLeft > 0)) {
        return send(res, 422, {
          error: 'Cannot attach files that have not finished processing. Try again in a moment!',
        });
      }
      if (!text.trim() && attached.length === 0)
        return send(res, 422, { error: "Validation failed: Text can't be blank" });
      if (statusLength(text, spoiler, l.charactersReservedPerUrl) > l.maxCharacters) {
        return send(res, 422, { error: `Validation failed: Text character limit of ${l.maxCharacters} exceeded` });
      }
      const visibility = String(body.visibility ?? 'public');
      if (!VISIBILITIES.includes(visibility)) {
        return send(res, 422, { error: 'Validation failed: Visibility is not included in the list' });
      }
      const parentId = body.in_reply_to_id ? String(body.in_reply_to_id) : null;
      const parent = parentId ? store.statuses.get(parentId) : undefined;
      if (parentId && (!parent || !visibleTo(parent, auth))) {
        return send(res, 404, { error: 'The post you are trying to reply to does not appear to exist.' });
      }
      const language = typeof body.language === 'string' && /^[a-z]{2,3}$/.test(body.language) ? body.language : null;
      const s: FakeStatus = {
        ...compose(store, a.id, {
          text,
          inReplyToId: parent?.id ?? null,
          visibility: visibility as FakeStatus['visibility'],
          spoilerText: spoiler,
          language,
          idempotencyKey: typeof key === 'string' ? key : null,
        }),
        sensitive: truthy(body.sensitive) || spoiler.length > 0,
        media: attached,
      };
      for (const m of attached) m.statusId = s.id;
      deliver(store, s);
      // Mastodon remembers the key only after a successful create, for one hour.
      if (idemKey) store.idempotency.set(idemKey, { statusId: s.id, at: Date.now() });
      if (store.acceptThenFail > 0) {
        store.acceptThenFail -= 1;
        return sendHtml(res, 502);
      }
      send(res, 200, entity(s));
    },

    show({ res, path }: Ctx, auth: Token | undefined) {
      const s = store.statuses.get(idAt(path));
      if (!s || !visibleTo(s, auth)) return send(res, 404, { error: 'Record not found' });
      send(res, 200, entity(s));
    },

    remove({ res, path }: Ctx, auth: Token) {
      const s = store.statuses.get(idAt(path));
      if (!s || !visibleTo(s, auth)) return send(res, 404, { error: 'Record not found' });
      if (s.accountId !== auth.accountId) return send(res, 403, { error: 'This action is not allowed' });
      s.deleted = true;
      store.statuses.delete(s.id);
      // The deleted status comes back with its source `text`, for "delete and redraft".
      send(res, 200, { ...entity(s), text: s.text });
    },

    list({ res, path, query }: Ctx, auth: Token | undefined) {
      const a = store.accounts.get(idAt(path));
      if (!a) return send(res, 404, { error: 'Record not found' });
      const all = store.timelines.get(a.id) as FakeStatus[];
      const limit = Math.min(40, Math.max(1, Number(query.get('limit')) || 20));
      const bound = (name: string) => (/^\d+$/.test(query.get(name) ?? '') ? BigInt(query.get(name) as string) : null);
      const maxId = bound('max_id');
      const minId = bound('min_id');
      const lower = minId ?? bound('since_id');
      const excludeReplies = truthy(query.get('exclude_replies'));
      const onlyMedia = truthy(query.get('only_media'));
      const keep = (s: FakeStatus) =>
        !s.deleted &&
        s.visibility !== 'direct' &&
        visibleTo(s, auth) &&
        !(excludeReplies && s.inReplyToAccountId && s.inReplyToAccountId !== a.id) &&
        !(onlyMedia && s.media.length === 0);
      const out: FakeStatus[] = [];
      if (minId !== null) {
        // min_id pages forward from just after the cursor; the page itself is still newest first.
        for (let i = firstAbove(all, minId); i < all.length && out.length < limit; i += 1) {
          const s = all[i] as FakeStatus;
          if (keep(s)) out.push(s);
        }
        out.reverse();
      } else if (!truthy(query.get('pinned'))) {
        const start = maxId === null ? all.length - 1 : firstAbove(all, maxId - 1n) - 1;
        for (let i = start; i >= 0 && out.length < limit; i -= 1) {
          const s = all[i] as FakeStatus;
          if (lower !== null && BigInt(s.id) <= lower) break;
          if (keep(s)) out.push(s);
        }
      }
      const first = out[0];
      const last = out.at(-1);
      const link = `${store.url}/api/v1/accounts/${a.id}/statuses`;
      const headers: Record<string, string> =
        first && last
          ? { link: `<${link}?max_id=${last.id}>; rel="next", <${link}?min_id=${first.id}>; rel="prev"` }
          : {};
      send(res, 200, out.map(entity), headers);
    },
  };
}

/** Index of the first status with an id above `id` (timelines are sorted by id). */
function firstAbove(list: FakeStatus[], id: bigint): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (BigInt((list[mid] as FakeStatus).id) <= id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Rails' number_to_human_size, as in Mastodon's size validation message. */
function humanSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} Bytes`;
  if (bytes < 1_048_576) return `${Math.round(bytes / 1024)} KB`;
  return `${Math.round(bytes / 1_048_576)} MB`;
}
