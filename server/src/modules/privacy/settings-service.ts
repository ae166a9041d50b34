import type { PrivacySettings, updatePrivacySettingsSchema } from '@nahbar/common';
import type { z } from 'zod';
import { privacySettings } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../http/context.ts';
import { AppError, fieldError } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { loadPrivacySettings } from './settings.ts';

type Patch = z.infer<typeof updatePrivacySettingsSchema>;

/**
 * Change any part of the settings; the row appears on the first change. The ages must stay in
 * order after the patch is applied (a patch of one age is checked against the stored other one).
 */
export async function updatePrivacySettings(
  deps: Deps,
  actor: Actor & { orgId: string; language: 'de' | 'en' },
  patch: Patch,
): Promise<PrivacySettings> {
  return deps.db.transaction(async (tx) => {
    const before = await loadPrivacySettings(tx, actor.orgId);
    const next: PrivacySettings = {
      ...before,
      ...patch,
      // Each category once, each word once (case-insensitive): the list is shown to people.
      piiBlocking: [...new Set(patch.piiBlocking ?? before.piiBlocking)],
      sensitiveWords: uniqueWords(patch.sensitiveWords ?? before.sensitiveWords),
    };
    if (next.guardiansOnlyUnder > next.adultFrom) {
      const text = {
        de: `Muss mindestens ${next.guardiansOnlyUnder} sein (die Grenze für Sorgeberechtigte).`,
        en: `Must be at least ${next.guardiansOnlyUnder} (the guardians-only limit).`,
      };
      const field = 'adultFrom' in patch ? 'adultFrom' : 'guardiansOnlyUnder';
      throw new AppError('input_invalid', [fieldError(field, 'order', text, actor.language)]);
    }
    const now = deps.clock();
    await tx
      .insert(privacySettings)
      .values({ orgId: actor.orgId, ...next, updatedAt: now })
      .onConflictDoUpdate({ target: privacySettings.orgId, set: { ...next, updatedAt: now } });
    const changed = (Object.keys(next) as (keyof PrivacySettings)[]).filter(
      (key) => JSON.stringify(before[key]) !== JSON.stringify(next[key]),
    );
    // Which settings changed, never the words themselves (an organisation's list can be telling).
    await recordAudit(tx, actor, {
      orgId: actor.orgId,
      action: 'privacy.settings_updated',
      targetType: 'organisation',
      targetId: actor.orgId,
      details: { changed },
    });
    return next;
  });
}

function uniqueWords(words: readonly string[]): string[] {
  const seen = new Set<string>();
  return words
    .map((w) => w.trim())
    .filter((w) => {
      const key = w.toLowerCase();
      if (w === '' || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
