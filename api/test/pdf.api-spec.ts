import { execFileSync } from 'node:child_process';
import type { NetworkRole, OrganisationKind, Ring } from '@casustafel/contract/enums';
import { caseBody } from './support/factories';
import { binary, elements, pdfInfo, pdfStructText, pdfStructure, pdfText } from './support/pdf-tools';
import type { Agent } from './support/test-app';
import { useTestApp } from './support/use-test-app';

/**
 * Every PDF (minutes, access report, open actions) prints every name, in Latin Extended too, and is
 * tagged so that a screen reader follows it: checked with poppler (pdftotext, pdfinfo, pdffonts) and
 * qpdf, independent of pdfkit that wrote them.
 */
const PEOPLE = ['Ayşe Demir', 'Łukasz Wójcik', 'Zdeněk Dvořák', 'Ștefan Țurcanu'];
const ORGANISATIONS = ['Wijkteam Şahin', 'Zorgcentrum Łąka', 'Buurtzorg Třebíč', 'Vrijwilligers Ţara'];

describe('PDFs that print every name and can be read aloud', () => {
  const { t, make } = useTestApp();
  const pdfs: Record<'minutes' | 'accessReport' | 'actions', Buffer> = {} as never;

  beforeAll(async () => {
    const admin = await t.admin();
    const network = await make.network();
    const setup: [NetworkRole, OrganisationKind, Ring][] = [
      ['COORDINATOR', 'FORMAL', 'CORE'],
      ['CORE_PARTNER', 'FORMAL', 'CORE'],
      ['SHELL_PARTNER', 'FORMAL', 'SHELL'],
      ['VOLUNTEER_REP', 'INFORMAL', 'SHELL'],
    ];
    const people: { agent: Agent; userId: string; organisationId: string }[] = [];
    for (const [i, [role, kind, ring]] of setup.entries()) {
      const organisation = await make.organisation(kind, ORGANISATIONS[i]);
      await make.member(network.id, organisation.id, ring);
      const email = `pdf.naam.${i}@test.nl`;
      const user = (await admin.post('/api/users').send({ name: PEOPLE[i], email, organisationId: organisation.id }).expect(201)).body;
      await make.activate(email);
      await make.role(network.id, user.id, role);
      const agent = await t.login(email);
      await make.accept(agent, network.id);
      people.push({ agent, userId: user.id, organisationId: organisation.id });
    }
    const [coordinator, core, shell, volunteer] = people;
    const c = coordinator.agent;

    const theCase = (await core.agent.post(`/api/networks/${network.id}/cases`).send(caseBody()).expect(201)).body;
    await c.patch(`/api/cases/${theCase.id}`).send({ status: 'ACCEPTED' }).expect(200);

    const m = (
      await c
        .post(`/api/networks/${network.id}/meetings`)
        .send({ startsAt: '2026-11-23T10:00', durationMinutes: 90, location: 'Buurthuis De Kei' })
        .expect(201)
    ).body;
    const item = (await c.post(`/api/meetings/${m.id}/agenda/assemble`).expect(200)).body.agenda[0];
    await c
      .put(`/api/meetings/${m.id}/attendance`)
      .send({ attendance: people.map((p) => ({ organisationId: p.organisationId, status: 'PRESENT', userIds: [p.userId] })) })
      .expect(200);
    await c.post(`/api/meetings/${m.id}/start`).expect(200);
    await c
      .patch(`/api/meetings/${m.id}/agenda/${item.id}`)
      .send({ notes: 'Analyse: vereenzaming en vervuiling.', decisions: 'Huisbezoek door de huisarts.', version: item.version })
      .expect(200);
    for (const p of people)
      await c
        .post(`/api/meetings/${m.id}/agenda/${item.id}/actions`)
        .send({ description: 'Huisbezoek afleggen', ownerOrganisationId: p.organisationId, ownerUserId: p.userId, dueDate: '2026-12-15' })
        .expect(201);
    await c.post(`/api/meetings/${m.id}/close`).expect(200);
    // Holding an open action, the shell partner and the volunteer see the case above its pseudonym: the access report names them.
    for (const p of [shell, volunteer]) await p.agent.get(`/api/cases/${theCase.id}`).expect(200);

    const get = async (url: string) => (await c.get(url).buffer(true).parse(binary).expect(200)).body as Buffer;
    pdfs.minutes = await get(`/api/meetings/${m.id}/minutes.pdf`);
    pdfs.accessReport = await get(`/api/cases/${theCase.id}/access-report.pdf`);
    pdfs.actions = await get(`/api/networks/${network.id}/actions.pdf`);
  });

  const kinds = [
    { kind: 'minutes', title: /^Title:\s+Verslag Netwerk \d+, 23 november 2026$/m, header: true, names: [...PEOPLE, ...ORGANISATIONS] },
    { kind: 'accessReport', title: /^Title:\s+Inzageoverzicht casus 2026-\d{3}$/m, header: false, names: PEOPLE },
    { kind: 'actions', title: /^Title:\s+Open acties Netwerk \d+$/m, header: true, names: [...PEOPLE, ...ORGANISATIONS] },
  ] as const;

  describe.each(kinds)('the $kind PDF', ({ kind, title, header, names }) => {
    it('prints every name in Latin Extended, in an embedded Roboto', () => {
      const text = pdfText(pdfs[kind]);
      for (const name of names) expect(text).toContain(name);
      // Only the embedded Roboto subsets: no built-in Helvetica that lacks ş, ł, ě or ț.
      const fonts = execFileSync('pdffonts', ['-'], { input: pdfs[kind] }).toString('utf8').split('\n').slice(2).filter(Boolean);
      expect(fonts.length).toBeGreaterThan(0);
      for (const font of fonts) expect(font).toMatch(/^[A-Z]{6}\+Roboto-(Regular|Medium)\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes\b/);
    });

    it('is tagged, PDF 1.4 or later, with its title shown', () => {
      const info = pdfInfo(pdfs[kind]);
      expect(info).toMatch(/^Tagged:\s+yes$/m);
      expect(Number(/^PDF version:\s+([\d.]+)$/m.exec(info)![1])).toBeGreaterThanOrEqual(1.4);
      expect(info).toMatch(title);
      const structure = pdfStructure(pdfs[kind]);
      expect(structure).toMatchObject({ lang: 'nl-NL', markInfoMarked: true, displayDocTitle: true });
    });

    it('has a structure tree: a Document with a heading and tables whose header cells are TH', () => {
      const { tree } = pdfStructure(pdfs[kind]);
      expect(tree?.type).toBe('Document');
      expect(elements(tree, 'H1')).toHaveLength(1);
      if (kind === 'minutes') expect(elements(tree, 'H2').length).toBeGreaterThanOrEqual(4);
      const tables = elements(tree, 'Table');
      expect(tables.length).toBeGreaterThanOrEqual(1);
      const headed = tables.filter((table) => table.children[0].children.every((cell) => cell.type === 'TH'));
      expect(headed.length).toBeGreaterThanOrEqual(1);
      for (const table of headed) {
        expect(table.children.every((row) => row.type === 'TR')).toBe(true);
        expect(table.children[0].children[0].attributes).toMatchObject({ '/Scope': '/Column' });
        // Data rows: TD cells, as many as the header row has.
        for (const row of table.children.slice(1))
          expect(row.children.map((c) => c.type)).toEqual(table.children[0].children.map(() => 'TD'));
      }
      if (kind === 'minutes') {
        // The label/value table (place, chair…) heads each row with its label.
        const labelled = tables.find((table) => table.children[0].children[0].attributes['/Scope'] === '/Row');
        expect(labelled?.children.map((row) => row.children.map((c) => c.type))).toEqual(Array(4).fill(['TH', 'TD']));
      }
    });

    it('marks running headers, footers and page numbers as artifacts and leaves no text untagged', () => {
      const { pages } = pdfStructure(pdfs[kind]);
      for (const page of pages) {
        expect(page.unmarkedText).toBe(0);
        expect(page.marks).toContain('Artifact:Pagination:Bottom');
        if (header) expect(page.marks).toContain('Artifact:Pagination:Top');
        expect(page.marks.some((m) => m.endsWith(':MCID'))).toBe(true);
      }
      // What a screen reader reads (the structure tree's text) holds the names but not the footer;
      // the page itself shows both.
      const readAloud = pdfStructText(pdfs[kind]);
      const shown = pdfText(pdfs[kind]);
      for (const repeated of ['Opgesteld voor', 'pagina 1 van']) {
        expect(shown).toContain(repeated);
        expect(readAloud).not.toContain(repeated);
      }
      for (const name of names) expect(readAloud).toContain(name);
    });
  });

  it('dates the minutes in Amsterdam time', () => {
    expect(pdfText(pdfs.minutes)).toContain('23 november 2026 om 10:00');
  });
});
