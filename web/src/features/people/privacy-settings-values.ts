import type { PrivacySettings } from '@nahbar/common';

// The settings form's values and its age checks, apart from the component so they can be tested.

export type PrivacySettingsValues = {
  guardiansOnlyUnder: number | string;
  adultFrom: number | string;
  piiBlocking: string[];
  sensitiveWords: string[];
};

export const AGE_LIMITS = {
  guardiansOnlyUnder: { min: 10, max: 18 },
  adultFrom: { min: 14, max: 21 },
} as const;

export function toValues(s: PrivacySettings): PrivacySettingsValues {
  return { ...s, piiBlocking: [...s.piiBlocking], sensitiveWords: [...s.sensitiveWords] };
}

export function toSettings(v: PrivacySettingsValues): PrivacySettings {
  // Words: trimmed, 2–60 characters, each once regardless of case.
  const seen = new Set<string>();
  const words = v.sensitiveWords
    .map((w) => w.trim())
    .filter((w) => w.length >= 2 && w.length <= 60)
    .filter((w) => !seen.has(w.toLowerCase()) && seen.add(w.toLowerCase()));
  return {
    guardiansOnlyUnder: Number(v.guardiansOnlyUnder),
    adultFrom: Number(v.adultFrom),
    piiBlocking: v.piiBlocking as PrivacySettings['piiBlocking'],
    sensitiveWords: words,
  };
}

type Problem = { key: 'range' | 'order'; params?: { min: number; max: number } } | null;

/** Whole numbers inside the allowed ranges, and nobody "adult" before the guardians-only age ends. */
export function validateAges(v: PrivacySettingsValues): Record<'guardiansOnlyUnder' | 'adultFrom', Problem> {
  const check = (field: keyof typeof AGE_LIMITS): Problem => {
    const n = Number(v[field]);
    const { min, max } = AGE_LIMITS[field];
    return v[field] === '' || !Number.isInteger(n) || n < min || n > max
      ? { key: 'range', params: { min, max } }
      : null;
  };
  const under = check('guardiansOnlyUnder');
  let adult = check('adultFrom');
  if (!under && !adult && Number(v.adultFrom) < Number(v.guardiansOnlyUnder)) adult = { key: 'order' };
  return { guardiansOnlyUnder: under, adultFrom: adult };
}
