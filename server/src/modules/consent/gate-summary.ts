import type { GateReason } from '@nahbar/common';

// How a blocked gate reads where there is room for one line: the held target's error message
// (the post list shows it) and the author's notification. English, like the engine's other
// error messages; the web words reasons itself from the codes.

const MAX = 300;

function phrase(reason: GateReason): string {
  switch (reason.code) {
    case 'no_consent':
      return 'no consent';
    case 'out_of_scope':
      return 'consent does not cover this channel';
    case 'expired':
      return `consent expired on ${reason.on}`;
    case 'not_yet_valid':
      return `consent valid only from ${reason.on}`;
    case 'withdrawn':
      return `consent withdrawn on ${reason.on}`;
    case 'missing_signatures':
      return `missing consent of ${(reason.missing ?? []).join(', ').replaceAll('_', ' ')}`;
    case 'media_blocked':
      return 'an image is blocked';
  }
}

/** "consent: Lena — consent withdrawn on 2026-05-04; an image is blocked", at most 300 characters. */
export function gateSummary(reasons: readonly GateReason[]): string {
  const parts = reasons.map((r) => (r.personName ? `${r.personName} — ${phrase(r)}` : phrase(r)));
  const text = `consent: ${parts.join('; ')}`;
  return text.length > MAX ? `${text.slice(0, MAX - 1)}…` : text;
}

/** The reasons without names, for audit entries (ids only there). */
export function auditReasons(reasons: readonly GateReason[]) {
  return reasons.map((r) => ({
    code: r.code,
    personId: r.personId,
    ...(r.on && { on: r.on }),
    ...(r.mediaId && { mediaId: r.mediaId }),
  }));
}
