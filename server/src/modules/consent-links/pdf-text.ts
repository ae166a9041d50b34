import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream } from 'pdf-lib';

// Tests read back what the form drew: every text operator's string, per page, decoded from
// WinAnsi. Enough to check labels and names without a full PDF text extractor.

export async function pdfText(bytes: Uint8Array): Promise<{ pages: number; lines: string[][] }> {
  const doc = await PDFDocument.load(bytes);
  const lines = doc.getPages().map((page) => {
    const contents = page.node.Contents();
    const streams =
      contents instanceof PDFArray ? contents.asArray().map((ref) => doc.context.lookup(ref)) : [contents];
    const out: string[] = [];
    for (const stream of streams) {
      if (!(stream instanceof PDFRawStream)) continue;
      const source = Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
      for (const match of source.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)) {
        out.push(new TextDecoder('windows-1252').decode(Buffer.from(match[1]!, 'hex')));
      }
    }
    return out;
  });
  return { pages: doc.getPageCount(), lines };
}
