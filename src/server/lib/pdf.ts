/**
 * PDF documents for printing and signing (the act of destruction of personal data first). PDFKit
 * draws them — a kept, dependency-light library that embeds only the glyphs a document uses — in
 * DejaVu Serif, a free TrueType font with full Cyrillic shipped as an npm package, so a document
 * looks the same on every machine and needs no system fonts. A4 with the margins of Russian
 * office papers (GOST R 7.0.97-2016: 30 mm on the left, 20 mm top and bottom, 15 mm on the right).
 *
 * Documents are tagged (PDF 1.7, the language, the title shown): the drawing code puts each text
 * into the structure (`Tagged`: headings, paragraphs, lists), and lines and page footers are marked
 * as artifacts, so a screen reader reads the document in order and skips the decoration.
 */
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
const FONTS = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSerif.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSerif-Bold.ttf'),
} as const;

const MM = 72 / 25.4;
export const PDF_MARGINS = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM } as const;

export type PdfDocument = PDFKit.PDFDocument;
export type PdfStructure = PDFKit.PDFStructureElement;

/** What the drawing code gets: the document and the structure element its content goes into. */
export interface Tagged {
  doc: PdfDocument;
  /** The document's root structure element (`Document`). */
  root: PdfStructure;
}

export interface PdfInfo {
  title: string;
  /** The organisation the document is of. */
  author: string;
  /** The footer of each page, from its number and the page count. */
  footer?: (page: number, pages: number) => string;
}

/** Draws a tagged document with `draw` (fonts `regular` and `bold` registered) and returns its bytes. */
export async function renderPdf(info: PdfInfo, draw: (tagged: Tagged) => void): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: PDF_MARGINS,
    bufferPages: true,
    pdfVersion: '1.7',
    tagged: true,
    lang: 'ru-RU',
    displayTitle: true,
    info: { Title: info.title, Author: info.author, Creator: 'Opora' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  doc.registerFont('regular', FONTS.regular);
  doc.registerFont('bold', FONTS.bold);
  doc.font('regular');
  const root = doc.struct('Document');
  doc.addStructure(root);
  draw({ doc, root });
  root.end();
  if (info.footer) addFooters(doc, info.footer);
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

function addFooters(doc: PdfDocument, footer: (page: number, pages: number) => string): void {
  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index += 1) {
    doc.switchToPage(index);
    // Writing below the bottom margin would start a new page; the footer sits in the margin.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.markContent('Artifact', { type: 'Pagination' });
    doc
      .font('regular')
      .fontSize(8)
      .fillColor('#444444')
      .text(footer(index - start + 1, count), PDF_MARGINS.left, doc.page.height - bottom / 2 - 4, {
        width: doc.page.width - PDF_MARGINS.left - PDF_MARGINS.right,
        align: 'center',
        lineBreak: false,
      });
    doc.endMarkedContent();
    doc.page.margins.bottom = bottom;
  }
}

/** Draws decoration (rules, signature lines) as an artifact, outside the document's structure. */
export function artifact(doc: PdfDocument, draw: () => void): void {
  doc.markContent('Artifact', { type: 'Layout' });
  draw();
  doc.endMarkedContent();
}
