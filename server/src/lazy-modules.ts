import type SharpType from 'sharp';

// Heavy libraries are loaded with their first use, not at start: libvips (sharp) and pdf-lib
// together weigh ~35 MB of an idle server's memory, and most processes of a small
// installation go hours without an upload or a PDF.

let sharpModule: Promise<typeof SharpType> | undefined;
export const loadSharp = () => (sharpModule ??= import('sharp').then((m) => m.default));

let pdfLibModule: Promise<typeof import('pdf-lib')> | undefined;
export const loadPdfLib = () => (pdfLibModule ??= import('pdf-lib'));
