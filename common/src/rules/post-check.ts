import type { Channel, NetworkId } from '../schemas/channels.ts';
import { camelCaseHint, findHashtags } from './hashtags.ts';
import { countText, graphemeCount, splitThread } from './post-text.ts';

// The one set of composer rules: the web shows them live while typing, the server refuses to
// schedule what breaks them. Same function on both sides, so what the author saw is what the
// server says.

export type CheckMode = 'draft' | 'schedule';

export type CheckMedia = {
  kind: 'image' | 'video';
  alt: string;
  /** Bytes of the stored file. */
  size: number;
  durationMs: number | null;
  hasCaptions: boolean;
};

export type CheckTarget = {
  /** Where the issue shows, e.g. "targets.0". */
  field: string;
  network: NetworkId;
  /** The effective text: the channel's variant, or the base text. */
  text: string;
  contentWarning?: string | null | undefined;
  limits: Channel['limits'];
  status: Channel['status'];
};

export type CheckInput = { text: string; media: CheckMedia[]; targets: CheckTarget[] };

export type PostIssue = {
  field: string;
  code: string;
  severity: 'error' | 'warning';
  params: Record<string, string | number>;
  message: { de: string; en: string };
};

/** More parts than this is a wall of posts nobody reads, and networks throttle it. */
export const MAX_THREAD_PARTS = 25;

/** Mastodon counts the content warning into every part's limit, so each part leaves room for it. */
export function partLimit(
  limits: Pick<Channel['limits'], 'maxChars' | 'counting' | 'contentWarning'>,
  cw?: string | null,
) {
  const reserve = limits.contentWarning && cw ? countText(cw, limits.counting) : 0;
  return Math.max(1, limits.maxChars - reserve);
}

const NETWORK_NAMES: Record<NetworkId, string> = { bluesky: 'Bluesky', mastodon: 'Mastodon', feed: 'Website-Feed' };
const mb = (bytes: number) => Math.round(bytes / 100_000) / 10;

export function checkPost(input: CheckInput, mode: CheckMode): PostIssue[] {
  const issues: PostIssue[] = [];
  const add = (
    field: string,
    code: string,
    params: PostIssue['params'],
    message: PostIssue['message'],
    severity: PostIssue['severity'] = 'error',
  ) => issues.push({ field, code, severity, params, message });

  const images = input.media.filter((m) => m.kind === 'image');
  const videos = input.media.filter((m) => m.kind === 'video');
  if (images.length && videos.length) {
    add(
      'media',
      'media_mixed',
      {},
      {
        de: 'Bilder und Video lassen sich nicht in einem Beitrag mischen.',
        en: 'Images and video cannot be mixed in one post.',
      },
    );
  }
  if (videos.length > 1) {
    add(
      'media',
      'too_many_videos',
      { max: 1 },
      {
        de: 'Ein Beitrag kann nur ein Video enthalten.',
        en: 'A post can hold only one video.',
      },
    );
  }
  input.media.forEach((m, i) => {
    // Public bodies must make their posts accessible: no image goes out without a description.
    if (m.kind === 'image' && !m.alt.trim()) {
      add(
        `media.${i}.alt`,
        'alt_missing',
        { index: i + 1 },
        {
          de: `Bild ${i + 1} braucht einen Alternativtext, bevor es geplant werden kann.`,
          en: `Image ${i + 1} needs alt text before it can be scheduled.`,
        },
        mode === 'schedule' ? 'error' : 'warning',
      );
    }
    const altLength = graphemeCount(m.alt);
    const tooShortFor = input.targets.filter((t) => t.status !== 'disconnected' && altLength > t.limits.maxAltChars);
    if (tooShortFor.length) {
      const max = Math.min(...tooShortFor.map((t) => t.limits.maxAltChars));
      const networks = [...new Set(tooShortFor.map((t) => NETWORK_NAMES[t.network]))].join(', ');
      add(
        `media.${i}.alt`,
        'alt_too_long',
        { index: i + 1, length: altLength, max, networks },
        {
          de: `Der Alternativtext von Medium ${i + 1} hat ${altLength} Zeichen; ${networks} erlaubt höchstens ${max}.`,
          en: `The alt text of item ${i + 1} has ${altLength} characters; ${networks} allows at most ${max}.`,
        },
      );
    }
  });

  for (const t of input.targets) checkTarget(t, input, add);
  hashtagHints(input, add);
  return issues;
}

type Add = (
  field: string,
  code: string,
  params: PostIssue['params'],
  message: PostIssue['message'],
  severity?: PostIssue['severity'],
) => void;

function checkTarget(t: CheckTarget, input: CheckInput, add: Add) {
  const { limits } = t;
  if (t.status === 'disconnected') {
    add(t.field, 'channel_disconnected', {}, { de: 'Der Kanal ist getrennt.', en: 'The channel is disconnected.' });
    return;
  }
  if (t.status === 'needs_reconnect') {
    add(
      t.field,
      'channel_needs_reconnect',
      {},
      {
        de: 'Der Kanal muss neu verbunden werden, sonst schlägt die Veröffentlichung fehl.',
        en: 'The channel needs to be connected again, or publishing will fail.',
      },
      'warning',
    );
  }
  if (!t.text.trim() && input.media.length === 0) {
    add(`${t.field}.text`, 'empty', {}, { de: 'Der Beitrag ist leer.', en: 'The post is empty.' });
  }
  const limit = partLimit(limits, t.contentWarning);
  if (!limits.threads) {
    const length = countText(t.text, limits.counting);
    if (length > limit) {
      add(
        `${t.field}.text`,
        'too_long',
        { length, max: limit },
        {
          de: `Der Text ist ${length} Zeichen lang; erlaubt sind ${limit}.`,
          en: `The text is ${length} characters long; ${limit} are allowed.`,
        },
      );
    }
  } else {
    const parts = splitThread(t.text, limit, limits.counting).length;
    if (parts > MAX_THREAD_PARTS) {
      add(
        `${t.field}.text`,
        'thread_too_long',
        { parts, max: MAX_THREAD_PARTS },
        {
          de: `Der Text ergibt ${parts} Teile; mehr als ${MAX_THREAD_PARTS} sind zu viel für einen Thread.`,
          en: `The text makes ${parts} parts; more than ${MAX_THREAD_PARTS} is too much for a thread.`,
        },
      );
    }
  }
  checkTargetMedia(t, input.media, add);
}

function checkTargetMedia(t: CheckTarget, media: CheckMedia[], add: Add) {
  const { limits } = t;
  const field = `${t.field}.media`;
  const network = NETWORK_NAMES[t.network];
  const images = media.filter((m) => m.kind === 'image');
  if (images.length > limits.maxImages) {
    add(
      field,
      'too_many_images',
      { count: images.length, max: limits.maxImages },
      {
        de: `Dieser Kanal nimmt höchstens ${limits.maxImages} Bilder.`,
        en: `This channel takes at most ${limits.maxImages} images.`,
      },
    );
  }
  // Image bytes need no check: the library makes a copy within the network's maxImageBytes.
  const video = media.find((m) => m.kind === 'video');
  if (!video) return;
  if (!limits.video) {
    add(
      field,
      'video_not_supported',
      { network },
      {
        de: `${network} nimmt über nahbar keine Videos an.`,
        en: `${network} does not take videos through nahbar.`,
      },
    );
    return;
  }
  if (video.size > limits.video.maxBytes) {
    add(
      field,
      'video_too_large',
      { size: video.size, max: limits.video.maxBytes, network },
      {
        de: `Das Video hat ${mb(video.size)} MB; ${network} nimmt höchstens ${mb(limits.video.maxBytes)} MB.`,
        en: `The video is ${mb(video.size)} MB; ${network} takes at most ${mb(limits.video.maxBytes)} MB.`,
      },
    );
  }
  const seconds = video.durationMs === null ? null : Math.ceil(video.durationMs / 1000);
  if (seconds !== null && limits.video.maxSeconds !== null && seconds > limits.video.maxSeconds) {
    add(
      field,
      'video_too_long',
      { seconds, max: limits.video.maxSeconds, network },
      {
        de: `Das Video ist ${seconds} Sekunden lang; ${network} nimmt höchstens ${limits.video.maxSeconds}.`,
        en: `The video is ${seconds} seconds long; ${network} takes at most ${limits.video.maxSeconds}.`,
      },
    );
  }
  if (video.hasCaptions && !limits.video.captions) {
    add(
      field,
      'captions_not_supported',
      { network },
      {
        de: `${network} übernimmt keine Untertiteldatei; das Video geht ohne Untertitel hinaus.`,
        en: `${network} does not take a subtitle file; the video goes out without subtitles.`,
      },
      'warning',
    );
  }
}

/** One hint per tag, on the base text or the first variant that has it. */
function hashtagHints(input: CheckInput, add: Add) {
  const hinted = new Set<string>();
  const texts = [
    { field: 'text', text: input.text },
    ...input.targets.map((t) => ({ field: `${t.field}.text`, text: t.text })),
  ];
  for (const { field, text } of texts) {
    for (const tag of findHashtags(text)) {
      const key = tag.value.toLowerCase();
      if (hinted.has(key) || !camelCaseHint(tag.value)) continue;
      hinted.add(key);
      add(
        field,
        'hashtag_camel_case',
        { tag: tag.value },
        {
          de: `Schreiben Sie #${tag.value} in Binnenmajuskeln (etwa #JugendhilfeNord), damit Screenreader es vorlesen können.`,
          en: `Write #${tag.value} in CamelCase (like #JugendhilfeNord) so screen readers can read it.`,
        },
        'warning',
      );
    }
  }
}
