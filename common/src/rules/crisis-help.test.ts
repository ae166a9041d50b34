import { describe, expect, it } from 'vitest';
import { counsellingHint, crisisHelp } from './crisis-help.ts';

describe('crisisHelp', () => {
  it.each(['de', 'en'] as const)('%s: lists the public help numbers with dialable tel values', (lang) => {
    const help = crisisHelp[lang];
    const numbers = [...help.emergency, ...help.numbers].map((n) => n.number);
    for (const expected of ['112', '110', '0800 111 0 111', '0800 111 0 222', '116 123', '116 111', '0800 111 0 550']) {
      expect(numbers).toContain(expected);
    }
    for (const n of [...help.emergency, ...help.numbers]) {
      expect(n.tel).toBe(n.number.replaceAll(' ', ''));
      expect(n.note.length).toBeGreaterThan(5);
    }
  });

  it('puts the emergency numbers first and names them in the hint', () => {
    expect(crisisHelp.de.emergency.map((n) => n.tel)).toEqual(['112', '110']);
    expect(crisisHelp.de.hint).toContain('112');
    expect(crisisHelp.en.hint).toContain('112');
  });

  it('has the same numbers in German and English', () => {
    const tels = (lang: 'de' | 'en') => [...crisisHelp[lang].emergency, ...crisisHelp[lang].numbers].map((n) => n.tel);
    expect(tels('en')).toEqual(tels('de'));
  });
});

describe('counsellingHint', () => {
  it('says to move to a protected channel and not to discuss details in public', () => {
    expect(counsellingHint.de.hint).toMatch(/geschützten Kanal/);
    expect(counsellingHint.de.hint).toMatch(/keine Details öffentlich/);
    expect(counsellingHint.en.hint).toMatch(/protected channel/);
    expect(counsellingHint.en.hint).toMatch(/do not discuss details/);
  });
});
