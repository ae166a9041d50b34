const MAX = 120;

/** The first words of a post for a calendar cell or an ICS summary: ≤ 120 characters, whole words. */
export function excerptOf(text: string, max = MAX): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  // One very long word (a URL): cut inside it rather than show nothing.
  const words = space > max / 3 ? cut.slice(0, space) : cut;
  return `${words.replace(/[\s.,;:!?–-]+$/, '')}…`;
}
