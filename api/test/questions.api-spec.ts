import { CANARY, questionBody } from './support/factories';
import { useTestApp } from './support/use-test-app';

const question = questionBody;

describe('Consultative questions', () => {
  const { t, make } = useTestApp({ minutesBetweenTests: 0.1 });

  it('refuses a question with a postcode with 422 and the findings, stores nothing and echoes nothing', async () => {
    const s = await make.staffedNetwork();
    const situation = 'Een man in 3812 AB laat niemand binnen en de buren horen hem schreeuwen.';
    const res = await s.volunteer.agent.post(`/api/networks/${s.network.id}/questions`).send(question({ situation })).expect(422);
    expect(res.body).toMatchObject({ statusCode: 422, error: 'Unprocessable Entity' });
    expect(res.body.message).toMatch(/een postcode/);
    expect(res.body.findings).toEqual([
      { kind: 'POSTCODE', field: 'situation', start: situation.indexOf('3812 AB'), end: situation.indexOf('3812 AB') + 7 },
    ]);
    expect(res.text).not.toContain('3812');
    expect((await s.coordinator.agent.get(`/api/networks/${s.network.id}/questions`).expect(200)).body).toEqual([]);
  });

  it('scans text while the user types, without storing it', async () => {
    const s = await make.staffedNetwork();
    const text = 'Bel haar dochter op 06-12345678.';
    const res = await s.volunteer.agent.post(`/api/networks/${s.network.id}/questions/scan`).send({ text }).expect(200);
    expect(res.body.findings).toEqual([{ kind: 'PHONE', start: 20, end: 31 }]);
    await (await t.admin()).post(`/api/networks/${s.network.id}/questions/scan`).send({ text }).expect(404);
  });

  it('hides the asking organisation from other partners when the covenant says so', async () => {
    const s = await make.staffedNetwork(); // neighbourhood template: anonymous submitter
    const created = (await s.volunteer.agent.post(`/api/networks/${s.network.id}/questions`).send(question()).expect(201)).body;
    expect(created.submittedBy).toEqual({
      organisation: { id: s.volunteer.organisation.id, name: s.volunteer.organisation.name },
      label: s.volunteer.organisation.name,
      isYourOrganisation: true,
    });
    const byShell = (await s.shell.agent.get(`/api/questions/${created.id}`).expect(200)).body;
    expect(byShell.submittedBy).toEqual({ organisation: null, label: 'een vrijwilligersorganisatie', isYourOrganisation: false });
    expect(JSON.stringify(byShell)).not.toContain(s.volunteer.organisation.name);
    const byCoordinator = (await s.coordinator.agent.get(`/api/questions/${created.id}`).expect(200)).body;
    expect(byCoordinator.submittedBy.organisation.name).toBe(s.volunteer.organisation.name);

    const covenant = (await s.coordinator.agent.get(`/api/networks/${s.network.id}/covenant`).expect(200)).body;
    await s.coordinator.agent
      .put(`/api/networks/${s.network.id}/covenant`)
      .send({
        levels: covenant.levels,
        retentionMonths: covenant.retentionMonths,
        anonymousQuestionSubmitter: false,
        confidentialityStatement: covenant.confidentialityStatement,
      })
      .expect(200);
    expect((await s.shell.agent.get(`/api/questions/${created.id}`).expect(200)).body.submittedBy.label).toBe(
      s.volunteer.organisation.name,
    );
  });

  it('lets the coordinator answer and ask for a reaction; the asker sees both and replies in the thread', async () => {
    const s = await make.staffedNetwork();
    const created = (await s.volunteer.agent.post(`/api/networks/${s.network.id}/questions`).send(question()).expect(201)).body;
    const answer = {
      advice: 'Ga samen met de ouderenadviseur op huisbezoek en vraag of zij hulp wil.',
      severity: 'MEDIUM',
      recommendation: 'BRING_IN_AS_CASE_WITH_CONSENT',
    };
    await s.core.agent.post(`/api/questions/${created.id}/answer`).send(answer).expect(403);
    await s.coordinator.agent.post(`/api/questions/${created.id}/answer`).send(answer).expect(200);
    await s.coordinator.agent
      .post(`/api/questions/${created.id}/messages`)
      .send({ text: 'Weet je of zij familie in de buurt heeft?' })
      .expect(201);
    const refused = await s.volunteer.agent
      .post(`/api/questions/${created.id}/messages`)
      .send({ text: 'Ja, haar zoon, bereikbaar op 06 98765432.' })
      .expect(422);
    expect(refused.body.findings[0]).toMatchObject({ kind: 'PHONE', field: 'text' });
    await s.volunteer.agent
      .post(`/api/questions/${created.id}/messages`)
      .send({ text: 'Ja, een zoon die om de week langskomt.' })
      .expect(201);
    await s.shell.agent.post(`/api/questions/${created.id}/messages`).send({ text: 'Mag ik ook iets zeggen?' }).expect(403);

    const seen = (await s.volunteer.agent.get(`/api/questions/${created.id}`).expect(200)).body;
    expect(seen.status).toBe('ANSWERED');
    expect(seen.answer).toMatchObject({ severity: 'MEDIUM', recommendation: 'BRING_IN_AS_CASE_WITH_CONSENT' });
    expect(seen.messages.map((m: { fromCoordinator: boolean }) => m.fromCoordinator)).toEqual([true, false]);
    // Others see the question and the advice, not the thread.
    const byShell = (await s.shell.agent.get(`/api/questions/${created.id}`).expect(200)).body;
    expect(byShell.answer.advice).toBe(answer.advice);
    expect(byShell.messages).toEqual([]);
  });

  it('lets only the asking organisation convert, and the case follows the disclosure policy', async () => {
    const s = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });
    const created = (await s.volunteer.agent.post(`/api/networks/${s.network.id}/questions`).send(question()).expect(201)).body;
    const body = { client: CANARY, consent: 'GIVEN', urgency: 'MEDIUM' };
    await s.coordinator.agent.post(`/api/questions/${created.id}/convert`).send(body).expect(403);
    await s.core.agent.post(`/api/questions/${created.id}/convert`).send(body).expect(403);
    await s.volunteer.agent
      .post(`/api/questions/${created.id}/convert`)
      .send({ ...body, consent: 'NOT_ASKED' })
      .expect(400);

    const converted = (await s.volunteer.agent.post(`/api/questions/${created.id}/convert`).send(body).expect(201)).body;
    expect(converted).toMatchObject({ sourceQuestionId: created.id, consent: 'GIVEN', client: { level: 'FULL', surname: CANARY.surname } });
    expect((await s.core.agent.get(`/api/cases/${converted.id}`).expect(200)).body.client).toMatchObject({
      level: 'INITIALS',
      displayName: 'G. van C.',
    });
    const byShell = await s.shell.agent.get(`/api/cases/${converted.id}`).expect(200);
    expect(byShell.body.client.level).toBe('PSEUDONYM');
    expect(byShell.text).not.toContain(CANARY.surname);

    const after = (await s.volunteer.agent.get(`/api/questions/${created.id}`).expect(200)).body;
    expect(after).toMatchObject({ status: 'CONVERTED', convertedCaseId: converted.id });
    await s.volunteer.agent.post(`/api/questions/${created.id}/convert`).send(body).expect(409);
  });

  it('lets the asking organisation withdraw, and logs every read', async () => {
    const s = await make.staffedNetwork();
    const created = (await s.volunteer.agent.post(`/api/networks/${s.network.id}/questions`).send(question()).expect(201)).body;
    await s.shell.agent.post(`/api/questions/${created.id}/withdraw`).expect(403);
    expect((await s.volunteer.agent.post(`/api/questions/${created.id}/withdraw`).expect(200)).body.status).toBe('WITHDRAWN');
    await s.shell.agent.get(`/api/questions/${created.id}`).expect(200);
    const log = (await s.coordinator.agent.get(`/api/networks/${s.network.id}/access-log`).expect(200)).body as {
      questionId: string;
      action: string;
      role: string;
    }[];
    const mine = log.filter((e) => e.questionId === created.id);
    expect(mine.map((e) => e.action)).toEqual(expect.arrayContaining(['CREATE', 'UPDATE', 'VIEW']));
    expect(mine.some((e) => e.action === 'VIEW' && e.role === 'SHELL_PARTNER')).toBe(true);
    expect((await s.coordinator.agent.get(`/api/networks/${s.network.id}/access-log/verify`).expect(200)).body.ok).toBe(true);
  });

  it('hides questions from administrators and other networks', async () => {
    const s = await make.staffedNetwork();
    const created = (await s.volunteer.agent.post(`/api/networks/${s.network.id}/questions`).send(question()).expect(201)).body;
    await (await t.admin()).get(`/api/questions/${created.id}`).expect(404);
    const other = await make.staffedNetwork();
    await other.coordinator.agent.get(`/api/questions/${created.id}`).expect(404);
    await other.coordinator.agent.get(`/api/networks/${s.network.id}/questions`).expect(404);
  });
});
