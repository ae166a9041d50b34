import { describe, expect, it } from 'vitest';
import { readCaptions } from './captions.ts';

const code = (fn: () => unknown) => {
  try {
    fn();
    return 'accepted';
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe('captions', () => {
  it('keeps valid WebVTT', () => {
    const vtt =
      'WEBVTT\r\n\r\nNOTE von Hand\r\n\r\n1\r\n00:00.000 --> 00:02.500\r\nHallo!\r\n\r\n00:00:03.000 --> 00:00:04.000 align:start\r\nTschüss';
    expect(readCaptions(Buffer.from(vtt), 'text/vtt').toString()).toBe(
      'WEBVTT\n\nNOTE von Hand\n\n1\n00:00.000 --> 00:02.500\nHallo!\n\n00:00:03.000 --> 00:00:04.000 align:start\nTschüss\n',
    );
  });

  it('converts SRT to WebVTT', () => {
    const srt =
      '\uFEFF1\r\n0:00:01,000 --> 0:00:02,500\r\nErste Zeile\r\nZweite Zeile\r\n\r\n2\r\n00:00:03,000 --> 00:00:04,000\r\nEnde\r\n';
    expect(readCaptions(Buffer.from(srt), 'application/x-subrip').toString()).toBe(
      'WEBVTT\n\n00:00:01.000 --> 00:00:02.500\nErste Zeile\nZweite Zeile\n\n00:00:03.000 --> 00:00:04.000\nEnde\n',
    );
  });

  it('refuses broken subtitles and a type that does not match', () => {
    const vtt = (s: string) => () => readCaptions(Buffer.from(s), 'text/vtt');
    expect(code(vtt('WEBVTT\n\n00:00.000 --> 00:02.500'))).toBe('accepted');
    expect(code(vtt('WEBVTT\n\n00:05.000 --> 00:02.500\nrückwärts'))).toBe('media_captions_invalid');
    expect(code(vtt('WEBVTT\n\nkeine Zeitangabe\nText'))).toBe('media_captions_invalid');
    expect(code(vtt('WEBVTT'))).toBe('media_captions_invalid');
    expect(code(vtt('Einfach ein Text'))).toBe('media_captions_invalid');
    expect(code(vtt('1\n00:00:01,000 --> 00:00:02,000\nSRT'))).toBe('media_type_mismatch');
    expect(code(() => readCaptions(Buffer.from([0xff, 0xd8, 0xff, 0xe0]), 'text/vtt'))).toBe('media_type_mismatch');
    expect(code(() => readCaptions(Buffer.from('WEBVTT\n\n00:00.000 --> 00:01.000\nx'), 'application/x-subrip'))).toBe(
      'media_type_mismatch',
    );
  });
});
