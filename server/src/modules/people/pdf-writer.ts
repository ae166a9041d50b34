import type { PDFFont, PDFPage } from 'pdf-lib';
import { loadPdfLib } from '../../lazy-modules.ts';

// A plain A4 text flow for reports: headings, label–value lines, wrapped paragraphs, page
// breaks. Helvetica with WinAnsi covers German; characters outside it (emoji) become "?".

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 56;
const SIZE = 10;
const LINE = 14;

export type PdfWriter = {
  title: (text: string) => void;
  heading: (text: string) => void;
  field: (label: string, value: string) => void;
  paragraph: (text: string) => void;
  gap: () => void;
  save: () => Promise<Uint8Array>;
};

export async function pdfWriter(meta: { title: string; language: string }): Promise<PdfWriter> {
  const { PDFDocument, rgb, StandardFonts } = await loadPdfLib();
  const doc = await PDFDocument.create();
  doc.setTitle(meta.title);
  doc.setLanguage(meta.language);
  doc.setProducer('nahbar');
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const known = new Set(regular.getCharacterSet());
  const safe = (text: string) =>
    [...text.replace(/[\r\t]/g, ' ')].map((c) => (c === '\n' || known.has(c.codePointAt(0)!) ? c : '?')).join('');
  let page: PDFPage = doc.addPage([A4.width, A4.height]);
  let y = A4.height - MARGIN;
  const width = A4.width - 2 * MARGIN;

  const room = (height: number) => {
    if (y - height >= MARGIN) return;
    page = doc.addPage([A4.width, A4.height]);
    y = A4.height - MARGIN;
  };
  const wrap = (text: string, font: PDFFont, size: number, max: number): string[] => {
    const lines: string[] = [];
    for (const paragraph of safe(text).split('\n')) {
      let current = '';
      for (const word of paragraph.split(' ')) {
        const next = current ? `${current} ${word}` : word;
        if (font.widthOfTextAtSize(next, size) <= max || !current) current = next;
        else {
          lines.push(current);
          current = word;
        }
      }
      lines.push(current);
    }
    return lines;
  };
  const draw = (text: string, x: number, font: PDFFont, size: number) =>
    page.drawText(text, { x, y, size, font, color: rgb(0.1, 0.1, 0.1) });

  return {
    title(text) {
      room(30);
      for (const line of wrap(text, bold, 16, width)) {
        draw(line, MARGIN, bold, 16);
        y -= 22;
      }
      y -= 6;
    },
    heading(text) {
      room(LINE * 3);
      y -= 8;
      draw(safe(text), MARGIN, bold, 12);
      y -= LINE + 4;
    },
    field(label, value) {
      const labelWidth = 150;
      const lines = wrap(value || '–', regular, SIZE, width - labelWidth);
      room(LINE * Math.min(lines.length, 3));
      draw(safe(label), MARGIN, bold, SIZE);
      for (const line of lines) {
        room(LINE);
        draw(line, MARGIN + labelWidth, regular, SIZE);
        y -= LINE;
      }
    },
    paragraph(text) {
      for (const line of wrap(text, regular, SIZE, width)) {
        room(LINE);
        draw(line, MARGIN, regular, SIZE);
        y -= LINE;
      }
    },
    gap() {
      y -= LINE / 2;
    },
    save: () => doc.save(),
  };
}
