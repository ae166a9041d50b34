import type { NotificationPreferences, updateNotificationPreferencesSchema } from '@nahbar/common';
import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { notificationPreferences } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import { modesWithDefaults } from './defaults.ts';

type Update = z.infer<typeof updateNotificationPreferencesSchema>;

/** Every type, with the default where the person chose nothing. */
export async function getPreferences(deps: Pick<Deps, 'db'>, userId: string): Promise<NotificationPreferences> {
  const [row] = await deps.db
    .select({ modes: notificationPreferences.modes })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId));
  return { modes: modesWithDefaults(row?.modes) };
}

/**
 * Changes only the types sent; the others keep their choice (or default). Applies to
 * notifications from now on: each one keeps the delivery chosen when it was created.
 */
export async function updatePreferences(
  deps: Pick<Deps, 'db' | 'clock'>,
  userId: string,
  input: Update,
): Promise<NotificationPreferences> {
  const changes = JSON.stringify(input.modes);
  const [row] = await deps.db
    .insert(notificationPreferences)
    .values({ userId, modes: input.modes, updatedAt: deps.clock() })
    .onConflictDoUpdate({
      target: notificationPreferences.userId,
      set: { modes: sql`${notificationPreferences.modes} || ${changes}::jsonb`, updatedAt: deps.clock() },
    })
    .returning({ modes: notificationPreferences.modes });
  return { modes: modesWithDefaults(row?.modes) };
}
