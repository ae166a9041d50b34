import { AppError } from '../../http/errors.ts';

// Subtitles are stored as WebVTT, the format Bluesky and browsers take. SRT (what most
// editing tools export) is converted on upload. Both are checked cue by cue: a file that
// would show nothing or garbage at the network is refused here, where it can still be fixed.

export const MAX_CAPTION_BYTES = 1024 * 1024;
export const CAPTION_TYPES = ['text/vtt', 'application/x-subrip', 'text/srt'] as const;
export type CaptionType = (typeof CAPTION_TYPES)[number];

const VTT_TIME = /^(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})$/;
const SRT_TIME = /^(\d{1,}):([0-5]\d):([0-5]\d),(\d{3})$/;

function invalid(reason: string): AppError {
  return new AppError('media_captions_invalid', { reason });
}

function millis(match: RegExpExecArray): number {
  const [, h = '0', m = '0', s = '0', ms = '0'] = match;
  return ((Number(h) * 60 + Number(m)) * 60 + Number(s)) * 1000 + Number(ms);
}

function text(bytes: Buffer): string {
  try {
    const decoded = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (decoded.includes('\0')) throw new Error('NUL');
    return decoded.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  } catch {
    throw invalid('not UTF-8 text');
  }
}

/** Checks "start --> end"; returns the normalised timing line. */
function timing(line: string, pattern: RegExp, cue: number): string {
  const [start = '', arrow, end = '', ...settings] = line.trim().split(/[ \t]+/);
  const from = pattern.exec(start);
  const to = pattern.exec(end);
  if (arrow !== '-->' || !from || !to) throw invalid(`cue ${cue}: bad timing line`);
  if (millis(to) <= millis(from)) throw invalid(`cue ${cue}: ends before it starts`);
  return [start, '-->', end, ...settings].join(' ');
}

/** A valid WebVTT file, returned as sent (with LF line ends). */
export function parseWebVtt(bytes: Buffer): string {
  const source = text(bytes);
  const [header = '', ...blocks] = source.split(/\n{2,}/);
  if (!/^WEBVTT(?:[ \t].*)?$/.test(header.split('\n')[0] ?? '')) throw invalid('no WEBVTT header');
  let cues = 0;
  for (const block of blocks) {
    const lines = block.split('\n').filter((line, i) => i > 0 || line.trim() !== '');
    if (lines.length === 0 || /^(NOTE|STYLE|REGION)(?:[ \t]|$)/.test(lines[0] ?? '')) continue;
    const at = lines[0]?.includes('-->') ? 0 : 1;
    timing(lines[at] ?? '', VTT_TIME, cues + 1);
    cues += 1;
  }
  if (cues === 0) throw invalid('no cues');
  return source.endsWith('\n') ? source : `${source}\n`;
}

/** SRT → WebVTT: numbered blocks, comma decimals become dots. */
export function srtToWebVtt(bytes: Buffer): string {
  const blocks = text(bytes)
    .split(/\n{2,}/)
    .map((block) => block.split('\n').filter((line) => line.trim() !== '' || false))
    .filter((lines) => lines.length > 0);
  if (blocks.length === 0) throw invalid('no cues');
  const cues = blocks.map((lines, index) => {
    const at = lines[0]?.includes('-->') ? 0 : 1;
    if (at === 1 && !/^\d+$/.test(lines[0]?.trim() ?? '')) throw invalid(`cue ${index + 1}: no number`);
    const line = timing(lines[at] ?? '', SRT_TIME, index + 1).replace(/,(\d{3})/g, '.$1');
    const body = lines.slice(at + 1);
    if (body.length === 0) throw invalid(`cue ${index + 1}: no text`);
    // SRT hours may be one digit; WebVTT wants at least two.
    return [line.replace(/(^|\s)(\d):/g, '$10$2:'), ...body].join('\n');
  });
  return `WEBVTT\n\n${cues.join('\n\n')}\n`;
}

/** Which subtitle format the text is, so a declared type that does not match is refused. */
function sniffCaptions(bytes: Buffer): 'text/vtt' | 'application/x-subrip' | 'text' | 'binary' {
  let source: string;
  try {
    source = text(bytes);
  } catch {
    return 'binary';
  }
  if (/^WEBVTT(?:[ \t\n]|$)/.test(source)) return 'text/vtt';
  if (/^\s*\d+\n[\d:,]+ +--> +[\d:,]+/.test(source)) return 'application/x-subrip';
  return 'text';
}

export function readCaptions(bytes: Buffer, declared: CaptionType): Buffer {
  const detected = sniffCaptions(bytes);
  const wanted = declared === 'text/vtt' ? 'text/vtt' : 'application/x-subrip';
  if (detected === 'binary' || (detected !== 'text' && detected !== wanted)) {
    throw new AppError('media_type_mismatch', { declared, detected: detected === 'binary' ? 'unknown' : detected });
  }
  const vtt = declared === 'text/vtt' ? parseWebVtt(bytes) : srtToWebVtt(bytes);
  return Buffer.from(vtt, 'utf8');
}
