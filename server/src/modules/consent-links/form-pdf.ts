import type { Language } from '@nahbar/common';
import type { Color, PDFDocument, PDFFont, PDFPage } from 'pdf-lib';
import { loadPdfLib } from '../../lazy-modules.ts';
import type { ConsentText } from './consent-text.ts';
import type { Picture } from './picture.ts';

// The printable consent form: A4, the full text, optionally the exact picture, and one
// signature line per required signatory with place and date. Helvetica (built into every PDF
// reader) speaks WinAnsi only, so a name in another script is printed as close as it can be
// and the team writes it by hand on the line.

export type FormSignature = { label: string; name: string | null };

export type ConsentForm = {
  language: Language;
  organisationName: string;
  personName: string;
  text: ConsentText;
  picture: Picture | null;
  signatures: FormSignature[];
  /** "Erstellt am …" under the last line. */
  generatedOn: string;
};

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 56;
const WIDTH = A4.width - 2 * MARGIN;
const BODY = 10.5;
const LEADING = 14.5;

const LABELS = {
  de: { person: 'Person', scope: 'Zweck', place: 'Ort, Datum', signature: 'Unterschrift', generated: 'Erstellt am' },
  en: { person: 'Person', scope: 'Purpose', place: 'Place, date', signature: 'Signature', generated: 'Generated on' },
} as const;

class Writer {
  page: PDFPage;
  y: number;
  private readonly supported: Set<number>;

  private readonly doc: PDFDocument;
  readonly regular: PDFFont;
  readonly bold: PDFFont;
  readonly ink: Color;
  readonly muted: Color;

  constructor(doc: PDFDocument, fonts: { regular: PDFFont; bold: PDFFont }, colors: { ink: Color; muted: Color }) {
    this.doc = doc;
    this.regular = fonts.regular;
    this.bold = fonts.bold;
    this.ink = colors.ink;
    this.muted = colors.muted;
    this.page = doc.addPage([A4.width, A4.height]);
    this.y = A4.height - MARGIN;
    this.supported = new Set(fonts.regular.getCharacterSet());
  }

  /** Characters Helvetica cannot draw: without their accents if that helps, else "?". */
  safe(text: string): string {
    return [...text]
      .map((ch) => {
        if (this.supported.has(ch.codePointAt(0)!)) return ch;
        const plain = ch.normalize('NFD').replace(/\p{M}/gu, '');
        return plain && [...plain].every((c) => this.supported.has(c.codePointAt(0)!)) ? plain : '?';
      })
      .join('');
  }

  ensure(height: number): void {
    if (this.y - height >= MARGIN) return;
    this.page = this.doc.addPage([A4.width, A4.height]);
    this.y = A4.height - MARGIN;
  }

  lines(text: string, font: PDFFont, size: number): string[] {
    const out: string[] = [];
    let line = '';
    for (const word of this.safe(text).split(/\s+/)) {
      const next = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(next, size) <= WIDTH || !line) line = next;
      else {
        out.push(line);
        line = word;
      }
    }
    if (line) out.push(line);
    return out;
  }

  paragraph(text: string, opts: { font?: PDFFont; size?: number; color?: Color; after?: number } = {}): void {
    const font = opts.font ?? this.regular;
    const size = opts.size ?? BODY;
    const leading = size * (LEADING / BODY);
    for (const line of this.lines(text, font, size)) {
      this.ensure(leading);
      this.y -= leading;
      this.page.drawText(line, { x: MARGIN, y: this.y, size, font, color: opts.color ?? this.ink });
    }
    this.y -= opts.after ?? 6;
  }

  picture(image: Awaited<ReturnType<PDFDocument['embedJpg']>>): void {
    const scale = Math.min(WIDTH / image.width, 230 / image.height, 1);
    const width = image.width * scale;
    const height = image.height * scale;
    this.ensure(height + 12);
    this.y -= height + 4;
    this.page.drawImage(image, { x: MARGIN, y: this.y, width, height });
    this.y -= 12;
  }

  signature(sig: FormSignature, labels: (typeof LABELS)[Language]): void {
    this.ensure(78);
    this.y -= 16;
    const heading = sig.name ? `${sig.label}: ${sig.name}` : sig.label;
    this.page.drawText(this.safe(heading), { x: MARGIN, y: this.y, size: BODY, font: this.bold, color: this.ink });
    this.y -= 34;
    const placeWidth = 170;
    const gap = 24;
    const line = { thickness: 0.8, color: this.ink };
    this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: MARGIN + placeWidth, y: this.y }, ...line });
    this.page.drawLine({
      start: { x: MARGIN + placeWidth + gap, y: this.y },
      end: { x: MARGIN + WIDTH, y: this.y },
      ...line,
    });
    const caption = { size: 8.5, font: this.regular, color: this.muted, y: this.y - 11 };
    this.page.drawText(labels.place, { ...caption, x: MARGIN });
    this.page.drawText(labels.signature, { ...caption, x: MARGIN + placeWidth + gap });
    this.y -= 18;
  }
}

export async function renderConsentForm(form: ConsentForm): Promise<Uint8Array> {
  const { PDFDocument, rgb, StandardFonts } = await loadPdfLib();
  const doc = await PDFDocument.create();
  const labels = LABELS[form.language];
  doc.setTitle(`${form.text.title} – ${form.personName}`);
  doc.setLanguage(form.language === 'de' ? 'de-DE' : 'en-GB');
  doc.setCreator('nahbar');
  doc.setProducer('nahbar');
  const w = new Writer(
    doc,
    { regular: await doc.embedFont(StandardFonts.Helvetica), bold: await doc.embedFont(StandardFonts.HelveticaBold) },
    { ink: rgb(0.1, 0.1, 0.12), muted: rgb(0.38, 0.38, 0.42) },
  );

  w.paragraph(form.organisationName, { size: 9.5, color: w.muted, after: 4 });
  w.paragraph(form.text.title, { font: w.bold, size: 16, after: 10 });
  w.paragraph(`${labels.person}: ${form.personName}`, { font: w.bold, after: 2 });
  w.paragraph(`${labels.scope}: ${form.text.scopeText}`, { font: w.bold, after: 10 });
  if (form.picture) w.picture(await doc.embedJpg(form.picture.bytes));
  for (const text of form.text.paragraphs) w.paragraph(text);
  w.y -= 4;
  w.paragraph(form.text.declaration, { font: w.bold, after: 4 });
  for (const sig of form.signatures) w.signature(sig, labels);
  w.y -= 10;
  w.paragraph(`${labels.generated} ${form.generatedOn} · nahbar`, { size: 8, color: w.muted });
  return doc.save();
}
