import type PDFKitDocument from 'pdfkit';
import { readFileSync } from 'node:fs';

/**
 * Every PDF of Casustafel (minutes, access report, actions): A4, tagged for screen readers, with an
 * embedded font that prints every name (ADR 0018).
 *
 * The font is Roboto as TrueType from @expo-google-fonts/roboto: Latin Extended included, so "Ayşe
 * Demir", "Łukasz Wójcik", "Zdeněk Dvořák" and "Ștefan Țurcanu" print as they are written. pdfkit
 * embeds only the glyphs a document uses.
 *
 * The document is tagged (PDF 1.7, /MarkInfo, a structure tree under one Document element, /Lang
 * nl-NL, the title shown instead of the file name): headings, paragraphs, lists and tables with
 * header cells are structure elements; running headers, footers, page numbers and rules are
 * artifacts, so a screen reader skips them.
 */
const FONT_FILES = {
  body: '@expo-google-fonts/roboto/400Regular/Roboto_400Regular.ttf',
  bold: '@expo-google-fonts/roboto/500Medium/Roboto_500Medium.ttf',
} as const;

/** pdfkit's font as this module reaches into it: its fontkit font, its per-word layout cache, its class. */
interface EmbeddedFont {
  font: object;
  layoutCache?: Record<string, unknown>;
  constructor: new (doc: PDFKit.PDFDocument, font: object, id: string) => EmbeddedFont;
}

/** One parsed font per process, shared by every document: the fontkit font and the layout of each word seen so far. */
interface SharedFont {
  make: new (doc: PDFKit.PDFDocument, font: object, id: string) => EmbeddedFont;
  font: object;
  layouts: Record<string, unknown>;
  documents: number;
}

/** Words laid out per font before the cache starts over (a word's layout is a few hundred bytes). */
const MAX_CACHED_WORDS = 20_000;

let shared: Record<keyof typeof FONT_FILES, SharedFont> | undefined;

let pdfkit: typeof PDFKitDocument | undefined;
/**
 * pdfkit (and fontkit under it), loaded at the first document rather than when the app starts: most
 * requests, and the start itself, never need it (issue #15, cold start). In the build only the PDF
 * workers load it.
 */
function PDFDocument(): typeof PDFKitDocument {
  pdfkit ??= require('pdfkit') as typeof PDFKitDocument;
  return pdfkit;
}

/**
 * The fonts, read and parsed once per process (or worker). pdfkit would parse the font file again for
 * every document and lay out (shape, kern) every word again with fontkit; here each document gets an
 * embedded font of its own (its own subset: only the glyphs it uses) over the one parsed font and its
 * cache of laid-out words. A missing font is an error, not a silent fallback that drops letters.
 */
function sharedFonts(): Record<keyof typeof FONT_FILES, SharedFont> {
  shared ??= {
    body: parse(readFileSync(require.resolve(FONT_FILES.body))),
    bold: parse(readFileSync(require.resolve(FONT_FILES.bold))),
  };
  return shared;
}

function parse(file: Buffer): SharedFont {
  const scratch = new (PDFDocument())({ autoFirstPage: false });
  scratch.registerFont('font', file).font('font');
  const font = (scratch as unknown as { _font: EmbeddedFont })._font;
  return { make: font.constructor, font: font.font, layouts: Object.create(null) as Record<string, unknown>, documents: 0 };
}

/** Puts the shared fonts into a new document under the names 'body' and 'bold'. */
function useSharedFonts(doc: PDFKit.PDFDocument): void {
  const internals = doc as unknown as { _fontFamilies: Record<string, EmbeddedFont>; _fontCount: number };
  for (const [name, font] of Object.entries(sharedFonts())) {
    if (++font.documents % 50 === 0 && Object.keys(font.layouts).length > MAX_CACHED_WORDS)
      font.layouts = Object.create(null) as Record<string, unknown>;
    const embedded = new font.make(doc, font.font, `F${++internals._fontCount}`);
    embedded.layoutCache = font.layouts;
    internals._fontFamilies[name] = embedded;
    doc.registerFont(name, name);
  }
}

/** Heights of wrapped text measured in each document, per font, size, line gap, width and text (see heightOf). */
const heights = new WeakMap<PDFKit.PDFDocument, Map<string, number>>();

/**
 * The height `text` takes wrapped at `width` in the document's current font and size: what
 * `doc.heightOfString` says, remembered for this document. A table measures every cell before it draws
 * the row (to break the page first), and the same organisation, date and status fill most cells; pdfkit
 * lays each one out anew for every measurement. The height depends only on the key (no page breaks while
 * measuring, whatever the position). Kept per document, not per process: a cell may hold a client's name,
 * and that text is gone with the document.
 */
function heightOf(doc: PDFKit.PDFDocument, text: string, width: number): number {
  const state = doc as unknown as { _font: { name: string }; _fontSize: number; _lineGap: number };
  const key = `${state._font.name}\u0000${state._fontSize}\u0000${state._lineGap}\u0000${width}\u0000${text}`;
  let measured = heights.get(doc);
  if (!measured) heights.set(doc, (measured = new Map()));
  let height = measured.get(key);
  if (height === undefined) {
    height = doc.heightOfString(text, { width });
    measured.set(key, height);
  }
  return height;
}

/** Block-level structure types this module writes. */
export type BlockType = 'H1' | 'H2' | 'P';

/** A document being written, with the Document structure element its content goes into. */
export interface Pdf {
  doc: PDFKit.PDFDocument;
  root: PDFKit.PDFStructureElement;
  done: Promise<Buffer>;
}

export function createPdf(info: { Title: string; Subject?: string }): Pdf {
  const doc = new (PDFDocument())({
    size: 'A4',
    margin: 50,
    bufferPages: true,
    pdfVersion: '1.7',
    tagged: true,
    lang: 'nl-NL',
    displayTitle: true,
    info: { ...info, Author: 'Casustafel', Creator: 'Casustafel' },
  });
  useSharedFonts(doc);
  doc.font('body');
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const root = doc.struct('Document');
  doc.addStructure(root);
  return { doc, root, done };
}

/** A heading or paragraph: everything `draw` writes becomes one structure element of this type. */
export function block(pdf: Pdf, type: BlockType, draw: (doc: PDFKit.PDFDocument) => void): void {
  pdf.root.add(pdf.doc.struct(type, {}, () => draw(pdf.doc)));
}

/** A bulleted list (L, LI with Lbl and LBody): each item's text beside a bullet. */
export function bulletList(pdf: Pdf, items: string[]): void {
  const { doc } = pdf;
  const list = doc.struct('L');
  pdf.root.add(list);
  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right - 12;
  for (const item of items) {
    if (doc.y + heightOf(doc, item, width) > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const y = doc.y;
    const entry = doc.struct('LI');
    list.add(entry);
    entry.add(doc.struct('Lbl', {}, () => doc.text('•', left, y, { lineBreak: false })));
    entry.add(doc.struct('LBody', {}, () => doc.text(item, left + 12, y, { width })));
    entry.end();
    doc.x = left;
  }
  list.end();
}

/** Content no reader needs read aloud (running headers and footers, page numbers, rules). */
function artifact(
  doc: PDFKit.PDFDocument,
  options: { type?: 'Pagination' | 'Layout'; attached?: ('Top' | 'Bottom')[] },
  draw: () => void,
): void {
  doc.markContent('Artifact', options);
  draw();
  doc.endMarkedContent();
}

/** "pagina x van y" on every page, a footer line, and optionally a running header; all artifacts. Ends the document. */
export function finishPdf(pdf: Pdf, footer: string, header?: string): void {
  const { doc } = pdf;
  pdf.root.end();
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    if (header) {
      artifact(doc, { type: 'Pagination', attached: ['Top'] }, () => {
        doc.font('body').fontSize(8).fillColor('#555');
        doc.text(header, 50, 22, { width: doc.page.width - 100, align: 'right', lineBreak: false });
      });
    }
    const bottom = doc.page.height - 40;
    // Writing in the bottom margin must not start a new page.
    doc.page.margins.bottom = 0;
    artifact(doc, { type: 'Pagination', attached: ['Bottom'] }, () => {
      doc.font('body').fontSize(8).fillColor('#555');
      doc.text(footer, 50, bottom, { width: doc.page.width - 200, lineBreak: false });
      doc.text(`pagina ${i + 1} van ${range.count}`, doc.page.width - 150, bottom, { width: 100, align: 'right', lineBreak: false });
    });
  }
  doc.end();
}

export interface PdfColumn {
  title: string;
  width: number;
}

/** A header cell: its scope tells a screen reader which cells it heads. */
function headerCell(doc: PDFKit.PDFDocument, scope: 'Column' | 'Row', draw: () => void): PDFKit.PDFStructureElement {
  const cell = doc.struct('TH', {}, draw);
  (cell as unknown as { dictionary: { data: Record<string, unknown> } }).dictionary.data['A'] = { O: 'Table', Scope: scope };
  return cell;
}

/**
 * A table that breaks across pages: a bold header row (TH cells, scope Column), then a row per entry,
 * each cell wrapped. Without a header row (`header: false`) the first cell of each row heads its row
 * (TH, scope Row): a list of labels and values.
 */
export function drawTable(pdf: Pdf, columns: PdfColumn[], rows: string[][], options: { header?: boolean } = {}): void {
  const { doc } = pdf;
  const withHeader = options.header !== false;
  const table = doc.struct('Table');
  pdf.root.add(table);
  const left = 50;
  const right = left + columns.reduce((sum, c) => sum + c.width, 0);
  const line = (cells: string[], isHeader: boolean) => {
    doc
      .font(isHeader ? 'bold' : 'body')
      .fontSize(9)
      .fillColor('#000');
    const height = Math.max(...cells.map((cell, i) => heightOf(doc, cell || ' ', columns[i].width - 6))) + 6;
    if (doc.y + height > doc.page.height - 70) doc.addPage();
    const y = doc.y;
    const row = doc.struct('TR');
    table.add(row);
    let x = left;
    cells.forEach((cell, i) => {
      const at = x;
      const draw = () => doc.text(cell, at + 2, y + 3, { width: columns[i].width - 6 });
      row.add(
        isHeader ? headerCell(doc, 'Column', draw) : !withHeader && i === 0 ? headerCell(doc, 'Row', draw) : doc.struct('TD', {}, draw),
      );
      x += columns[i].width;
    });
    row.end();
    artifact(doc, { type: 'Layout' }, () => {
      doc
        .moveTo(left, y + height)
        .lineTo(right, y + height)
        .strokeColor('#bbb')
        .stroke();
    });
    doc.x = left;
    doc.y = y + height;
  };
  if (withHeader)
    line(
      columns.map((c) => c.title),
      true,
    );
  for (const row of rows) line(row, false);
  table.end();
  doc.moveDown(0.8);
}
