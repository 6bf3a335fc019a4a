import type { CaseTimelineEntry, CaseTimelineView } from '@casustafel/contract/timeline';
import { CANARY, CANARY_MARKERS, caseBody } from './support/factories';
import type { Agent } from './support/test-app';
import { useTestApp } from './support/use-test-app';

/**
 * GET /api/cases/:id/timeline (issue #12): the case's history, oldest first, each entry through the
 * disclosure policy — the same 404 as the case for whoever may not see it, a meeting's decisions only
 * for whoever may read its record, and never a word of the client's identity.
 */
describe('The case timeline', () => {
  const { t, make } = useTestApp({ minutesBetweenTests: 0.1 });
  type Staffed = Awaited<ReturnType<typeof make.staffedNetwork>>;

  const DECISIONS = 'Wijkverpleging gaat op huisbezoek; de woningcorporatie kijkt naar de brandveiligheid.';
  const ACCEPT_REASON = 'Meerdere leefgebieden en de buren maken zich zorgen: past bij dit netwerk.';
  const MONITOR_REASON = 'Huisbezoek gedaan, thuiszorg komt weer; we volgen het nog drie maanden.';
  /** Everything of the client that must never appear in a timeline: the canary's markers, given name and initials. */
  const IDENTITY = [...CANARY_MARKERS, CANARY.givenName, 'Canariusveld', 'G. van C', 'G.v.C', '3813KZ', '3813 KZ'];

  let s: Staffed;
  let caseId: string;
  let meetingId: string;
  let guest: Agent;
  let stranger: Agent;

  const timeline = async (agent: Agent, id = caseId): Promise<CaseTimelineView> =>
    (await agent.get(`/api/cases/${id}/timeline`).expect(200)).body;
  const ofKind = <K extends CaseTimelineEntry['kind']>(view: CaseTimelineView, kind: K) =>
    view.entries.filter((e): e is Extract<CaseTimelineEntry, { kind: K }> => e.kind === kind);
  const meetingEntry = async (agent: Agent) => ofKind(await timeline(agent), 'MEETING').find((e) => e.meeting.id === meetingId)!;

  beforeAll(async () => {
    s = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });
    const c = s.coordinator.agent;
    caseId = (await s.core.agent.post(`/api/networks/${s.network.id}/cases`).send(caseBody()).expect(201)).body.id;
    t.clock.advanceMinutes(2);
    await c.patch(`/api/cases/${caseId}`).send({ status: 'ACCEPTED', reason: ACCEPT_REASON }).expect(200);
    t.clock.advanceMinutes(2);

    meetingId = (
      await c
        .post(`/api/networks/${s.network.id}/meetings`)
        .send({ startsAt: new Date(t.clock.now().getTime() + 5 * 60_000).toISOString(), durationMinutes: 90 })
        .expect(201)
    ).body.id;
    const agenda = (await c.post(`/api/meetings/${meetingId}/agenda/assemble`).expect(200)).body.agenda;
    const item = agenda.find((i: { case: { id: string } | null }) => i.case?.id === caseId);
    const guestOrganisation = await make.organisation('FORMAL', 'Schuldhulp Eemland');
    const guestUser = await make.user(guestOrganisation.id, 'Gast Schuldhulp');
    await c
      .post(`/api/meetings/${meetingId}/guests`)
      .send({ userId: guestUser.id, itemIds: [item.id] })
      .expect(201);
    guest = await t.login(guestUser.email);
    await c
      .put(`/api/meetings/${meetingId}/attendance`)
      .send({
        attendance: [
          { organisationId: s.coordinator.organisation.id, status: 'PRESENT', userIds: [s.coordinator.user.id] },
          { organisationId: s.core.organisation.id, status: 'PRESENT', userIds: [s.core.user.id] },
          { organisationId: s.shell.organisation.id, status: 'ABSENT', userIds: [] },
        ],
      })
      .expect(200);
    t.clock.advanceMinutes(6);
    await c.post(`/api/meetings/${meetingId}/start`).expect(200);
    await c.patch(`/api/meetings/${meetingId}/agenda/${item.id}`).send({ decisions: DECISIONS, version: item.version }).expect(200);
    await c
      .post(`/api/meetings/${meetingId}/agenda/${item.id}/actions`)
      .send({
        description: 'Huisbezoek afleggen met de wijkverpleging',
        ownerOrganisationId: s.shell.organisation.id,
        dueDate: '2026-12-01',
      })
      .expect(201);
    await c.post(`/api/meetings/${meetingId}/close`).expect(200);
    await c.post(`/api/meetings/${meetingId}/minutes/send`).expect(200);
    t.clock.advanceMinutes(2);
    await c.patch(`/api/cases/${caseId}`).send({ status: 'MONITORING', reason: MONITOR_REASON }).expect(200);

    const other = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });
    stranger = other.coordinator.agent;
  });

  it('tells the coordinator the whole history, oldest first: intake, status changes with reasons and who, the meeting, its action', async () => {
    const view = await timeline(s.coordinator.agent);
    expect(view.caseId).toBe(caseId);
    expect(view.entries.map((e) => e.kind)).toEqual(['INTAKE', 'STATUS', 'MEETING', 'ACTION', 'STATUS']);
    const ats = view.entries.map((e) => e.at);
    expect([...ats].sort()).toEqual(ats);
    expect(view.entries[0]).toEqual({
      kind: 'INTAKE',
      at: expect.any(String),
      organisation: { id: s.core.organisation.id, name: s.core.organisation.name },
    });
    expect(ofKind(view, 'STATUS')).toEqual([
      { kind: 'STATUS', at: expect.any(String), from: 'SUBMITTED', to: 'ACCEPTED', reason: ACCEPT_REASON, by: s.coordinator.user.name },
      { kind: 'STATUS', at: expect.any(String), from: 'ACCEPTED', to: 'MONITORING', reason: MONITOR_REASON, by: s.coordinator.user.name },
    ]);
    expect(ofKind(view, 'MEETING')).toEqual([
      {
        kind: 'MEETING',
        at: expect.any(String),
        meeting: { id: meetingId, startsAt: expect.any(String), status: 'CLOSED' },
        decisions: DECISIONS,
      },
    ]);
    const [action] = ofKind(view, 'ACTION');
    expect(action.action).toMatchObject({
      description: 'Huisbezoek afleggen met de wijkverpleging',
      case: { id: caseId, label: expect.stringMatching(/^Casus \d{4}-\d{3}/) },
      owner: { organisation: { id: s.shell.organisation.id, name: s.shell.organisation.name } },
      status: 'OPEN',
      history: [expect.objectContaining({ status: 'OPEN', by: s.coordinator.user.name })],
    });
  });

  it('shows the decisions to an organisation present when the minutes were sent, not to one absent, until they are approved', async () => {
    expect((await meetingEntry(s.core.agent)).decisions).toBe(DECISIONS);
    expect((await meetingEntry(s.shell.agent)).decisions).toBeNull();
    expect((await meetingEntry(s.volunteer.agent)).decisions).toBeNull();
    // The rest of the entry is there for them: they may know the case was discussed, and what its actions are.
    const shell = await timeline(s.shell.agent);
    expect(shell.entries.map((e) => e.kind)).toEqual(['INTAKE', 'STATUS', 'MEETING', 'ACTION', 'STATUS']);
    expect(JSON.stringify(shell)).not.toContain(DECISIONS);

    await s.coordinator.agent
      .post(`/api/meetings/${meetingId}/minutes/approve`)
      .send({ reason: 'Vastgesteld per e-mail, geen reacties ontvangen.' })
      .expect(200);
    expect((await meetingEntry(s.shell.agent)).decisions).toBe(DECISIONS);
    expect((await meetingEntry(s.volunteer.agent)).decisions).toBe(DECISIONS);
  });

  it('holds no identity of the client for any viewer: the pseudonym-level volunteer, the partners, the coordinator', async () => {
    for (const agent of [s.volunteer.agent, s.shell.agent, s.core.agent, s.coordinator.agent]) {
      const text = JSON.stringify(await timeline(agent));
      for (const marker of IDENTITY) expect(text).not.toContain(marker);
    }
    // The case itself does show the identity to the coordinator: the search above would have found a leak.
    expect(JSON.stringify((await s.coordinator.agent.get(`/api/cases/${caseId}`).expect(200)).body)).toContain('Canariusveld');
  });

  it('gives whoever may not see the case the same 404 as the case itself: a guest, another network, the administrator', async () => {
    const admin = await t.admin();
    for (const agent of [guest, stranger, admin]) {
      const asCase = await agent.get(`/api/cases/${caseId}`);
      const asTimeline = await agent.get(`/api/cases/${caseId}/timeline`);
      expect(asTimeline.status).toBe(404);
      expect([asTimeline.status, asTimeline.body.message]).toEqual([asCase.status, asCase.body.message]);
    }
    // A case that does not exist answers alike.
    const missing = await s.coordinator.agent.get('/api/cases/00000000-0000-4000-8000-000000000000/timeline').expect(404);
    expect(missing.body.message).toBe((await stranger.get(`/api/cases/${caseId}`)).body.message);
  });

  it('gives a member the case hides from (a shell partner in an OGGZ network) the same 404 as the case', async () => {
    const oggz = await make.staffedNetwork('OGGZ', { accepted: true }); // SHELL_PARTNER: DOSSIER HIDDEN
    const hidden = (await oggz.core.agent.post(`/api/networks/${oggz.network.id}/cases`).send(caseBody()).expect(201)).body.id;
    const asCase = await oggz.shell.agent.get(`/api/cases/${hidden}`).expect(404);
    const asTimeline = await oggz.shell.agent.get(`/api/cases/${hidden}/timeline`).expect(404);
    expect(asTimeline.body.message).toBe(asCase.body.message);
    await oggz.core.agent.get(`/api/cases/${hidden}/timeline`).expect(200);
  });

  it('starts with the question a case came from', async () => {
    const question = (
      await s.volunteer.agent
        .post(`/api/networks/${s.network.id}/questions`)
        .send({
          title: 'Vraag over een buurvrouw',
          situation: 'Een vrouw van rond de 80 laat haar post liggen en de gordijnen blijven dicht.',
          question: 'Moeten we iets doen?',
          neighbourhood: 'Soesterkwartier',
          problemAreas: ['SOCIAL_NETWORK'],
        })
        .expect(201)
    ).body;
    t.clock.advanceMinutes(2);
    const converted = (
      await s.volunteer.agent
        .post(`/api/questions/${question.id}/convert`)
        .send({ client: CANARY, consent: 'GIVEN', urgency: 'MEDIUM' })
        .expect(201)
    ).body;
    const view = await timeline(s.coordinator.agent, converted.id);
    expect(view.entries.map((e) => e.kind)).toEqual(['FROM_QUESTION', 'INTAKE']);
    expect(view.entries[0]).toEqual({
      kind: 'FROM_QUESTION',
      at: question.createdAt,
      question: { id: question.id, title: 'Vraag over een buurvrouw' },
    });
    expect(ofKind(view, 'INTAKE')[0].organisation.id).toBe(s.volunteer.organisation.id);
  });
});
