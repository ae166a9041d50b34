import type { FieldError, Language } from '@nahbar/common';

type Bilingual = { de: string; en: string };

// Every user-visible error, with a stable code, an HTTP status and both languages.
export const ERRORS = {
  channel_verify_failed: {
    status: 422,
    de: 'Der Kanal konnte nicht verbunden werden. Die Antwort des Netzwerks steht in den Details.',
    en: 'The channel could not be connected. The network’s answer is in the details.',
  },
  channel_unreachable: {
    status: 502,
    de: 'Das Netzwerk ist gerade nicht erreichbar. Bitte versuchen Sie es später erneut.',
    en: 'The network cannot be reached right now. Please try again later.',
  },
  channel_address_private: {
    status: 422,
    de: 'Diese Adresse liegt in einem internen Netz. nahbar verbindet nur Kanäle mit öffentlichen Adressen.',
    en: 'This address is in an internal network. nahbar only connects channels at public addresses.',
  },
  channel_disconnected: {
    status: 409,
    de: 'Dieser Kanal ist getrennt. Bitte verbinden Sie ihn neu.',
    en: 'This channel is disconnected. Please connect it again.',
  },
  channel_wrong_network: {
    status: 409,
    de: 'Das geht bei diesem Netzwerk nicht.',
    en: 'This is not possible for this network.',
  },
  feed_site_taken: {
    status: 409,
    de: 'Für diese Website gibt es schon einen Feed-Kanal.',
    en: 'There already is a feed channel for this website.',
  },
  oauth_failed: {
    status: 400,
    de: 'Die Anmeldung beim Netzwerk ist fehlgeschlagen oder abgelaufen. Bitte starten Sie die Verbindung erneut.',
    en: 'Signing in at the network failed or expired. Please start connecting again.',
  },
  post_invalid: {
    status: 422,
    de: 'Der Beitrag kann so nicht veröffentlicht werden. Die Gründe stehen in den Details.',
    en: 'The post cannot be published like this. The reasons are in the details.',
  },
  target_state: {
    status: 409,
    de: 'Das geht in diesem Zustand des Beitrags nicht.',
    en: 'This is not possible in the post’s current state.',
  },
  due_in_past: {
    status: 422,
    de: 'Der Zeitpunkt liegt in der Vergangenheit.',
    en: 'The time is in the past.',
  },
  version_conflict: {
    status: 409,
    de: 'Jemand hat den Beitrag inzwischen geändert. Bitte laden Sie die neue Fassung.',
    en: 'Someone changed the post in the meantime. Please load the new version.',
  },
  no_posting_slots: {
    status: 422,
    de: 'Für diesen Kanal sind keine Sendezeiten eingerichtet. Bitte wählen Sie einen Zeitpunkt.',
    en: 'This channel has no posting slots. Please choose a time.',
  },
  calendar_range: {
    status: 400,
    de: 'Der Zeitraum ist zu lang oder endet vor seinem Beginn (höchstens 100 Tage).',
    en: 'The range is too long or ends before it starts (at most 100 days).',
  },
  template_name_taken: {
    status: 409,
    de: 'Es gibt schon eine Vorlage mit diesem Namen.',
    en: 'There is already a template with this name.',
  },
  media_in_use: {
    status: 409,
    de: 'Die Datei wird in einem Beitrag verwendet und kann nicht gelöscht werden.',
    en: 'The file is used in a post and cannot be deleted.',
  },
  media_video_invalid: {
    status: 422,
    de: 'Das Video ist beschädigt oder unvollständig. Erlaubt sind MP4 und MOV.',
    en: 'The video is damaged or incomplete. MP4 and MOV are accepted.',
  },
  media_captions_invalid: {
    status: 422,
    de: 'Die Untertiteldatei ist kein gültiges WebVTT oder SRT.',
    en: 'The subtitle file is not valid WebVTT or SRT.',
  },
  media_not_image: {
    status: 409,
    de: 'Das geht nur mit Bildern.',
    en: 'This only works with images.',
  },
  faces_need_image: {
    status: 422,
    de: 'Gesichter kann nahbar nur in Bildern vorschlagen, nicht in Videos oder Untertiteln.',
    en: 'nahbar can only propose faces in images, not in videos or subtitles.',
  },
  inbox_assignee_invalid: {
    status: 422,
    de: 'Zuweisen geht nur an Mitglieder der Organisation, die im Posteingang antworten dürfen.',
    en: 'Items can only be assigned to members of the organisation who may answer in the inbox.',
  },
  validation_failed: { status: 400, de: 'Die Eingaben sind nicht gültig.', en: 'The input is not valid.' },
  malformed_json: { status: 400, de: 'Der Inhalt ist kein gültiges JSON.', en: 'The body is not valid JSON.' },
  body_too_large: { status: 413, de: 'Die Anfrage ist zu groß.', en: 'The request is too large.' },
  unsupported_media_type: {
    status: 415,
    de: 'Dieses Format wird nicht angenommen; bitte JSON senden.',
    en: 'This content type is not accepted; please send JSON.',
  },
  unauthenticated: { status: 401, de: 'Bitte melden Sie sich an.', en: 'Please sign in.' },
  invalid_credentials: {
    status: 401,
    de: 'E-Mail-Adresse oder Passwort ist falsch.',
    en: 'E-mail address or password is wrong.',
  },
  totp_required: {
    status: 401,
    de: 'Bitte geben Sie den Code aus Ihrer Authenticator-App ein.',
    en: 'Please enter the code from your authenticator app.',
  },
  totp_invalid: { status: 401, de: 'Der Code ist nicht gültig.', en: 'The code is not valid.' },
  password_wrong: { status: 400, de: 'Das Passwort ist falsch.', en: 'The password is wrong.' },
  rate_limited: {
    status: 429,
    de: 'Zu viele Versuche. Bitte warten Sie einige Minuten.',
    en: 'Too many attempts. Please wait a few minutes.',
  },
  csrf_failed: {
    status: 403,
    de: 'Die Anfrage konnte nicht bestätigt werden. Bitte laden Sie die Seite neu.',
    en: 'The request could not be verified. Please reload the page.',
  },
  forbidden: { status: 403, de: 'Dafür fehlt Ihnen die Berechtigung.', en: 'You do not have permission for this.' },
  session_required: {
    status: 403,
    de: 'Das geht nur in einer angemeldeten Browser-Sitzung, nicht mit einem API-Token.',
    en: 'This needs a signed-in browser session, not an API token.',
  },
  not_found: { status: 404, de: 'Nicht gefunden.', en: 'Not found.' },
  route_not_found: { status: 404, de: 'Diese Adresse gibt es nicht.', en: 'This address does not exist.' },
  already_set_up: { status: 409, de: 'nahbar ist bereits eingerichtet.', en: 'nahbar is already set up.' },
  email_taken: {
    status: 409,
    de: 'Für diese E-Mail-Adresse gibt es bereits ein Konto.',
    en: 'There is already an account for this e-mail address.',
  },
  already_member: {
    status: 409,
    de: 'Diese Person ist bereits Mitglied.',
    en: 'This person is already a member.',
  },
  last_owner: {
    status: 409,
    de: 'Die Organisation braucht mindestens eine:n Inhaber:in.',
    en: 'The organisation needs at least one owner.',
  },
  invitation_invalid: {
    status: 404,
    de: 'Diese Einladung ist abgelaufen oder ungültig.',
    en: 'This invitation has expired or is not valid.',
  },
  invitation_wrong_account: {
    status: 403,
    de: 'Diese Einladung gilt für eine andere E-Mail-Adresse. Bitte melden Sie sich mit dieser an.',
    en: 'This invitation is for another e-mail address. Please sign in with that one.',
  },
  invitation_needs_signin: {
    status: 401,
    de: 'Für diese E-Mail-Adresse gibt es ein Konto. Bitte melden Sie sich an und nehmen Sie die Einladung dann an.',
    en: 'An account exists for this e-mail address. Please sign in, then accept the invitation.',
  },
  token_invalid: {
    status: 400,
    de: 'Der Link ist abgelaufen oder ungültig.',
    en: 'The link has expired or is not valid.',
  },
  totp_not_started: {
    status: 409,
    de: 'Bitte richten Sie die Zwei-Faktor-Anmeldung zuerst ein.',
    en: 'Please start the two-factor set-up first.',
  },
  totp_already_enabled: {
    status: 409,
    de: 'Die Zwei-Faktor-Anmeldung ist bereits eingeschaltet. Schalten Sie sie zuerst aus, um sie neu einzurichten.',
    en: 'Two-factor sign-in is already on. Switch it off first to set it up again.',
  },
  conflict: {
    status: 409,
    de: 'Das wurde gerade anderweitig geändert. Bitte versuchen Sie es erneut.',
    en: 'This was just changed elsewhere. Please try again.',
  },
  db_unavailable: {
    status: 503,
    de: 'Die Datenbank ist gerade nicht erreichbar.',
    en: 'The database is unreachable right now.',
  },
  media_empty: { status: 400, de: 'Die Datei ist leer.', en: 'The file is empty.' },
  media_too_large: {
    status: 413,
    de: 'Die Datei ist zu groß. Erlaubt sind Bilder bis 15 MB, Videos bis 100 MB und Untertitel bis 1 MB.',
    en: 'The file is too large. Images may be at most 15 MB, videos 100 MB and subtitles 1 MB.',
  },
  media_type_unsupported: {
    status: 415,
    de: 'Dieses Format wird nicht angenommen. Bitte ein Bild (JPEG, PNG, WebP, GIF), ein Video (MP4, MOV) oder Untertitel (WebVTT, SRT) hochladen.',
    en: 'This format is not accepted. Please upload an image (JPEG, PNG, WebP, GIF), a video (MP4, MOV) or subtitles (WebVTT, SRT).',
  },
  media_type_mismatch: {
    status: 422,
    de: 'Der Inhalt der Datei passt nicht zum angegebenen Format.',
    en: 'The file’s content does not match the stated format.',
  },
  media_unreadable: {
    status: 422,
    de: 'Das Bild ist beschädigt oder unvollständig und kann nicht gelesen werden.',
    en: 'The image is damaged or incomplete and cannot be read.',
  },
  media_too_many_pixels: {
    status: 422,
    de: 'Das Bild hat zu viele Pixel (höchstens 50 Megapixel).',
    en: 'The image has too many pixels (at most 50 megapixels).',
  },
  inbox_not_supported: {
    status: 409,
    de: 'Über diesen Kanal kann nicht aus dem Posteingang geantwortet werden.',
    en: 'This channel does not support answering from the inbox.',
  },
  inbox_reply_unreachable: {
    status: 502,
    de: 'Die Antwort wurde nicht gesendet: Das Netzwerk ist gerade nicht erreichbar. Die Antwort des Netzwerks steht in den Details; bitte versuchen Sie es später erneut.',
    en: 'The reply was not sent: the network cannot be reached right now. The network’s answer is in the details; please try again later.',
  },
  inbox_reply_rejected: {
    status: 422,
    de: 'Das Netzwerk hat die Antwort abgelehnt. Der Grund steht in den Details.',
    en: 'The network refused the reply. The reason is in the details.',
  },
  inbox_channel_needs_reconnect: {
    status: 409,
    de: 'Das Netzwerk hat die Anmeldedaten des Kanals abgelehnt. Bitte verbinden Sie den Kanal neu; die Antwort des Netzwerks steht in den Details.',
    en: 'The network rejected the channel’s credentials. Please connect the channel again; the network’s answer is in the details.',
  },
  inbox_hide_unsupported: {
    status: 409,
    de: 'Dieses Netzwerk erlaubt kein Ausblenden von Antworten. Die Beweissicherung ist gespeichert; bitte nutzen Sie die Links zum Stummschalten, Blockieren oder Melden.',
    en: 'This network does not allow hiding replies. The evidence is stored; please use the links to mute, block or report.',
  },
  inbox_hide_not_ours: {
    status: 409,
    de: 'Ausblenden geht nur bei Antworten unter eigenen Beiträgen. Die Beweissicherung ist gespeichert; bitte nutzen Sie die Links zum Stummschalten, Blockieren oder Melden.',
    en: 'Only replies under our own posts can be hidden. The evidence is stored; please use the links to mute, block or report.',
  },
  inbox_hide_unreachable: {
    status: 502,
    de: 'Die Antwort wurde nicht ausgeblendet: Das Netzwerk ist gerade nicht erreichbar. Die Beweissicherung bleibt gespeichert; bitte versuchen Sie es später erneut.',
    en: 'The reply was not hidden: the network cannot be reached right now. The evidence stays stored; please try again later.',
  },
  inbox_hide_rejected: {
    status: 422,
    de: 'Das Netzwerk hat das Ausblenden abgelehnt. Die Beweissicherung bleibt gespeichert; der Grund steht in den Details.',
    en: 'The network refused to hide the reply. The evidence stays stored; the reason is in the details.',
  },
  reply_template_name_taken: {
    status: 409,
    de: 'Einen Antwortbaustein mit diesem Namen gibt es schon.',
    en: 'There already is a reply template with this name.',
  },
  consent_blocked: {
    status: 422,
    de: 'Ohne gültige Einwilligung aller gezeigten oder genannten Personen kann der Beitrag nicht geplant werden. Die Gründe stehen in den Details.',
    en: 'Without valid consent of everybody shown or named, the post cannot be scheduled. The reasons are in the details.',
  },
  pii_blocked: {
    status: 422,
    de: 'Der Text enthält personenbezogene Angaben, die Ihre Organisation nicht veröffentlicht. Die Stellen stehen in den Details.',
    en: 'The text contains personal data your organisation does not publish. The passages are in the details.',
  },
  consent_already_withdrawn: {
    status: 409,
    de: 'Diese Einwilligung wurde bereits widerrufen.',
    en: 'This consent has already been withdrawn.',
  },
  consent_link_invalid: {
    status: 410,
    de: 'Dieser Einwilligungslink ist abgelaufen, wurde zurückgezogen oder schon verwendet.',
    en: 'This consent link has expired, was revoked or has already been used.',
  },
  evidence_type_unsupported: {
    status: 415,
    de: 'Als Nachweis nimmt nahbar PDF-, JPEG- oder PNG-Dateien an.',
    en: 'nahbar accepts PDF, JPEG or PNG files as evidence.',
  },
  input_invalid: {
    status: 422,
    de: 'Die Eingaben passen so nicht zusammen. Die Gründe stehen bei den einzelnen Feldern.',
    en: 'The input does not fit together like this. The reasons are given per field.',
  },
  approval_required: {
    status: 409,
    de: 'Dieser Beitrag braucht eine Freigabe. Bitte reichen Sie ihn zur Freigabe ein.',
    en: 'This post needs approval. Please submit it for approval.',
  },
  review_not_open: {
    status: 409,
    de: 'Diese Freigabe ist nicht mehr offen.',
    en: 'This review is no longer open.',
  },
  review_refused: {
    status: 403,
    de: 'Sie können in diesem Schritt nicht entscheiden. Der Grund steht in den Details.',
    en: 'You cannot decide in this step. The reason is in the details.',
  },
  review_version_stale: {
    status: 409,
    de: 'Der Beitrag wurde geändert, seit Sie ihn geöffnet haben. Bitte sehen Sie sich die neue Fassung an.',
    en: 'The post changed since you opened it. Please look at the new version.',
  },
  review_link_invalid: {
    status: 410,
    de: 'Dieser Freigabelink ist abgelaufen, wurde zurückgezogen oder schon verwendet.',
    en: 'This approval link has expired, was revoked or has already been used.',
  },
  internal: {
    status: 500,
    de: 'Ein unerwarteter Fehler ist aufgetreten.',
    en: 'An unexpected error occurred.',
  },
} as const satisfies Record<string, Bilingual & { status: number }>;

export type ErrorCode = keyof typeof ERRORS;

/** Thrown by services; the error handler turns it into the one error body. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: unknown;
  readonly headers: Record<string, string>;

  constructor(code: ErrorCode, details?: unknown, headers: Record<string, string> = {}) {
    super(ERRORS[code].en);
    this.code = code;
    this.status = ERRORS[code].status;
    this.details = details;
    this.headers = headers;
  }
}

export function errorBody(code: ErrorCode, language: Language, details?: unknown) {
  const error: { code: string; message: string; details?: unknown } = { code, message: ERRORS[code][language] };
  if (details !== undefined) error.details = details;
  return { error };
}

/** One field error in both languages, chosen at response time. */
export function fieldError(field: string, code: string, text: Bilingual, language: Language): FieldError {
  return { field, code, message: text[language] };
}
