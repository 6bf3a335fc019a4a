import type { CaseView } from '@casustafel/contract/cases';
import { Factories, CANARY, caseBody } from './support/factories';
import { TestApp, type Agent } from './support/test-app';

const CONSENTS = [
  { consent: 'GIVEN' },
  { consent: 'NOT_ASKED' },
  { consent: 'REFUSED' },
  { consent: 'OVERRIDE_OGGZ', consentOverrideReason: 'Acuut brandgevaar door vervuiling, buren in gevaar.' },
];

/**
 * The case list filters, searches, counts and pages in the database. Whatever it does there, it
 * must show each viewer exactly the cases the case page shows them, and find a surname exactly
 * where the case page shows that full name.
 */
describe('The case list, filtered and paged in the database', () => {
  let t: TestApp;
  let make: Factories;
  let networkId: string;
  const viewers: Record<string, Agent> = {};
  /** What each case is, as its submitter brought it in. */
  const cases: (CaseView & { surname: string })[] = [];
  /** Per viewer: what the case page shows of each case they may see. */
  const seen: Record<string, Map<string, CaseView>> = {};

  beforeAll(async () => {
    t = await TestApp.start();
    make = await Factories.for(t);
    // OGGZ: shell partners and volunteers see nothing in DOSSIER unless it is theirs or they hold an action.
    const s = await make.staffedNetwork('OGGZ', { accepted: true });
    networkId = s.network.id;
    const covenant = (await s.coordinator.agent.get(`/api/networks/${networkId}/covenant`).expect(200)).body;
    // Core partners see full names in DOSSIER, so that consent decides whether their search finds a surname.
    await s.coordinator.agent
      .put(`/api/networks/${networkId}/covenant`)
      .send({
        levels: { ...covenant.levels, CORE_PARTNER: { ...covenant.levels.CORE_PARTNER, DOSSIER: 'FULL' } },
        retentionMonths: covenant.retentionMonths,
        anonymousQuestionSubmitter: false,
        confidentialityStatement: covenant.confidentialityStatement,
      })
      .expect(200);
    await Promise.all([s.coordinator, s.core, s.shell, s.volunteer].map((p) => make.accept(p.agent, networkId)));
    const colleague = await make.user(s.shell.organisation.id);
    await make.role(networkId, colleague.id, 'SHELL_PARTNER');
    viewers['shell colleague'] = await t.login(colleague.email);
    await make.accept(viewers['shell colleague'], networkId);
    const unaccepted = await make.user(s.core.organisation.id);
    await make.role(networkId, unaccepted.id, 'CORE_PARTNER');
    viewers['core partner without acceptance'] = await t.login(unaccepted.email);
    Object.assign(viewers, {
      coordinator: s.coordinator.agent,
      'core partner': s.core.agent,
      'shell partner': s.shell.agent,
      'volunteer rep': s.volunteer.agent,
    });

    const submitters = [s.core.agent, s.shell.agent, s.coordinator.agent, viewers['shell colleague']];
    for (let i = 0; i < 32; i++) {
      const surname = i % 3 === 0 ? 'Jansen' : `Vermeulen-${String.fromCharCode(97 + i)}`;
      const body = caseBody({
        client: { ...CANARY, surname },
        ...CONSENTS[Math.floor(i / 4) % 4],
        neighbourhood: i % 2 ? 'Schothorst' : 'Soesterkwartier',
        urgency: i % 5 === 0 ? 'LOW' : 'HIGH',
        problemAreas: i % 3 ? ['HOUSING'] : ['FINANCES', 'SELF_CARE'],
      });
      const created = (await submitters[i % 4].post(`/api/networks/${networkId}/cases`).send(body).expect(201)).body;
      if (i % 4 === 1) await s.coordinator.agent.patch(`/api/cases/${created.id}`).send({ status: 'ACCEPTED' }).expect(200);
      cases.push({ ...created, status: i % 4 === 1 ? 'ACCEPTED' : 'SUBMITTED', surname });
    }
    // The shell partner's organisation holds an open action on a case the core partner brought in.
    const startsAt = new Date(t.clock.now().getTime() + 86_400_000).toISOString();
    const meeting = (
      await s.coordinator.agent.post(`/api/networks/${networkId}/meetings`).send({ startsAt, durationMinutes: 60 }).expect(201)
    ).body;
    const agenda = (
      await s.coordinator.agent.post(`/api/meetings/${meeting.id}/agenda`).send({ kind: 'RUNNING_CASE', caseId: cases[4].id }).expect(201)
    ).body.agenda;
    await s.coordinator.agent
      .post(`/api/meetings/${meeting.id}/agenda/${agenda[0].id}/actions`)
      .send({ description: 'Huisbezoek afleggen', ownerOrganisationId: s.shell.organisation.id, dueDate: '2026-12-01' })
      .expect(201);

    for (const [name, agent] of Object.entries(viewers)) {
      seen[name] = new Map();
      for (const c of cases) {
        const res = await agent.get(`/api/cases/${c.id}`);
        if (res.status === 200) seen[name].set(c.id, res.body);
        else expect(res.status).toBe(404);
      }
    }
  }, 180_000);
  afterAll(() => t.close());

  /** Every page of the list for this query, in order, and the total it reported. */
  async function listAll(agent: Agent, query: Record<string, string> = {}): Promise<{ numbers: string[]; total: number; pages: number }> {
    const numbers: string[] = [];
    let total = 0;
    let page = 1;
    for (; ; page++) {
      const res = (
        await agent
          .get(`/api/networks/${networkId}/cases`)
          .query({ ...query, page })
          .expect(200)
      ).body;
      expect(res).toMatchObject({ page, pageSize: 25 });
      total = res.total;
      numbers.push(...res.items.map((c: CaseView) => c.number));
      if (res.items.length < 25) break;
    }
    return { numbers, total, pages: page };
  }

  const newestFirst = (list: { number: string }[]) => list.map((c) => c.number).sort((a, b) => b.localeCompare(a));
  const names = ['coordinator', 'core partner', 'shell partner', 'shell colleague', 'volunteer rep', 'core partner without acceptance'];

  it.each(names)('shows the %s exactly the cases the case page shows them, newest first, page by page', async (name) => {
    const expected = cases.filter((c) => seen[name].has(c.id));
    const { numbers, total } = await listAll(viewers[name]);
    expect(numbers).toEqual(newestFirst(expected));
    expect(total).toBe(expected.length);
  });

  it('pages a list longer than a page, with the total of all pages', async () => {
    const { numbers, total, pages } = await listAll(viewers['coordinator']);
    expect([numbers.length, total, pages]).toEqual([32, 32, 2]);
    const beyond = (await viewers['coordinator'].get(`/api/networks/${networkId}/cases?page=3`).expect(200)).body;
    expect(beyond).toMatchObject({ items: [], total: 32, page: 3 });
  });

  it.each(names)('finds a surname for the %s only where the case page shows them that full name', async (name) => {
    const expected = cases.filter((c) => {
      const view = seen[name].get(c.id);
      return view?.client.level === 'FULL' && view.client.surname === 'Jansen';
    });
    expect((await listAll(viewers[name], { q: 'jansen' })).numbers).toEqual(newestFirst(expected));
    expect((await listAll(viewers[name], { q: ' JANSEN ' })).total).toBe(expected.length);
  });

  it.each(names)('filters and searches by number and pseudonym for the %s among what they may see', async (name) => {
    const visible = cases.filter((c) => seen[name].has(c.id));
    const check = async (query: Record<string, string>, keep: (c: (typeof cases)[number]) => boolean) =>
      expect((await listAll(viewers[name], query)).numbers).toEqual(newestFirst(visible.filter(keep)));
    await check({ status: 'ACCEPTED' }, (c) => c.status === 'ACCEPTED');
    await check({ urgency: 'LOW' }, (c) => c.urgency === 'LOW');
    await check({ problemArea: 'SELF_CARE' }, (c) => c.problemAreas.includes('SELF_CARE'));
    await check(
      { problemArea: 'HOUSING', neighbourhood: ' schotHORST ' },
      (c) => c.problemAreas.includes('HOUSING') && c.client.neighbourhood === 'Schothorst',
    );
    await check({ q: '2026-01' }, (c) => c.number.includes('2026-01'));
    const pseudonym = cases[7].pseudonym;
    await check({ q: pseudonym.toUpperCase() }, (c) => c.pseudonym.toLowerCase().includes(pseudonym.toLowerCase()));
    // LIKE's own characters are searched for as themselves.
    await check({ q: '%' }, () => false);
    await check({ q: '2026_0' }, () => false);
  });
});
