/** Networks differ in whether a handle carries its "@" (Mastodon's acct does, Bluesky's does not). */
export function atHandle(handle: string): string {
  return handle.startsWith('@') ? handle : `@${handle}`;
}
