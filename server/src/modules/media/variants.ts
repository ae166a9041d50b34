import { and, eq } from 'drizzle-orm';
import { mediaVariants } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../http/errors.ts';
import { mediaStoreOf, storageKey } from '../../storage/index.ts';
import { fitToNetwork, NETWORK_VARIANTS, type NetworkVariant, thumbnail, type Variant } from './image-variants.ts';
import { type MediaRow, storedBytes } from './stored-bytes.ts';

type VariantDeps = Pick<Deps, 'db' | 'config' | 'media' | 'clock'>;
type Source = Pick<MediaRow, 'id' | 'orgId' | 'kind' | 'mime' | 'width' | 'height' | 'size' | 'storageKey'>;

export type VariantName = 'thumb' | NetworkVariant;

/** Mastodon instances announce their own image limit; the variant name carries it. */
export function mastodonVariant(maxBytes: number): { name: string; limits: { maxEdge: number; maxBytes: number } } {
  const limits = { maxEdge: NETWORK_VARIANTS.mastodon.maxEdge, maxBytes };
  return { name: maxBytes === NETWORK_VARIANTS.mastodon.maxBytes ? 'mastodon' : `mastodon${maxBytes}`, limits };
}

/**
 * A derived file, made once and then read from the cache (media_variants + store). Two
 * requests racing make it twice; the second insert is dropped and its file removed.
 */
export async function variantOf(
  deps: VariantDeps,
  source: Source,
  name: string,
  make: (original: Buffer) => Promise<Variant>,
): Promise<Variant> {
  if (source.kind !== 'image') throw new AppError('media_not_image');
  const store = mediaStoreOf(deps);
  const [cached] = await deps.db
    .select()
    .from(mediaVariants)
    .where(and(eq(mediaVariants.mediaId, source.id), eq(mediaVariants.variant, name)));
  if (cached) {
    const bytes = await store.get(cached.storageKey);
    return { mime: cached.mime as Variant['mime'], width: cached.width, height: cached.height, bytes };
  }
  const original = await storedBytes(deps, source);
  const made = await make(original);
  const key = storageKey(source.orgId, made.mime, name.replace(/[^a-z0-9]/g, '').slice(0, 20));
  await store.put(key, made.bytes, made.mime);
  const inserted = await deps.db
    .insert(mediaVariants)
    .values({
      mediaId: source.id,
      variant: name,
      orgId: source.orgId,
      mime: made.mime,
      width: made.width,
      height: made.height,
      size: made.bytes.length,
      storageKey: key,
      createdAt: deps.clock(),
    })
    .onConflictDoNothing()
    .returning({ key: mediaVariants.storageKey });
  if (inserted.length === 0) await store.delete(key);
  return made;
}

export function thumbOf(deps: VariantDeps, source: Source): Promise<Variant> {
  return variantOf(deps, source, 'thumb', thumbnail);
}

/** The image as a network takes it (see NETWORK_VARIANTS); the original when it already fits. */
export async function networkImage(
  deps: VariantDeps,
  source: Source,
  variant: { name: string; limits: { maxEdge: number; maxBytes: number } },
): Promise<Variant> {
  const { maxEdge, maxBytes } = variant.limits;
  if (source.kind === 'image' && Math.max(source.width, source.height) <= maxEdge && source.size <= maxBytes) {
    // Fits as it is: no copy in the cache.
    const bytes = await storedBytes(deps, source);
    return { mime: source.mime as Variant['mime'], width: source.width, height: source.height, bytes };
  }
  return variantOf(deps, source, variant.name, (bytes) => fitToNetwork({ ...source, bytes }, variant.limits));
}
