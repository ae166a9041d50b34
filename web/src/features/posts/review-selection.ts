// The passage a comment quotes: whatever is selected in one of the composer's text fields. The
// field's tab panel says whose text it is (Mantine names panels "<tabs id>-panel-<value>").

export type Passage = { quote: string; channelId: string | null };

const MAX_QUOTE = 500;

export function selectedPassage(root: HTMLElement | null, channelIds: readonly string[]): Passage | null {
  if (!root) return null;
  for (const field of root.querySelectorAll('textarea')) {
    const { selectionStart: start, selectionEnd: end } = field;
    if (start === end) continue;
    const quote = field.value.slice(start, end).trim().slice(0, MAX_QUOTE);
    if (!quote) continue;
    const panel = field.closest('[role="tabpanel"]')?.id ?? '';
    return { quote, channelId: channelIds.find((id) => panel.endsWith(`-panel-${id}`)) ?? null };
  }
  return null;
}
