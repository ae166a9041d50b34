const MAX = 120;

/** The first words of a post for a calendar cell or an ICS summary: ≤ 120 characters, whole words. */
export function excerptOf(text: string, max = MAX, continues = false): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  // `continues`: the text was cut before it got here; say so even when what is left is short.
  if (flat.length <= max) return continues ? `${flat.replace(/[\s.,;:!?–-]+$/, '')}…` : flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  // One very long word (a URL): cut inside it rather than show nothing.
  const words = space > max / 3 ? cut.slice(0, space) : cut;
  return `${words.replace(/[\s.,;:!?–-]+$/, '')}…`;
}
