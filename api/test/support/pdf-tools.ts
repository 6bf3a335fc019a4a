import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response } from 'superagent';

/** Collects a binary response body (supertest: `.buffer(true).parse(binary)`). */
export const binary = (res: Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

/** The text as poppler extracts it (what a reader copies, and proof that every glyph maps back to its letter). */
export const pdfText = (pdf: Buffer) => execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8');

export const pdfInfo = (pdf: Buffer) => execFileSync('pdfinfo', ['-'], { input: pdf }).toString('utf8');

/** The structure tree with its text, as poppler reads it for assistive technology (artifacts are not in it). */
export function pdfStructText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'casustafel-pdf-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdfinfo', ['-struct-text', file]).toString('utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

type PdfValue = string | number | boolean | null | PdfValue[] | { [key: string]: PdfValue };
interface QpdfObject {
  value?: PdfValue;
  stream?: { dict: Record<string, PdfValue>; data?: string };
}

/** What qpdf (an independent reader) finds in a tagged PDF. */
export interface PdfStructure {
  /** The catalog's /Lang, e.g. "nl-NL". */
  lang: string | null;
  markInfoMarked: boolean;
  displayDocTitle: boolean;
  /** The structure tree, depth first: each element's type with its children. */
  tree: StructNode | null;
  /** Per page, the marked-content sequences of its content streams, in order: "Artifact:Pagination:Top", "MCID" and so on. */
  pages: { marks: string[]; unmarkedText: number }[];
}

export interface StructNode {
  type: string;
  attributes: Record<string, PdfValue>;
  children: StructNode[];
}

/** Reads a PDF with `qpdf --json`: catalog, structure tree and the marked content of every page. */
export function pdfStructure(pdf: Buffer): PdfStructure {
  const dir = mkdtempSync(join(tmpdir(), 'casustafel-qpdf-'));
  let json: { qpdf: [unknown, Record<string, QpdfObject>]; pages: { object: string; contents: string[] }[] };
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    json = JSON.parse(
      execFileSync('qpdf', ['--json=2', '--json-stream-data=inline', '--decode-level=generalized', file], {
        maxBuffer: 64 * 1024 * 1024,
      }).toString('utf8'),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const objects = json.qpdf[1];
  const resolve = (value: PdfValue | undefined): PdfValue | undefined => {
    if (typeof value === 'string' && /^\d+ \d+ R$/.test(value)) {
      const object = objects[`obj:${value}`];
      return object?.value ?? (object?.stream?.dict as PdfValue | undefined);
    }
    return value;
  };
  const dict = (value: PdfValue | undefined) => (resolve(value) ?? {}) as Record<string, PdfValue>;
  const catalog = Object.values(objects).find((o) => (o.value as Record<string, PdfValue> | undefined)?.['/Type'] === '/Catalog')!
    .value as Record<string, PdfValue>;
  const node = (ref: PdfValue): StructNode | null => {
    const element = dict(ref);
    if (typeof element['/S'] !== 'string') return null; // a marked-content id or reference, not an element
    const kids = element['/K'];
    const list = Array.isArray(kids) ? kids : kids === undefined ? [] : [kids];
    return {
      type: (element['/S'] as string).slice(1),
      attributes: dict(element['/A']),
      children: list.map(node).filter((n): n is StructNode => n !== null),
    };
  };
  const root = dict(catalog['/StructTreeRoot']);
  const rootKids = root['/K'];
  const top = (Array.isArray(rootKids) ? rootKids : rootKids ? [rootKids] : []).map(node).filter((n): n is StructNode => n !== null);
  const pages = json.pages.map((page) => {
    const content = page.contents
      .map((ref) => Buffer.from(objects[`obj:${ref}`].stream!.data ?? '', 'base64').toString('latin1'))
      .join('\n');
    return markedContent(content);
  });
  return {
    lang: typeof catalog['/Lang'] === 'string' ? (catalog['/Lang'] as string).replace(/^u:/, '') : null,
    markInfoMarked: dict(catalog['/MarkInfo'])['/Marked'] === true,
    displayDocTitle: dict(catalog['/ViewerPreferences'])['/DisplayDocTitle'] === true,
    tree: top.length === 1 ? top[0] : { type: '(root)', attributes: {}, children: top },
    pages,
  };
}

/** The marked-content sequences of a content stream, and how many text-showing operators stand outside any. */
function markedContent(content: string): { marks: string[]; unmarkedText: number } {
  const marks: string[] = [];
  let depth = 0;
  let unmarkedText = 0;
  // pdfkit writes CID text as hex strings and property lists without nested dictionaries.
  for (const token of content.matchAll(/\/(\w+)\s*(<<[\s\S]*?>>)\s*BDC|\/(\w+)\s+BMC|\bEMC\b|\bT[Jj]\b/g)) {
    const [whole, bdcTag, props = '', bmcTag] = token;
    if (bdcTag || bmcTag) {
      depth++;
      const tag = bdcTag ?? bmcTag;
      if (tag === 'Artifact') {
        const type = /\/Type\s*\/(\w+)/.exec(props)?.[1] ?? '';
        const attached = /\/Attached\s*\[\s*\/(\w+)/.exec(props)?.[1] ?? '';
        marks.push(['Artifact', type, attached].filter(Boolean).join(':'));
      } else marks.push(/\/MCID\s+\d+/.test(props) ? `${tag}:MCID` : tag);
    } else if (whole === 'EMC') depth--;
    else if (depth === 0) unmarkedText++;
  }
  return { marks, unmarkedText };
}

/** Every element of the tree of this type, depth first. */
export function elements(tree: StructNode | null, type: string): StructNode[] {
  if (!tree) return [];
  return [...(tree.type === type ? [tree] : []), ...tree.children.flatMap((c) => elements(c, type))];
}
