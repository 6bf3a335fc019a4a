import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Factories } from './support/factories';
import { useTestApp } from './support/use-test-app';

interface Cell {
  text: string;
  formula: string | null;
  link: boolean;
}

const SOFFICE = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).stdout.trim();

/**
 * Opens a CSV as a Dutch LibreOffice user would (semicolons, UTF-8, Dutch locale, formulas
 * evaluated) and reads the sheet back from the flat OpenDocument file LibreOffice saves.
 */
function openInLibreOffice(csv: string): Cell[][] {
  if (!SOFFICE) {
    throw new Error(
      'LibreOffice (soffice) ontbreekt. npm test installeert het als root (libreoffice-calc-nogui); installeer het anders met: sudo apt-get install libreoffice-calc-nogui',
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'casustafel-csv-'));
  try {
    writeFileSync(join(dir, 'open-acties.csv'), csv);
    // Separator ;, quote ", UTF-8 (76), from line 1, nl-NL (1043), quoted fields not forced to text, evaluate formulas.
    execFileSync(
      SOFFICE,
      [
        `-env:UserInstallation=file://${dir}/profiel`,
        '--headless',
        '--infilter=CSV:59,34,76,1,,1043,false,true,,,false,,true',
        '--convert-to',
        'fods',
        '--outdir',
        dir,
        join(dir, 'open-acties.csv'),
      ],
      { stdio: 'pipe', timeout: 120_000 },
    );
    return readSheet(readFileSync(join(dir, 'open-acties.fods'), 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function readSheet(fods: string): Cell[][] {
  const decode = (xml: string) =>
    xml
      .replace(/<[^>]+>/g, '')
      .replace(/&apos;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  return [...fods.matchAll(/<table:table-row\b[^>]*>([\s\S]*?)<\/table:table-row>/g)].map(([, row]) =>
    [...row.matchAll(/<table:table-cell\b([^>]*?)(?:\/>|>([\s\S]*?)<\/table:table-cell>)/g)].map(([, attributes, content = '']) => ({
      text: [...content.matchAll(/<text:p\b[^>]*>([\s\S]*?)<\/text:p>/g)].map(([, p]) => decode(p)).join('\n'),
      formula: /table:formula="([^"]*)"/.exec(attributes)?.[1] ?? null,
      link: content.includes('<text:a'),
    })),
  );
}

describe('The actions CSV opened in a spreadsheet', () => {
  const { t } = useTestApp();

  it('sees formulas in an unprotected CSV (so that the test below can fail)', () => {
    const sheet = openInLibreOffice('"Actie";"Som"\r\n"=HYPERLINK(""https://evil.example"";""Klik hier"")";"=1+1"\r\n');
    expect(sheet[1][0]).toMatchObject({ text: 'Klik hier' });
    expect(sheet[1][0].formula).toContain('HYPERLINK');
    expect(sheet[1][1]).toMatchObject({ text: '2', formula: 'of:=1+1' });
  }, 120_000);

  it('shows every cell that looks like a formula as the literal text, with no formula or link', async () => {
    const make = await Factories.for(t);
    const s = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });
    const formulaName = await make.organisation('FORMAL', '@Thuiszorg =1+1');
    await make.member(s.network.id, formulaName.id, 'SHELL');
    const c = s.coordinator.agent;
    const startsAt = new Date(t.clock.now().getTime() + 86_400_000).toISOString();
    const meeting = (await c.post(`/api/networks/${s.network.id}/meetings`).send({ startsAt, durationMinutes: 60 }).expect(201)).body;
    const item = (
      await c.post(`/api/meetings/${meeting.id}/agenda`).send({ kind: 'THEME', title: 'Thema: valpreventie' }).expect(201)
    ).body.agenda.at(-1);
    const descriptions = [
      '=HYPERLINK("https://evil.example";"Klik hier")',
      '+1+2 keer langsgaan',
      '-1+2 gesprekken',
      '@SUM(1;2)',
      'Huisbezoek afleggen',
    ];
    for (const description of descriptions) {
      const owner = description === '@SUM(1;2)' ? formulaName.id : s.shell.organisation.id;
      await c
        .post(`/api/meetings/${meeting.id}/agenda/${item.id}/actions`)
        .send({ description, ownerOrganisationId: owner, dueDate: '2026-12-01' })
        .expect(201);
    }

    const csv = (await s.core.agent.get(`/api/networks/${s.network.id}/actions.csv`).expect(200)).text;
    const sheet = openInLibreOffice(csv);
    const cells = sheet.flat();
    expect(cells.filter((cell) => cell.formula !== null || cell.link)).toEqual([]);
    const actions = sheet.slice(1).map((row) => row[1].text);
    expect(actions.sort()).toEqual(['Huisbezoek afleggen', ...descriptions.slice(0, 4).map((d) => `'${d}`)].sort());
    expect(cells.map((cell) => cell.text)).toContain("'@Thuiszorg =1+1");
  }, 120_000);
});
