// A word diff for "Änderungen seit der Freigabe": what a reviewer approved against what stands
// now, in words a person reads, not characters. Pure, so it is tested without a browser.

export type DiffPart = { kind: 'same' | 'ins' | 'del'; text: string };

/** Beyond this many token pairs the table would be too big: the changed middle is shown whole. */
const MAX_CELLS = 4_000_000;

/** Words and the whitespace between them, so joining the tokens gives the text back. */
export function tokenize(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? [];
}

/**
 * Parts in reading order: unchanged, deleted (before), inserted (after). Concatenating the
 * same+del parts gives `before`, same+ins parts give `after`. A space between two changes
 * belongs to the change, so "a b c" → "x y z" reads as one replacement, not six.
 */
export function wordDiff(before: string, after: string): DiffPart[] {
  const a = tokenize(before);
  const b = tokenize(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const parts: DiffPart[] = [];
  push(parts, 'same', a.slice(0, start).join(''));
  for (const part of middle(a.slice(start, endA), b.slice(start, endB))) push(parts, part.kind, part.text);
  push(parts, 'same', a.slice(endA).join(''));
  return absorbSpaces(parts);
}

/** Longest common subsequence over the tokens that differ. */
function middle(a: string[], b: string[]): DiffPart[] {
  if (a.length * b.length > MAX_CELLS) {
    return [
      { kind: 'del', text: a.join('') },
      { kind: 'ins', text: b.join('') },
    ];
  }
  const width = b.length + 1;
  const table = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * width + j] =
        a[i] === b[j]
          ? (table[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(table[(i + 1) * width + j] ?? 0, table[i * width + j + 1] ?? 0);
    }
  }
  const parts: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      push(parts, 'same', a[i++] ?? '');
      j++;
    } else if (
      j < b.length &&
      (i === a.length || (table[i * width + j + 1] ?? 0) >= (table[(i + 1) * width + j] ?? 0))
    ) {
      push(parts, 'ins', b[j++] ?? '');
    } else {
      push(parts, 'del', a[i++] ?? '');
    }
  }
  // Within one run of changes the deletion reads first, then the insertion.
  return regroup(parts);
}

function push(parts: DiffPart[], kind: DiffPart['kind'], text: string): void {
  if (!text) return;
  const last = parts[parts.length - 1];
  if (last && last.kind === kind) last.text += text;
  else parts.push({ kind, text });
}

/** Sorts each run of del/ins parts into one deletion followed by one insertion. */
function regroup(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  let del = '';
  let ins = '';
  const flush = () => {
    push(out, 'del', del);
    push(out, 'ins', ins);
    del = '';
    ins = '';
  };
  for (const part of parts) {
    if (part.kind === 'del') del += part.text;
    else if (part.kind === 'ins') ins += part.text;
    else {
      flush();
      push(out, 'same', part.text);
    }
  }
  flush();
  return out;
}

/** A lone space between two changes joins them, on both sides. */
function absorbSpaces(parts: DiffPart[]): DiffPart[] {
  const merged: DiffPart[] = [];
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k] as DiffPart;
    const prev = parts[k - 1];
    const next = parts[k + 1];
    const between = prev && next && prev.kind !== 'same' && next.kind !== 'same';
    if (part.kind === 'same' && between && /^\s+$/.test(part.text)) {
      merged.push({ kind: 'del', text: part.text }, { kind: 'ins', text: part.text });
    } else merged.push({ ...part });
  }
  return regroup(merged);
}
