import type { GateReason } from '@nahbar/common';
import { describe, expect, it } from 'vitest';
import { auditReasons, gateSummary } from './gate-summary.ts';

const lena = { personId: '00000000-0000-4000-8000-000000000001', personName: 'Lena K.' };

describe('gateSummary', () => {
  it('names each person with what is wrong', () => {
    const reasons: GateReason[] = [
      { code: 'withdrawn', ...lena, on: '2026-05-04' },
      { code: 'missing_signatures', personId: 'x', personName: 'Max', missing: ['guardian_2'] },
      { code: 'media_blocked', personId: null, personName: null, mediaId: 'm' },
    ];
    expect(gateSummary(reasons)).toBe(
      'consent: Lena K. — consent withdrawn on 2026-05-04; Max — missing consent of guardian 2; an image is blocked',
    );
  });

  it('stays short however many people are in the picture', () => {
    const many = Array.from(
      { length: 40 },
      (_, i): GateReason => ({ code: 'no_consent', personId: `${i}`, personName: `Person ${i}` }),
    );
    const text = gateSummary(many);
    expect(text.length).toBe(300);
    expect(text.endsWith('…')).toBe(true);
  });
});

describe('auditReasons', () => {
  it('keeps ids and codes, never names', () => {
    const audit = auditReasons([{ code: 'expired', ...lena, on: '2026-01-31' }]);
    expect(audit).toEqual([{ code: 'expired', personId: lena.personId, on: '2026-01-31' }]);
    expect(JSON.stringify(audit)).not.toContain('Lena');
  });
});
