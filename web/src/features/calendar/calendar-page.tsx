// Placeholder until this page is built (issue #4); replaced by its owner.
export function CalendarPage() {
  return null;
}
