import { describe, expect, it } from 'vitest';
import { acceptFor, exceededLimit, formatBytes, formatDuration, uploadContentType } from './media-files.ts';

describe('upload content type', () => {
  it('sends the type the server knows for the extension', () => {
    expect(uploadContentType({ name: 'fest.jpg', type: 'image/jpeg' })).toBe('image/jpeg');
    expect(uploadContentType({ name: 'clip.mov', type: 'video/quicktime' })).toBe('video/quicktime');
  });

  it('names subtitles by their extension, which browsers often leave untyped', () => {
    expect(uploadContentType({ name: 'Untertitel.SRT', type: '' })).toBe('application/x-subrip');
    expect(uploadContentType({ name: 'untertitel.vtt', type: '' })).toBe('text/vtt');
    expect(uploadContentType({ name: 'clip.mp4', type: 'application/octet-stream' })).toBe('video/mp4');
    expect(uploadContentType({ name: 'untertitel.srt', type: 'text/plain' })).toBe('application/x-subrip');
    expect(uploadContentType({ name: 'clip.m4v', type: 'video/x-m4v' })).toBe('video/mp4');
  });

  it('leaves an unknown file as bytes for the server to refuse clearly', () => {
    expect(uploadContentType({ name: 'notiz', type: '' })).toBe('application/octet-stream');
    expect(uploadContentType({ name: 'brief.pdf', type: 'application/pdf' })).toBe('application/pdf');
  });
});

describe('file dialog filter', () => {
  it('offers only the kinds asked for', () => {
    expect(acceptFor(['captions'])).toBe('text/vtt,.vtt,.srt');
    expect(acceptFor(['image'])).not.toContain('video');
    expect(acceptFor()).toContain('.srt');
    expect(acceptFor()).toContain('image/png');
  });
});

describe('sizes and durations', () => {
  it('reads like German numbers', () => {
    expect(formatBytes(54, 'de-DE')).toBe('54 B');
    expect(formatBytes(7_700, 'de-DE')).toBe('7,7 kB');
    expect(formatBytes(192_000, 'de-DE')).toBe('192 kB');
    expect(formatBytes(48_300_000, 'de-DE')).toBe('48 MB');
  });

  it('shows minutes and seconds', () => {
    expect(formatDuration(65_400)).toBe('1:05');
    expect(formatDuration(9_000)).toBe('0:09');
  });
});

describe('size limits', () => {
  it('stops a file over its kind’s limit before sending it', () => {
    expect(exceededLimit({ name: 'film.mov', type: 'video/quicktime', size: 150 * 1024 * 1024 })).toEqual({
      kind: 'video',
      maxBytes: 100 * 1024 * 1024,
    });
    expect(exceededLimit({ name: 'foto.jpg', type: 'image/jpeg', size: 20 * 1024 * 1024 })?.kind).toBe('image');
  });

  it('lets files within their limit and unknown files through', () => {
    expect(exceededLimit({ name: 'film.mp4', type: 'video/mp4', size: 40 * 1024 * 1024 })).toBeNull();
    expect(exceededLimit({ name: 'archiv.zip', type: 'application/zip', size: 500 * 1024 * 1024 })).toBeNull();
  });
});
