import { describe, expect, it } from 'vitest';
import { toSettings, validateAges } from './privacy-settings-values.ts';

const values = (over: Partial<Parameters<typeof validateAges>[0]> = {}) => ({
  guardiansOnlyUnder: 14,
  adultFrom: 18,
  piiBlocking: ['phone'],
  sensitiveWords: [],
  ...over,
});

describe('privacy settings values', () => {
  it('accepts the defaults and equal limits (no youth band)', () => {
    expect(validateAges(values())).toEqual({ guardiansOnlyUnder: null, adultFrom: null });
    expect(validateAges(values({ guardiansOnlyUnder: 16, adultFrom: 16 })).adultFrom).toBeNull();
  });

  it('refuses an adult age below the guardians-only age, and values outside the ranges', () => {
    expect(validateAges(values({ guardiansOnlyUnder: 16, adultFrom: 15 })).adultFrom).toEqual({ key: 'order' });
    expect(validateAges(values({ guardiansOnlyUnder: 9 })).guardiansOnlyUnder?.key).toBe('range');
    expect(validateAges(values({ adultFrom: '' })).adultFrom?.key).toBe('range');
    expect(validateAges(values({ adultFrom: 17.5 })).adultFrom?.key).toBe('range');
  });

  it('keeps each own word once, trimmed, within 2–60 characters', () => {
    const s = toSettings(values({ sensitiveWords: [' Suchtberatung ', 'suchtberatung', 'x', 'Tafel'] }));
    expect(s.sensitiveWords).toEqual(['Suchtberatung', 'Tafel']);
    expect(s.piiBlocking).toEqual(['phone']);
  });
});
