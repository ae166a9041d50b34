import { describe, expect, it } from 'vitest';
import { testVideo } from './test-video.ts';
import { readVideo } from './video-container.ts';

describe('readVideo', () => {
  it('reads duration and picture size of an MP4 and a MOV', () => {
    expect(readVideo(testVideo(), 'video/mp4')).toEqual({
      mime: 'video/mp4',
      width: 640,
      height: 360,
      durationMs: 12_500,
    });
    expect(readVideo(testVideo({ brand: 'qt  ' }), 'video/quicktime').durationMs).toBe(12_500);
  });

  it('turns the size of a phone video recorded upright', () => {
    expect(readVideo(testVideo({ width: 1920, height: 1080, rotated: true }), 'video/mp4')).toMatchObject({
      width: 1080,
      height: 1920,
    });
  });

  it('refuses cut files and odd containers', () => {
    const whole = testVideo();
    const code = (bytes: Buffer, type: 'video/mp4' | 'video/quicktime' = 'video/mp4') => {
      try {
        readVideo(bytes, type);
        return 'accepted';
      } catch (error) {
        return (error as { code: string }).code;
      }
    };
    expect(code(whole.subarray(0, whole.length - 100))).toBe('media_video_invalid');
    expect(code(whole.subarray(0, 30))).toBe('media_video_invalid');
    expect(code(Buffer.concat([whole, Buffer.from([0, 0, 0])]))).toBe('media_video_invalid');
    const noMoov = Buffer.from(whole);
    noMoov.write('free', whole.indexOf('moov'), 'latin1');
    expect(code(noMoov)).toBe('media_video_invalid');
    const hugeBox = Buffer.from(whole);
    hugeBox.writeUInt32BE(0xfffffff0, whole.indexOf('mdat') - 4);
    expect(code(hugeBox)).toBe('media_video_invalid');
    expect(code(whole, 'video/quicktime')).toBe('media_type_mismatch');
    expect(code(testVideo({ brand: 'heic' }))).toBe('media_type_mismatch');
    expect(code(Buffer.from('RIFF....WEBPVP8 '))).toBe('media_type_mismatch');
  });
});
