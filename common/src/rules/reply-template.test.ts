import { describe, expect, it } from 'vitest';
import { renderTemplate, type TemplateVars, templatePlaceholders } from './reply-template.ts';

const vars: TemplateVars = {
  author: 'Mira',
  organisation: 'Kinder- und Jugendhilfe Nord',
  netiquette: 'https://kjh-nord.de/netiquette',
  channel: 'Mastodon',
};
const noNetiquette = { ...vars, netiquette: null };

describe('renderTemplate', () => {
  const table: [string, string, TemplateVars, string][] = [
    ['German names', 'Hallo {{autor}}, danke für Ihre Frage!', vars, 'Hallo Mira, danke für Ihre Frage!'],
    [
      'English names',
      'Hi {{author}}, thanks from {{organisation}} on {{channel}}.',
      vars,
      'Hi Mira, thanks from Kinder- und Jugendhilfe Nord on Mastodon.',
    ],
    ['kanal', 'Wir sind auf {{kanal}} erreichbar.', vars, 'Wir sind auf Mastodon erreichbar.'],
    ['whitespace inside braces', 'Hallo {{ autor }} und {{  kanal}}', vars, 'Hallo Mira und Mastodon'],
    ['case of the name does not matter', 'Hallo {{Autor}}', vars, 'Hallo Mira'],
    ['a placeholder twice', '{{autor}}, {{autor}}!', vars, 'Mira, Mira!'],
    [
      'netiquette link',
      'Bitte beachten Sie unsere Netiquette: {{netiquette}}',
      vars,
      'Bitte beachten Sie unsere Netiquette: https://kjh-nord.de/netiquette',
    ],
    [
      'unknown placeholder stays visible',
      'Hallo {{autr}}, siehe {{foo bar}}',
      vars,
      'Hallo {{autr}}, siehe {{foo bar}}',
    ],
    ['single braces are text', 'Hallo {autor} {{', vars, 'Hallo {autor} {{'],
    ['no placeholders', 'Danke!', vars, 'Danke!'],
    // Missing netiquette: empty, and the doubled space it would leave is collapsed.
    ['missing netiquette mid-sentence', 'Siehe {{netiquette}} bitte.', noNetiquette, 'Siehe bitte.'],
    ['missing netiquette at the end', 'Unsere Regeln: {{netiquette}}', noNetiquette, 'Unsere Regeln:'],
    ['missing netiquette at a line end', 'Regeln {{netiquette}}\nDanke', noNetiquette, 'Regeln\nDanke'],
    ['missing netiquette at a line start', 'Hallo\n{{netiquette}} Danke', noNetiquette, 'Hallo\nDanke'],
    ['missing netiquette keeps punctuation', 'Netiquette ({{netiquette}}) lesen', noNetiquette, 'Netiquette () lesen'],
    ['other spacing is the author’s', 'Hallo  {{autor}}', vars, 'Hallo  Mira'],
    // Values are inserted literally, never expanded again.
    ['value looking like a placeholder', 'Hallo {{autor}}', { ...vars, author: '{{kanal}}' }, 'Hallo {{kanal}}'],
    ['value with $ signs', 'Hallo {{autor}}', { ...vars, author: '$& $1' }, 'Hallo $& $1'],
  ];
  it.each(table)('%s', (_what, body, values, expected) => {
    expect(renderTemplate(body, values)).toBe(expected);
  });
});

describe('templatePlaceholders', () => {
  it('lists every placeholder with German and English help, and every name renders', () => {
    const list = templatePlaceholders();
    expect(list.flatMap((p) => p.names)).toEqual(['autor', 'author', 'organisation', 'netiquette', 'kanal', 'channel']);
    for (const p of list) {
      expect(p.de.length).toBeGreaterThan(5);
      expect(p.en.length).toBeGreaterThan(5);
      for (const name of p.names) expect(renderTemplate(`{{${name}}}`, vars)).not.toContain('{{');
    }
  });
});
