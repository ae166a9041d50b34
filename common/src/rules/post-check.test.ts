import { describe, expect, it } from 'vitest';
import type { Channel } from '../schemas/channels.ts';
import { type CheckInput, type CheckMedia, type CheckTarget, checkPost } from './post-check.ts';

// Limits as the adapters report them (server/src/channels/*/capabilities).
const LIMITS: Record<CheckTarget['network'], Channel['limits']> = {
  bluesky: {
    maxChars: 300,
    counting: 'graphemes',
    maxImages: 4,
    maxImageBytes: 1_000_000,
    maxAltChars: 2000,
    video: { maxBytes: 100_000_000, maxSeconds: 180, captions: true },
    threads: true,
    contentWarning: false,
  },
  mastodon: {
    maxChars: 500,
    counting: 'mastodon',
    maxImages: 4,
    maxImageBytes: 16_000_000,
    maxAltChars: 1500,
    video: { maxBytes: 99_000_000, maxSeconds: null, captions: false },
    threads: false,
    contentWarning: true,
  },
  feed: {
    maxChars: 5000,
    counting: 'graphemes',
    maxImages: 4,
    maxImageBytes: 15_000_000,
    maxAltChars: 2000,
    video: null,
    threads: false,
    contentWarning: false,
  },
};

function target(network: CheckTarget['network'], text: string, extra: Partial<CheckTarget> = {}): CheckTarget {
  return { field: 'targets.0', network, text, limits: LIMITS[network], status: 'connected', ...extra };
}

function check(input: Partial<CheckInput> & { targets: CheckTarget[] }, mode: 'draft' | 'schedule' = 'schedule') {
  return checkPost({ text: input.targets[0]?.text ?? '', media: [], ...input }, mode);
}

const codes = (input: Partial<CheckInput> & { targets: CheckTarget[] }, mode: 'draft' | 'schedule' = 'schedule') =>
  check(input, mode).map((i) => `${i.severity}:${i.field}:${i.code}`);

const image = (alt = 'Kinder spielen im Garten', extra: Partial<CheckMedia> = {}): CheckMedia => ({
  kind: 'image',
  alt,
  size: 200_000,
  durationMs: null,
  hasCaptions: false,
  ...extra,
});
const video = (extra: Partial<CheckMedia> = {}): CheckMedia => ({
  kind: 'video',
  alt: '',
  size: 10_000_000,
  durationMs: 30_000,
  hasCaptions: false,
  ...extra,
});

const family = '👩‍👩‍👧‍👦'; // one grapheme, seven code points
const url = `https://www.jugendhilfe-nord.de/aktuelles/${'sehr-lange-adresse-'.repeat(10)}`;

describe('checkPost: text per network', () => {
  it.each([
    // Bluesky threads long texts, so length alone is never an error there.
    ['bluesky 300 graphemes', target('bluesky', 'x'.repeat(300)), []],
    ['bluesky 301 graphemes is a thread', target('bluesky', 'x'.repeat(301)), []],
    ['bluesky ZWJ emoji count once', target('bluesky', family.repeat(300)), []],
    [
      'bluesky 26 parts',
      target('bluesky', Array(26).fill('Teil.').join('\n---\n')),
      ['error:targets.0.text:thread_too_long'],
    ],
    ['mastodon 500', target('mastodon', 'x'.repeat(500)), []],
    ['mastodon 501', target('mastodon', 'x'.repeat(501)), ['error:targets.0.text:too_long']],
    ['mastodon URL counts 23', target('mastodon', `${'x'.repeat(476)} ${url}`), []],
    ['mastodon URL 23 + 1 over', target('mastodon', `${'x'.repeat(477)} ${url}`), ['error:targets.0.text:too_long']],
    ['mastodon emoji count per code point', target('mastodon', family.repeat(72)), ['error:targets.0.text:too_long']],
    [
      'mastodon CW counts into the limit',
      target('mastodon', 'x'.repeat(490), { contentWarning: 'Gewalt, Tod' }),
      ['error:targets.0.text:too_long'],
    ],
    ['mastodon CW within the limit', target('mastodon', 'x'.repeat(489), { contentWarning: 'Gewalt, Tod' }), []],
    ['feed 5000', target('feed', 'x'.repeat(5000)), []],
    ['feed 5001', target('feed', 'x'.repeat(5001)), ['error:targets.0.text:too_long']],
    ['empty', target('feed', '  '), ['error:targets.0.text:empty']],
    [
      'disconnected says only that',
      target('feed', '', { status: 'disconnected' }),
      ['error:targets.0:channel_disconnected'],
    ],
    [
      'needs reconnect warns',
      target('feed', 'Hallo', { status: 'needs_reconnect' }),
      ['warning:targets.0:channel_needs_reconnect'],
    ],
  ])('%s', (_name, t, expected) => {
    expect(codes({ targets: [t] })).toEqual(expected);
  });

  it('gives the counts in params and both languages', () => {
    const [issue] = check({ targets: [target('mastodon', 'x'.repeat(501))] });
    expect(issue).toMatchObject({ params: { length: 501, max: 500 } });
    expect(issue?.message.de).toBe('Der Text ist 501 Zeichen lang; erlaubt sind 500.');
    expect(issue?.message.en).toBe('The text is 501 characters long; 500 are allowed.');
  });

  it('an image alone is not empty', () => {
    expect(codes({ targets: [target('bluesky', '')], media: [image()] })).toEqual([]);
  });
});

describe('checkPost: media', () => {
  it('requires alt text when scheduling, and warns in a draft', () => {
    expect(codes({ targets: [target('bluesky', 'Fest')], media: [image('')] })).toEqual([
      'error:media.0.alt:alt_missing',
    ]);
    expect(codes({ targets: [target('bluesky', 'Fest')], media: [image(' ')] }, 'draft')).toEqual([
      'warning:media.0.alt:alt_missing',
    ]);
  });

  it('refuses alt text longer than the strictest network keeps', () => {
    const media = [image('a'.repeat(1501))];
    const issues = check({
      targets: [target('bluesky', 'Fest'), { ...target('mastodon', 'Fest'), field: 'targets.1' }],
      media,
    });
    expect(issues.map((i) => [i.code, i.params.max, i.params.networks])).toEqual([['alt_too_long', 1500, 'Mastodon']]);
  });

  it.each([
    ['five images', [image(), image(), image(), image(), image()], ['error:targets.0.media:too_many_images']],
    ['image and video', [image(), video()], ['error:media:media_mixed']],
    ['two videos', [video(), video()], ['error:media:too_many_videos']],
    ['video too big', [video({ size: 150_000_000 })], ['error:targets.0.media:video_too_large']],
    ['video too long', [video({ durationMs: 181_000 })], ['error:targets.0.media:video_too_long']],
    ['video fits', [video({ durationMs: 180_000, hasCaptions: true })], []],
  ])('bluesky: %s', (_name, media, expected) => {
    expect(codes({ targets: [target('bluesky', 'Fest')], media })).toEqual(expected);
  });

  it('the feed takes no video; Mastodon drops captions with a warning', () => {
    expect(codes({ targets: [target('feed', 'Fest')], media: [video()] })).toEqual([
      'error:targets.0.media:video_not_supported',
    ]);
    expect(codes({ targets: [target('mastodon', 'Fest')], media: [video({ hasCaptions: true })] })).toEqual([
      'warning:targets.0.media:captions_not_supported',
    ]);
  });
});

describe('checkPost: hashtag hints', () => {
  it('hints once per tag, in the field where it was written', () => {
    const t = target('bluesky', 'Heute #sommerfest und #SOMMERFEST');
    expect(codes({ text: 'Basis #jugendhilfenord', targets: [t] })).toEqual([
      'warning:text:hashtag_camel_case',
      'warning:targets.0.text:hashtag_camel_case',
    ]);
  });

  it('leaves CamelCase, short tags and numbers alone', () => {
    expect(codes({ targets: [target('bluesky', '#JugendhilfeNord #kita #2026')] })).toEqual([]);
  });
});
