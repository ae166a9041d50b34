// Test fixture: a small but well-formed ISO-BMFF file (ftyp, moov with mvhd and one video
// trak/tkhd, mdat), built box by box so tests need no encoder. Not a playable stream.

function box(type: string, ...payload: Buffer[]): Buffer {
  const body = Buffer.concat(payload);
  const header = Buffer.alloc(8);
  header.writeUInt32BE(8 + body.length);
  header.write(type, 4, 'latin1');
  return Buffer.concat([header, body]);
}

const u32 = (...values: number[]) => {
  const b = Buffer.alloc(values.length * 4);
  for (const [i, v] of values.entries()) b.writeInt32BE(v | 0, i * 4);
  return b;
};
const identity = u32(0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000);
const quarterTurn = u32(0, 0x10000, 0, -0x10000, 0, 0, 0, 0, 0x40000000);

export function testVideo(
  options: {
    brand?: string;
    width?: number;
    height?: number;
    seconds?: number;
    rotated?: boolean;
    mdatBytes?: number;
    /** Where it was filmed, as phones write it: moov/udta/©xyz and an Apple moov/meta item. */
    location?: string;
  } = {},
): Buffer {
  const { brand = 'isom', width = 640, height = 360, seconds = 12.5, rotated = false, mdatBytes = 2048 } = options;
  const timescale = 1000;
  const ftyp = box('ftyp', Buffer.from(brand, 'latin1'), u32(0x200), Buffer.from(`${brand}mp41`, 'latin1'));
  const mvhd = box(
    'mvhd',
    u32(0, 0, 0, timescale, Math.round(seconds * timescale), 0x10000),
    Buffer.from([1, 0]),
    Buffer.alloc(10),
    identity,
    Buffer.alloc(24),
    u32(2),
  );
  const tkhd = box(
    'tkhd',
    u32(0x7, 0, 0, 1, 0, Math.round(seconds * timescale)),
    Buffer.alloc(8),
    Buffer.alloc(8),
    rotated ? quarterTurn : identity,
    u32(width * 0x10000, height * 0x10000),
  );
  const hdlr = box('hdlr', u32(0, 0), Buffer.from('vide', 'latin1'), Buffer.alloc(12), Buffer.from('Video\0'));
  const where = options.location
    ? [
        box('udta', box('\xa9xyz', Buffer.from([0, 18, 0x15, 0xc7]), Buffer.from(options.location, 'latin1'))),
        box('meta', u32(0), box('keys', Buffer.from('com.apple.quicktime.location.ISO6709', 'latin1'))),
      ]
    : [];
  const trakWhere = options.location ? [box('udta', Buffer.from(`GPS ${options.location}`, 'latin1'))] : [];
  const moov = box('moov', mvhd, box('trak', tkhd, box('mdia', hdlr), ...trakWhere), ...where);
  const mdat = box('mdat', Buffer.alloc(mdatBytes, 0x42));
  return Buffer.concat([ftyp, moov, mdat]);
}
