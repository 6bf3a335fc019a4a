import PDFDocument from 'pdfkit';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * A4 documents with an embedded font that handles Dutch characters (Roboto from @fontsource,
 * WOFF read by pdfkit's fontkit), collected into a Buffer.
 */
const fonts = new Map<number, Buffer | null>();

/** The font file, read once per process. */
function fontFile(weight: 400 | 500): Buffer | null {
  if (!fonts.has(weight)) {
    try {
      const dir = join(dirname(require.resolve('@fontsource/roboto/package.json')), 'files');
      const file = join(dir, `roboto-latin-${weight}-normal.woff`);
      fonts.set(weight, existsSync(file) ? readFileSync(file) : null);
    } catch {
      fonts.set(weight, null);
    }
  }
  return fonts.get(weight)!;
}

export function createPdf(info: { Title: string; Subject?: string }): { doc: PDFKit.PDFDocument; done: Promise<Buffer> } {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    bufferPages: true,
    info: { ...info, Author: 'Casustafel', Creator: 'Casustafel' },
  });
  const regular = fontFile(400);
  const medium = fontFile(500);
  doc.registerFont('body', regular ?? 'Helvetica');
  doc.registerFont('bold', medium ?? 'Helvetica-Bold');
  doc.font('body');
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}

/** "pagina x van y" on every page, a footer line, and optionally a running header. */
export function finishPdf(doc: PDFKit.PDFDocument, footer: string, header?: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    if (header) {
      doc.font('body').fontSize(8).fillColor('#555');
      doc.text(header, 50, 22, { width: doc.page.width - 100, align: 'right', lineBreak: false });
    }
    const bottom = doc.page.height - 40;
    doc.font('body').fontSize(8).fillColor('#555');
    // Writing in the bottom margin must not start a new page.
    doc.page.margins.bottom = 0;
    doc.text(footer, 50, bottom, { width: doc.page.width - 200, lineBreak: false });
    doc.text(`pagina ${i + 1} van ${range.count}`, doc.page.width - 150, bottom, { width: 100, align: 'right', lineBreak: false });
  }
  doc.end();
}

export interface PdfColumn {
  title: string;
  width: number;
}

/** A table that breaks across pages: a bold header row, then a row per entry, each cell wrapped. */
export function drawTable(doc: PDFKit.PDFDocument, columns: PdfColumn[], rows: string[][], options: { header?: boolean } = {}): void {
  const left = 50;
  const right = left + columns.reduce((sum, c) => sum + c.width, 0);
  const line = (cells: string[], bold: boolean) => {
    doc
      .font(bold ? 'bold' : 'body')
      .fontSize(9)
      .fillColor('#000');
    const height = Math.max(...cells.map((cell, i) => doc.heightOfString(cell || ' ', { width: columns[i].width - 6 }))) + 6;
    if (doc.y + height > doc.page.height - 70) doc.addPage();
    const y = doc.y;
    let x = left;
    cells.forEach((cell, i) => {
      doc.text(cell, x + 2, y + 3, { width: columns[i].width - 6 });
      x += columns[i].width;
    });
    doc
      .moveTo(left, y + height)
      .lineTo(right, y + height)
      .strokeColor('#bbb')
      .stroke();
    doc.x = left;
    doc.y = y + height;
  };
  if (options.header !== false)
    line(
      columns.map((c) => c.title),
      true,
    );
  for (const row of rows) line(row, false);
  doc.moveDown(0.8);
}
