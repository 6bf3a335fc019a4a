import type { AgendaItemView } from '@casustafel/contract/meetings';
import { caseBody } from './support/factories';
import type { TestApp, Agent } from './support/test-app';
import { useTestApp } from './support/use-test-app';

/** Live mode does the job once (issue #12): a question answered in place, not brought back; "keep on the agenda" honoured. */
describe('Live mode: questions answered in place, keepOnAgenda', () => {
  const { t, make } = useTestApp({ minutesBetweenTests: 0.1 });
  type Staffed = Awaited<ReturnType<typeof make.staffedNetwork>>;

  const inDays = (t: TestApp, days: number) => new Date(t.clock.now().getTime() + days * 86_400_000).toISOString();
  const ANSWER = {
    advice: 'Ga samen met de ouderenadviseur op huisbezoek en vraag of hij hulp wil.',
    severity: 'MEDIUM',
    recommendation: 'BRING_IN_AS_CASE_WITH_CONSENT',
  };

  async function plan(s: Staffed, days: number): Promise<string> {
    return (
      await s.coordinator.agent
        .post(`/api/networks/${s.network.id}/meetings`)
        .send({ startsAt: inDays(t, days), durationMinutes: 90 })
        .expect(201)
    ).body.id;
  }

  async function ask(s: Staffed, title = 'Vraag over een buurman'): Promise<string> {
    return (
      await s.volunteer.agent
        .post(`/api/networks/${s.network.id}/questions`)
        .send({
          title,
          situation: 'Een man van rond de 70 komt al weken niet buiten en reageert niet op aanbellen.',
          question: 'Wat kunnen wij doen?',
          problemAreas: ['SOCIAL_NETWORK'],
        })
        .expect(201)
    ).body.id;
  }

  async function accepted(s: Staffed): Promise<string> {
    const c = (await s.core.agent.post(`/api/networks/${s.network.id}/cases`).send(caseBody()).expect(201)).body;
    await s.coordinator.agent.patch(`/api/cases/${c.id}`).send({ status: 'ACCEPTED' }).expect(200);
    return c.id;
  }

  type Item = Pick<AgendaItemView, 'id' | 'kind' | 'version' | 'keepOnAgenda' | 'case'> & {
    question: NonNullable<AgendaItemView['question']>;
  };
  const assemble = async (agent: Agent, meetingId: string): Promise<Item[]> =>
    (await agent.post(`/api/meetings/${meetingId}/agenda/assemble`).expect(200)).body.agenda;

  it('shows the answer given in place on the agenda, and no longer offers to answer it', async () => {
    const s = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });
    const c = s.coordinator.agent;
    const questionId = await ask(s);
    const meeting = await plan(s, 1);
    const item = (await assemble(c, meeting)).find((i) => i.kind === 'QUESTION')!;
    expect(item.question).toMatchObject({ id: questionId, status: 'SCHEDULED', answer: null, canAnswer: true });
    expect(item.question.situation).toContain('komt al weken niet buiten');
    expect(item.question.question).toBe('Wat kunnen wij doen?');
    await c.post(`/api/meetings/${meeting}/start`).expect(200);

    await c.post(`/api/questions/${questionId}/answer`).send(ANSWER).expect(200);
    const after = (await c.get(`/api/meetings/${meeting}`).expect(200)).body.agenda.find((i: Item) => i.kind === 'QUESTION');
    expect(after.question).toMatchObject({ status: 'ANSWERED', canAnswer: false, answer: { advice: ANSWER.advice, severity: 'MEDIUM' } });
    // Members read the question and its answer on the agenda, but never get to answer it.
    const asCore = (await s.core.agent.get(`/api/meetings/${meeting}`).expect(200)).body.agenda.find((i: Item) => i.kind === 'QUESTION');
    expect(asCore.question).toMatchObject({ status: 'ANSWERED', canAnswer: false });
  });

  it('does not bring an answered question back on the next agenda', async () => {
    const s = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });
    const c = s.coordinator.agent;
    const answered = await ask(s, 'Beantwoorde vraag');
    const open = await ask(s, 'Open vraag');
    const first = await plan(s, 1);
    const questionsOn = (agenda: Item[]) => agenda.filter((i) => i.kind === 'QUESTION').map((i) => i.question.id);
    expect(questionsOn(await assemble(c, first))).toEqual([answered, open]);
    await c.post(`/api/meetings/${first}/start`).expect(200);
    await c.post(`/api/questions/${answered}/answer`).send(ANSWER).expect(200);
    await c.post(`/api/meetings/${first}/close`).expect(200);

    const second = await plan(s, 29);
    expect(questionsOn(await assemble(c, second))).toEqual([open]);
  });

  it('takes an answered question off an agenda assembled before it was answered (a series planned ahead)', async () => {
    const s = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });
    const c = s.coordinator.agent;
    const answered = await ask(s, 'Beantwoorde vraag');
    const first = await plan(s, 1);
    const second = await plan(s, 29);
    await assemble(c, first);
    const questionsOn = (agenda: Item[]) => agenda.filter((i) => i.kind === 'QUESTION').map((i) => i.question.id);
    expect(questionsOn(await assemble(c, second))).toEqual([answered]);
    await c.post(`/api/meetings/${first}/start`).expect(200);
    await c.post(`/api/questions/${answered}/answer`).send(ANSWER).expect(200);
    await c.post(`/api/meetings/${first}/close`).expect(200);

    expect(questionsOn(await assemble(c, second))).toEqual([]);
  });

  it('puts a case kept on the agenda back at the next assembly, even without open actions', async () => {
    const s = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });
    const c = s.coordinator.agent;
    const kept = await accepted(s);
    const dropped = await accepted(s);
    const first = await plan(s, 1);
    const agenda = await assemble(c, first);
    const keptItem = agenda.find((i) => i.case?.id === kept)!;
    expect(keptItem.keepOnAgenda).toBe(false);

    const patched = (
      await c.patch(`/api/meetings/${first}/agenda/${keptItem.id}`).send({ keepOnAgenda: true, version: keptItem.version }).expect(200)
    ).body.agenda.find((i: Item) => i.id === keptItem.id);
    expect(patched).toMatchObject({ keepOnAgenda: true, version: keptItem.version + 1 });
    // Members see the flag too; only the coordinator sets it.
    expect(
      (await s.core.agent.get(`/api/meetings/${first}`).expect(200)).body.agenda.find((i: Item) => i.id === keptItem.id).keepOnAgenda,
    ).toBe(true);
    await s.core.agent.patch(`/api/meetings/${first}/agenda/${keptItem.id}`).send({ keepOnAgenda: false, version: 2 }).expect(403);

    // Only a case item can be kept on the agenda.
    const theme = agenda.find((i) => i.kind === 'THEME')!;
    const refused = await c
      .patch(`/api/meetings/${first}/agenda/${theme.id}`)
      .send({ keepOnAgenda: true, version: theme.version })
      .expect(400);
    expect(refused.body.message).toMatch(/casus/);

    await c.post(`/api/meetings/${first}/start`).expect(200);
    await c.post(`/api/meetings/${first}/close`).expect(200);
    const second = await plan(s, 29);
    const next = await assemble(c, second);
    expect(next.filter((i) => i.case).map((i) => [i.kind, i.case!.id])).toEqual([['RUNNING_CASE', kept]]);
    expect(next.some((i) => i.case?.id === dropped)).toBe(false);
    // Only from the most recent previous meeting: a third meeting does not inherit the flag of the first.
    await c.post(`/api/meetings/${second}/start`).expect(200);
    await c.post(`/api/meetings/${second}/close`).expect(200);
    const third = await plan(s, 57);
    expect((await assemble(c, third)).some((i) => i.case?.id === kept)).toBe(false);
  });
});
