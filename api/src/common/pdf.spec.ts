import { execFileSync } from 'node:child_process';
import { block, createPdf, finishPdf } from './pdf';

const render = async (lines: string[]): Promise<Buffer> => {
  const pdf = createPdf({ Title: 'Test' });
  for (const line of lines) block(pdf, 'P', (doc) => doc.font('body').text(line).font('bold').text(line));
  finishPdf(pdf, 'voet');
  return pdf.done;
};
const text = (pdf: Buffer) => execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString('utf8');

/** ADR 0024: the fonts are parsed once per process and their laid-out words shared; every document still embeds its own subset. */
describe('PDF fonts shared between documents', () => {
  const names = ['Ayşe Demir', 'Łukasz Wójcik', 'Zdeněk Dvořák', 'Ștefan Țurcanu'];

  it('prints the same words again from the shared layouts, in a later document, with its own subset', async () => {
    const small = await render(['abc']);
    const first = await render(names);
    const second = await render([...names, 'Ayşe Demir en Łukasz Wójcik']);
    for (const pdf of [first, second]) for (const name of names) expect(text(pdf)).toContain(name);
    expect(text(second)).toContain('Ayşe Demir en Łukasz Wójcik');
    // A document embeds only the glyphs it uses, also after others used more (dates make a few bytes' difference at most).
    const smallAgain = await render(['abc']);
    expect(text(smallAgain)).toContain('abc');
    expect(Math.abs(smallAgain.length - small.length)).toBeLessThan(32);
    expect(first.length).toBeGreaterThan(small.length + 500);
  });

  it('embeds the Roboto subsets and nothing else', async () => {
    const fonts = execFileSync('pdffonts', ['-'], { input: await render(names) }).toString('utf8');
    expect(fonts).toMatch(/Roboto-Regular/);
    expect(fonts).toMatch(/Roboto-Medium/);
    expect(fonts).not.toMatch(/Helvetica/);
  });
});
