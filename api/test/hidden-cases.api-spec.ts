import { execFileSync } from 'node:child_process';
import type { Response } from 'superagent';
import { Factories, caseBody } from './support/factories';
import type { Agent } from './support/test-app';
import { useTestApp } from './support/use-test-app';

const binary = (res: Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};
const pdfText = (pdf: Buffer) => execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8');

/**
 * A case hidden from a viewer leaves no trace for them (issue #9): not its number, not its
 * pseudonym, not the actions agreed on it — in JSON, CSV, PDF or the calendar feed. Items tied to a
 * hidden case are left out, not blanked.
 */
describe('Hidden stays hidden', () => {
  const { t, make } = useTestApp({ minutesBetweenTests: 0.1 });
  let s: Awaited<ReturnType<Factories['staffedNetwork']>>;
  let theCase: { id: string; number: string; pseudonym: string };
  let meetingId: string;
  let secret: string[];
  const DESCRIPTION = 'Huisbezoek met de wijkagent afleggen';

  beforeAll(async () => {
    // OGGZ template: shell partners and volunteer reps see nothing of a case outside the meeting (DOSSIER HIDDEN).
    s = await make.staffedNetwork('OGGZ', { accepted: true });
    const c = s.coordinator.agent;
    theCase = (await s.core.agent.post(`/api/networks/${s.network.id}/cases`).send(caseBody()).expect(201)).body;
    await c.patch(`/api/cases/${theCase.id}`).send({ status: 'ACCEPTED' }).expect(200);
    meetingId = (
      await c
        .post(`/api/networks/${s.network.id}/meetings`)
        .send({ startsAt: new Date(t.clock.now().getTime() + 86_400_000).toISOString(), durationMinutes: 60 })
        .expect(201)
    ).body.id;
    const item = (await c.post(`/api/meetings/${meetingId}/agenda/assemble`).expect(200)).body.agenda.find(
      (i: { case: unknown }) => i.case,
    );
    await c.post(`/api/meetings/${meetingId}/start`).expect(200);
    await c
      .post(`/api/meetings/${meetingId}/agenda/${item.id}/actions`)
      .send({ description: DESCRIPTION, ownerOrganisationId: s.core.organisation.id, dueDate: '2026-11-20' })
      .expect(201);
    await c.post(`/api/meetings/${meetingId}/close`).expect(200);
    secret = [theCase.number, theCase.pseudonym, DESCRIPTION];
  });

  const hiddenFrom = (): [string, Agent][] => [
    ['shell partner', s.shell.agent],
    ['volunteer rep', s.volunteer.agent],
  ];

  it('is hidden from the shell and the volunteers in the dossier (the premise)', async () => {
    for (const [, agent] of hiddenFrom()) {
      await agent.get(`/api/cases/${theCase.id}`).expect(404);
      expect((await agent.get(`/api/networks/${s.network.id}/cases`).expect(200)).body.items).toEqual([]);
    }
    // …while the coordinator and the core see the case and its action.
    const core = (await s.core.agent.get(`/api/actions?scope=network&networkId=${s.network.id}`).expect(200)).body;
    expect(core).toEqual([
      expect.objectContaining({
        description: DESCRIPTION,
        case: { id: theCase.id, label: `Casus ${theCase.number} · ${theCase.pseudonym}` },
      }),
    ]);
  });

  it.each([
    ["the network's actions", `/api/actions?scope=network`],
    ["the network's overdue actions", `/api/actions?scope=network&overdue=true`],
    ['the meeting', `/api/meetings/{meeting}`],
    ['the meetings list', `/api/networks/{network}/meetings`],
  ])('leaves it out of %s (JSON)', async (_what, path) => {
    for (const [who, agent] of hiddenFrom()) {
      const url =
        path.replace('{meeting}', meetingId).replace('{network}', s.network.id) +
        (path.includes('scope=network') ? `&networkId=${s.network.id}` : '');
      const res = await agent.get(url).expect(200);
      for (const value of secret) expect({ who, value, present: res.text.includes(value) }).toEqual({ who, value, present: false });
    }
  });

  it('leaves it out of the actions CSV and PDF', async () => {
    for (const [who, agent] of hiddenFrom()) {
      const csv = await agent.get(`/api/networks/${s.network.id}/actions.csv`).expect(200);
      const pdf = pdfText(
        (await agent.get(`/api/networks/${s.network.id}/actions.pdf`).buffer(true).parse(binary).expect(200)).body as Buffer,
      );
      for (const value of secret) {
        expect({ who, value, csv: csv.text.includes(value), pdf: pdf.includes(value) }).toEqual({ who, value, csv: false, pdf: false });
      }
    }
    const coreCsv = await s.core.agent.get(`/api/networks/${s.network.id}/actions.csv`).expect(200);
    expect(coreCsv.text).toContain(DESCRIPTION);
  });

  it('leaves it out of the minutes of those who may not see it there', async () => {
    const c = s.coordinator.agent;
    const next = (
      await c
        .post(`/api/networks/${s.network.id}/meetings`)
        .send({ startsAt: new Date(t.clock.now().getTime() + 3 * 86_400_000).toISOString(), durationMinutes: 60 })
        .expect(201)
    ).body.id;
    await c.post(`/api/meetings/${next}/start`).expect(200);
    await c.post(`/api/meetings/${meetingId}/minutes/approve`).send({}).expect(200);
    // OGGZ: volunteer reps see nothing of a case in the minutes (MINUTES HIDDEN).
    const minutes = await s.volunteer.agent.get(`/api/meetings/${meetingId}/minutes`).expect(200);
    const pdf = pdfText(
      (await s.volunteer.agent.get(`/api/meetings/${meetingId}/minutes.pdf`).buffer(true).parse(binary).expect(200)).body as Buffer,
    );
    for (const value of secret)
      expect({ value, json: minutes.text.includes(value), pdf: pdf.includes(value) }).toEqual({ value, json: false, pdf: false });
  });

  it('shows an organisation its own action while it is open, and forgets the case once it is done', async () => {
    const c = s.coordinator.agent;
    const meeting = (
      await c
        .post(`/api/networks/${s.network.id}/meetings`)
        .send({ startsAt: new Date(t.clock.now().getTime() + 5 * 86_400_000).toISOString(), durationMinutes: 60 })
        .expect(201)
    ).body.id;
    const item = (
      await c.post(`/api/meetings/${meeting}/agenda`).send({ kind: 'RUNNING_CASE', caseId: theCase.id }).expect(201)
    ).body.agenda.find((i: { case: unknown }) => i.case);
    await c.post(`/api/meetings/${meeting}/start`).expect(200);
    const action = (
      await c
        .post(`/api/meetings/${meeting}/agenda/${item.id}/actions`)
        .send({ description: 'Sleutelkastje regelen', ownerOrganisationId: s.shell.organisation.id, dueDate: '2026-12-20' })
        .expect(201)
    ).body;

    const mine = (await s.shell.agent.get('/api/actions?scope=mine').expect(200)).body;
    expect(mine).toEqual([
      expect.objectContaining({ id: action.id, case: { id: theCase.id, label: `Casus ${theCase.number} · ${theCase.pseudonym}` } }),
    ]);
    const token = (await s.shell.agent.post('/api/calendar/token').expect(201)).body.url;
    expect((await t.anonymous().get(token).expect(200)).text).toContain(theCase.number);

    // Done: the shell partner's view of the case ends with its open action (rule 4 of the policy)…
    const done = await s.shell.agent.patch(`/api/actions/${action.id}`).send({ status: 'DONE', version: action.version }).expect(200);
    expect(done.body.case.label).toContain(theCase.number); // the answer to the one who just closed it
    // …and with it every trace in their lists, exports and calendar.
    expect((await s.shell.agent.get('/api/actions?scope=mine').expect(200)).text).not.toContain(theCase.number);
    expect((await s.shell.agent.get(`/api/actions?scope=network&networkId=${s.network.id}`).expect(200)).text).not.toContain(
      'Sleutelkastje',
    );
    expect((await t.anonymous().get(token).expect(200)).text).not.toContain(theCase.number);
    await s.shell.agent
      .patch(`/api/actions/${action.id}`)
      .send({ status: 'OPEN', version: action.version + 1 })
      .expect(404);
  });

  it('names the case a question became only to those who may see that case', async () => {
    const q = (
      await s.volunteer.agent
        .post(`/api/networks/${s.network.id}/questions`)
        .send({
          title: 'Zorg om een buurman',
          situation: 'Een buurman komt niet meer buiten en de post stapelt zich op.',
          question: 'Wat kunnen we doen?',
          problemAreas: ['SOCIAL_NETWORK'],
          neighbourhood: 'Kruiskamp',
        })
        .expect(201)
    ).body;
    const converted = (
      await s.volunteer.agent
        .post(`/api/questions/${q.id}/convert`)
        .send({ client: { ...caseBody().client, surname: 'Merelhof' }, consent: 'GIVEN', urgency: 'MEDIUM' })
        .expect(201)
    ).body;
    expect((await s.volunteer.agent.get(`/api/questions/${q.id}`).expect(200)).body.convertedCaseId).toBe(converted.id); // the submitter sees it
    expect((await s.shell.agent.get(`/api/questions/${q.id}`).expect(200)).body.convertedCaseId).toBeNull(); // OGGZ shell: hidden
    expect((await s.shell.agent.get(`/api/networks/${s.network.id}/questions`).expect(200)).text).not.toContain(converted.id);
  });
});
