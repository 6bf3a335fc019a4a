import type { NetworkOverviewView } from '@casustafel/contract/overview';
import { comingSunday } from '../src/overview/overview.service';
import { caseBody } from './support/factories';
import type { Agent } from './support/test-app';
import { useTestApp } from './support/use-test-app';

/**
 * GET /api/networks/:id/overview (issue #12): each role's work queue as numbers, on hand-built data
 * whose every number is known. The test clock starts on Monday 2 November 2026, 10:00 in Amsterdam;
 * the numbers are read on Thursday 5 November, whose week ends on Sunday 8 November.
 */
describe('The work queue per role', () => {
  const { t, make } = useTestApp();
  type Staffed = Awaited<ReturnType<typeof make.staffedNetwork>>;
  type Role = 'coordinator' | 'core' | 'shell' | 'volunteer';

  let s: Staffed;
  const agents = {} as Record<Role, Agent>;
  let closedMeeting: string;
  let nextMeeting: string;

  const overview = async (role: Role): Promise<NetworkOverviewView> =>
    (await agents[role].get(`/api/networks/${s.network.id}/overview`).expect(200)).body;
  const inMinutes = (minutes: number) => new Date(t.clock.now().getTime() + minutes * 60_000).toISOString();

  beforeAll(async () => {
    s = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });
    const c = s.coordinator.agent;
    const submit = async (agent: Agent) => (await agent.post(`/api/networks/${s.network.id}/cases`).send(caseBody()).expect(201)).body.id;

    // Cases: the core partner brings in three (one waits, one accepted, one declined), the shell partner one that waits.
    await submit(s.core.agent);
    const accepted = await submit(s.core.agent);
    await c.patch(`/api/cases/${accepted}`).send({ status: 'ACCEPTED' }).expect(200);
    const declined = await submit(s.core.agent);
    await c.patch(`/api/cases/${declined}`).send({ status: 'DECLINED', reason: 'Geen casus voor dit netwerk.' }).expect(200);
    await submit(s.shell.agent);

    // Questions: the volunteer rep asks three (one open, one answered, one open with a message from the coordinator), the core partner one.
    const ask = async (agent: Agent, title: string) =>
      (
        await agent
          .post(`/api/networks/${s.network.id}/questions`)
          .send({
            title,
            situation: 'Een buurman komt al weken niet meer buiten.',
            question: 'Wat kunnen we doen?',
            problemAreas: ['SOCIAL_NETWORK'],
          })
          .expect(201)
      ).body.id;
    await ask(s.volunteer.agent, 'Open vraag');
    const answered = await ask(s.volunteer.agent, 'Beantwoorde vraag');
    await c
      .post(`/api/questions/${answered}/answer`)
      .send({ advice: 'Vraag de ouderenadviseur mee op huisbezoek.', severity: 'LOW', recommendation: 'BRING_IN_AS_CASE_WITH_CONSENT' })
      .expect(200);
    const messaged = await ask(s.volunteer.agent, 'Vraag met bericht');
    await c.post(`/api/questions/${messaged}/messages`).send({ text: 'Weet je of hij familie in de buurt heeft?' }).expect(201);
    await ask(s.core.agent, 'Vraag van de kernpartner');

    // A meeting about the accepted case, with actions due on Tuesday 3 to Monday 9 November and one later, then closed.
    closedMeeting = (
      await c
        .post(`/api/networks/${s.network.id}/meetings`)
        .send({ startsAt: inMinutes(5), durationMinutes: 60 })
        .expect(201)
    ).body.id;
    const item = (await c.post(`/api/meetings/${closedMeeting}/agenda/assemble`).expect(200)).body.agenda.find(
      (i: { case: { id: string } | null }) => i.case?.id === accepted,
    );
    await c
      .put(`/api/meetings/${closedMeeting}/attendance`)
      .send({
        attendance: [
          { organisationId: s.core.organisation.id, status: 'PRESENT', userIds: [s.core.user.id] },
          { organisationId: s.shell.organisation.id, status: 'ABSENT', userIds: [] },
        ],
      })
      .expect(200);
    await c.post(`/api/meetings/${closedMeeting}/start`).expect(200);
    const action = async (owner: Staffed['core'], dueDate: string) =>
      (
        await c
          .post(`/api/meetings/${closedMeeting}/agenda/${item.id}/actions`)
          .send({ description: 'Huisbezoek afleggen', ownerOrganisationId: owner.organisation.id, dueDate })
          .expect(201)
      ).body;
    await action(s.shell, '2026-11-03'); // overdue on the 5th
    await action(s.shell, '2026-11-05'); // due today
    await action(s.shell, '2026-11-08'); // due Sunday: this week
    await action(s.core, '2026-11-04'); // overdue
    await action(s.core, '2026-11-09'); // next Monday: not this week
    await action(s.core, '2026-11-20');
    const done = await action(s.shell, '2026-11-03');
    await c.patch(`/api/actions/${done.id}`).send({ status: 'DONE', version: done.version }).expect(200);
    await c.post(`/api/meetings/${closedMeeting}/close`).expect(200);
    await c.post(`/api/meetings/${closedMeeting}/minutes/send`).expect(200);

    // Three days on: sign in again (the sessions ended), and plan the next two meetings.
    t.clock.advanceDays(3);
    agents.coordinator = await t.login(s.coordinator.user.email);
    agents.core = await t.login(s.core.user.email);
    agents.shell = await t.login(s.shell.user.email);
    agents.volunteer = await t.login(s.volunteer.user.email);
    nextMeeting = (
      await agents.coordinator
        .post(`/api/networks/${s.network.id}/meetings`)
        .send({ startsAt: inMinutes(7 * 24 * 60), durationMinutes: 60 })
        .expect(201)
    ).body.id;
    await agents.coordinator
      .post(`/api/networks/${s.network.id}/meetings`)
      .send({ startsAt: inMinutes(35 * 24 * 60), durationMinutes: 60 })
      .expect(201);
  });

  it('ends the week on Sunday, Amsterdam time', () => {
    expect(comingSunday('2026-11-05')).toBe('2026-11-08');
    expect(comingSunday('2026-11-08')).toBe('2026-11-08');
    expect(comingSunday('2026-11-09')).toBe('2026-11-15');
    expect(comingSunday('2026-12-28')).toBe('2027-01-03');
  });

  it("gives the coordinator the network's triage, questions, overdue actions per organisation and minutes", async () => {
    const view = await overview('coordinator');
    expect(view).toMatchObject({
      networkId: s.network.id,
      networkName: s.network.name,
      role: 'COORDINATOR',
      casesToTriage: 2,
      referralsWaiting: 0,
      openQuestions: 3,
      questionsWithNewAnswers: 0,
      overdueActions: 2,
      actionsDueThisWeek: 2,
      submittedCasesOpen: 0,
      minutesAwaitingApproval: 1,
      nextMeeting: { id: nextMeeting, startsAt: expect.any(String), agendaReady: false },
    });
    expect([...view.overdueByOrganisation].sort((a, b) => a.organisation.name.localeCompare(b.organisation.name))).toEqual(
      [
        { organisation: { id: s.core.organisation.id, name: s.core.organisation.name }, count: 1 },
        { organisation: { id: s.shell.organisation.id, name: s.shell.organisation.name }, count: 1 },
      ].sort((a, b) => a.organisation.name.localeCompare(b.organisation.name)),
    );
  });

  it("gives a partner their organisation's actions, cases and questions, and the minutes sent to them when present", async () => {
    expect(await overview('core')).toMatchObject({
      role: 'CORE_PARTNER',
      casesToTriage: 0,
      submittedCasesOpen: 2,
      openQuestions: 1,
      questionsWithNewAnswers: 0,
      overdueActions: 1,
      actionsDueThisWeek: 0,
      overdueByOrganisation: [],
      minutesAwaitingApproval: 1,
    });
    expect(await overview('shell')).toMatchObject({
      role: 'SHELL_PARTNER',
      casesToTriage: 0,
      submittedCasesOpen: 1,
      openQuestions: 0,
      overdueActions: 1,
      actionsDueThisWeek: 2,
      overdueByOrganisation: [],
      minutesAwaitingApproval: 0,
    });
  });

  it("gives a volunteer rep their organisation's open questions and those with a new answer or message", async () => {
    expect(await overview('volunteer')).toEqual({
      networkId: s.network.id,
      networkName: s.network.name,
      role: 'VOLUNTEER_REP',
      casesToTriage: 0,
      referralsWaiting: 0,
      openQuestions: 2,
      questionsWithNewAnswers: 2,
      overdueActions: 0,
      actionsDueThisWeek: 0,
      overdueByOrganisation: [],
      submittedCasesOpen: 0,
      minutesAwaitingApproval: 0,
      nextMeeting: { id: nextMeeting, startsAt: expect.any(String), agendaReady: false },
    });
  });

  it('says the next agenda is ready once it has an item, and forgets answers older than 14 days', async () => {
    await agents.coordinator.post(`/api/meetings/${nextMeeting}/agenda/assemble`).expect(200);
    expect((await overview('core')).nextMeeting).toEqual({ id: nextMeeting, startsAt: expect.any(String), agendaReady: true });
    t.clock.advanceDays(15);
    const volunteer = await t.login(s.volunteer.user.email);
    const view = (await volunteer.get(`/api/networks/${s.network.id}/overview`).expect(200)).body;
    expect(view.questionsWithNewAnswers).toBe(0);
    // Past its start the next meeting is the one after it; with no planned meeting ahead, none.
    expect(view.nextMeeting?.id).not.toBe(nextMeeting);
  });

  it('counts only the cases the covenant lets the coordinator see, as the case list does', async () => {
    const n = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });
    const c = n.coordinator.agent;
    const submitted = async (agent: Agent) =>
      (await agent.post(`/api/networks/${n.network.id}/cases`).send(caseBody()).expect(201)).body.id;
    await submitted(n.core.agent);
    const hiddenAction = await submitted(n.core.agent);
    await c.patch(`/api/cases/${hiddenAction}`).send({ status: 'ACCEPTED' }).expect(200);
    await submitted(c);
    const meeting = (
      await c
        .post(`/api/networks/${n.network.id}/meetings`)
        .send({ startsAt: inMinutes(60), durationMinutes: 60 })
        .expect(201)
    ).body.id;
    const item = (await c.post(`/api/meetings/${meeting}/agenda/assemble`).expect(200)).body.agenda.find(
      (i: { case: { id: string } | null }) => i.case?.id === hiddenAction,
    );
    await c
      .post(`/api/meetings/${meeting}/agenda/${item.id}/actions`)
      .send({
        description: 'Huisbezoek afleggen',
        ownerOrganisationId: n.shell.organisation.id,
        dueDate: comingSunday(t.clock.now().toISOString().slice(0, 10)),
      })
      .expect(201);
    const read = async () => (await c.get(`/api/networks/${n.network.id}/overview`).expect(200)).body as NetworkOverviewView;
    expect(await read()).toMatchObject({ casesToTriage: 2, actionsDueThisWeek: 1 });
    const openActions = async () => (await c.get(`/api/actions?scope=network&networkId=${n.network.id}`).expect(200)).body.length;
    expect(await openActions()).toBe(1);

    // A covenant that hides the cases of others from the coordinator's dossier: their own case stays (rule 3).
    const covenant = (await c.get(`/api/networks/${n.network.id}/covenant`).expect(200)).body;
    await c
      .put(`/api/networks/${n.network.id}/covenant`)
      .send({
        levels: { ...covenant.levels, COORDINATOR: { ...covenant.levels.COORDINATOR, DOSSIER: 'HIDDEN' } },
        retentionMonths: covenant.retentionMonths,
        anonymousQuestionSubmitter: covenant.anonymousQuestionSubmitter,
        confidentialityStatement: covenant.confidentialityStatement,
      })
      .expect(200);
    await make.accept(c, n.network.id);
    expect((await c.get(`/api/networks/${n.network.id}/cases`).expect(200)).body.total).toBe(1);
    expect(await openActions()).toBe(0);
    const view = await read();
    expect(view).toMatchObject({ casesToTriage: 1 });
    // The action on the hidden case is left out of the coordinator's numbers as it is of their action list.
    expect(view.actionsDueThisWeek + view.overdueActions).toBe(0);
  });

  it('is there for members only: another network and the administrator (who sees no work of a network) get 404', async () => {
    const other = await make.staffedNetwork();
    await other.coordinator.agent.get(`/api/networks/${s.network.id}/overview`).expect(404);
    const admin = await t.admin();
    await admin.get(`/api/networks/${s.network.id}/overview`).expect(404);
  });
});
