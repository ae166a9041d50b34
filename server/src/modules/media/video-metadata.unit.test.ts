import { describe, expect, it } from 'vitest';
import { testVideo } from './test-video.ts';
import { readVideo } from './video-container.ts';
import { stripVideoMetadata } from './video-metadata.ts';

const location = '+52.5200+013.4050/';

describe('stripVideoMetadata', () => {
  it('removes where a video was filmed, and it still reads the same', () => {
    const filmed = testVideo({ location, seconds: 7.5, width: 1080, height: 1920 });
    expect(filmed.includes(location)).toBe(true);
    expect(filmed.includes('com.apple.quicktime.location')).toBe(true);

    const clean = stripVideoMetadata(filmed);
    expect(clean.includes(location)).toBe(false);
    expect(clean.includes('com.apple.quicktime.location')).toBe(false);
    expect(clean.includes('udta')).toBe(false);
    // Blanked in place: same length, media data untouched, so chunk offsets stay right.
    expect(clean.length).toBe(filmed.length);
    const mdat = filmed.indexOf('mdat');
    expect(clean.subarray(mdat).equals(filmed.subarray(mdat))).toBe(true);
    expect(readVideo(clean, 'video/mp4')).toEqual(readVideo(filmed, 'video/mp4'));
  });

  it('zeroes the recording time in the movie and track headers', () => {
    const filmed = testVideo();
    // Write a creation time (seconds since 1904) into mvhd and tkhd, as cameras do.
    for (const type of ['mvhd', 'tkhd']) filmed.writeUInt32BE(3_800_000_000, filmed.indexOf(type) + 8);
    const clean = stripVideoMetadata(filmed);
    for (const type of ['mvhd', 'tkhd']) expect(clean.readUInt32BE(clean.indexOf(type) + 8)).toBe(0);
  });

  it('leaves a video without metadata as it was', () => {
    const plain = testVideo();
    expect(stripVideoMetadata(plain).equals(plain)).toBe(true);
  });
});
