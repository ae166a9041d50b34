// Reply templates ("Antwortbausteine"): text with {{placeholders}} filled in when an answer is
// written. German and English names both work, so a team can write templates in either language.
// An unknown placeholder stays visible exactly as typed — a typo like {{autr}} should be noticed
// in the preview, not silently turn into nothing in a public answer.

export type TemplateVars = {
  author: string;
  organisation: string;
  netiquette: string | null;
  channel: string;
};

type Key = keyof TemplateVars;

/** Every placeholder a template may use, for the help text next to the editor. */
export type TemplatePlaceholder = { key: Key; names: string[]; de: string; en: string };

const PLACEHOLDERS: TemplatePlaceholder[] = [
  {
    key: 'author',
    names: ['autor', 'author'],
    de: 'Name der Person, der Sie antworten',
    en: 'Name of the person you are answering',
  },
  {
    key: 'organisation',
    names: ['organisation'],
    de: 'Name Ihrer Organisation',
    en: 'Name of your organisation',
  },
  {
    key: 'netiquette',
    names: ['netiquette'],
    de: 'Link zur Netiquette (leer, wenn keiner hinterlegt ist)',
    en: 'Link to the netiquette (empty when none is set)',
  },
  {
    key: 'channel',
    names: ['kanal', 'channel'],
    de: 'Name des Kanals, auf dem geantwortet wird',
    en: 'Name of the channel the answer goes to',
  },
];

const byName = new Map<string, Key>(PLACEHOLDERS.flatMap((p) => p.names.map((n) => [n, p.key] as const)));

/** The placeholders with their German and English explanation. */
export function templatePlaceholders(): TemplatePlaceholder[] {
  return PLACEHOLDERS.map((p) => ({ ...p, names: [...p.names] }));
}

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const HSPACE = /[ \t]/;

/**
 * Fills in the placeholders in one pass, so a value that itself looks like a placeholder (an
 * author called "{{kanal}}") is inserted literally. When a value is empty (no netiquette link),
 * the spaces it leaves behind are tidied: "Siehe {{netiquette}} bitte" → "Siehe bitte", and no
 * space is left dangling at the end of a line.
 */
export function renderTemplate(body: string, vars: TemplateVars): string {
  let out = '';
  let last = 0;
  for (const match of body.matchAll(PLACEHOLDER)) {
    const start = match.index;
    out += body.slice(last, start);
    last = start + match[0].length;
    const key = byName.get((match[1] ?? '').toLowerCase());
    if (!key) {
      out += match[0];
      continue;
    }
    const value = vars[key] ?? '';
    if (value !== '') {
      out += value;
      continue;
    }
    // Empty value: drop the whitespace after it when there is already whitespace before it
    // (or it starts a line), and drop trailing whitespace before a line end.
    const before = out.at(-1);
    if (before === undefined || before === '\n' || HSPACE.test(before)) {
      while (last < body.length && HSPACE.test(body[last] ?? '')) last++;
    }
    const next = body[last];
    if (next === undefined || next === '\n' || next === '\r') out = out.replace(/[ \t]+$/, '');
  }
  return out + body.slice(last);
}
