import { CANARY, caseBody } from './support/factories';
import { TestApp, type Agent } from './support/test-app';
import { useTestApp } from './support/use-test-app';
import { dutchDate } from '../src/common/amsterdam-time';

const inDays = (t: TestApp, days: number) => new Date(t.clock.now().getTime() + days * 86_400_000).toISOString();
/** A date (YYYY-MM-DD) this many days from the test clock's Dutch today. */
const dayFromNow = (t: TestApp, days: number) => dutchDate(new Date(t.clock.now().getTime() + days * 86_400_000));

type Item = { id: string; kind: string; version: number; case: { id: string } | null; question: { id: string } | null };

describe('Cancelling a meeting (issue #12)', () => {
  const { t, make } = useTestApp({ minutesBetweenTests: 0.1 });

  async function accepted(agent: Agent, coordinator: Agent, networkId: string) {
    const c = (await agent.post(`/api/networks/${networkId}/cases`).send(caseBody()).expect(201)).body;
    await coordinator.patch(`/api/cases/${c.id}`).send({ status: 'ACCEPTED' }).expect(200);
    return c as { id: string };
  }

  it('cancels a planned meeting with a reason, refuses every change to it after, and returns its questions and cases to the pool', async () => {
    const s = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });
    const c = s.coordinator.agent;
    const theCase = await accepted(s.core.agent, c, s.network.id);
    const question = (
      await s.volunteer.agent
        .post(`/api/networks/${s.network.id}/questions`)
        .send({
          title: 'Zorgen om een buurvrouw',
          situation: 'Een oudere vrouw komt de deur niet meer uit.',
          question: 'Wie kan hier op af?',
          problemAreas: ['SOCIAL_NETWORK'],
        })
        .expect(201)
    ).body;
    const m = (
      await c
        .post(`/api/networks/${s.network.id}/meetings`)
        .send({ startsAt: inDays(t, 1), durationMinutes: 90 })
        .expect(201)
    ).body;
    const agenda = (await c.post(`/api/meetings/${m.id}/agenda/assemble`).expect(200)).body.agenda as Item[];
    expect(agenda.map((i) => i.kind)).toEqual(['NEW_CASE', 'QUESTION', 'THEME', 'ROUND']);
    expect((await s.volunteer.agent.get(`/api/questions/${question.id}`).expect(200)).body.status).toBe('SCHEDULED');

    // Only the coordinator cancels, with a reason that names no client.
    const partner = await s.core.agent.post(`/api/meetings/${m.id}/cancel`).send({ reason: 'Te weinig aanmeldingen.' }).expect(403);
    expect(partner.body.message).toMatch(/coördinator/);
    const empty = await c.post(`/api/meetings/${m.id}/cancel`).send({ reason: '' }).expect(400);
    expect(empty.body.fields.reason).toBeDefined();
    const named = await c
      .post(`/api/meetings/${m.id}/cancel`)
      .send({ reason: `Mevrouw ${CANARY.surname} is opgenomen.` })
      .expect(422);
    expect(named.text).not.toContain('Canariusveld');

    const cancelled = (await c.post(`/api/meetings/${m.id}/cancel`).send({ reason: '  De voorzitter is ziek.  ' }).expect(200)).body;
    expect(cancelled).toMatchObject({ id: m.id, status: 'CANCELLED', cancelledReason: 'De voorzitter is ziek.' });
    expect((await s.shell.agent.get(`/api/meetings/${m.id}`).expect(200)).body).toMatchObject({
      status: 'CANCELLED',
      cancelledReason: 'De voorzitter is ziek.',
    });
    const listed = (await s.volunteer.agent.get(`/api/networks/${s.network.id}/meetings`).expect(200)).body as {
      id: string;
      cancelledReason: string | null;
    }[];
    expect(listed.find((x) => x.id === m.id)?.cancelledReason).toBe('De voorzitter is ziek.');

    // Not twice, and nothing else happens to it.
    expect((await c.post(`/api/meetings/${m.id}/cancel`).send({ reason: 'Nogmaals.' }).expect(409)).body.message).toBe(
      'Dit overleg is al geannuleerd.',
    );
    expect((await c.post(`/api/meetings/${m.id}/start`).expect(409)).body.message).toMatch(/geannuleerd/);
    const refusals = [
      await c.post(`/api/meetings/${m.id}/agenda/assemble`),
      await c.post(`/api/meetings/${m.id}/agenda`).send({ kind: 'OTHER', title: 'Nog iets' }),
      await c.patch(`/api/meetings/${m.id}/agenda/${agenda[2].id}`).send({ notes: 'Toch nog iets.', version: agenda[2].version }),
      await c.delete(`/api/meetings/${m.id}/agenda/${agenda[2].id}`),
      await c
        .put(`/api/meetings/${m.id}/attendance`)
        .send({ attendance: [{ organisationId: s.core.organisation.id, status: 'PRESENT', userIds: [s.core.user.id] }] }),
      await c
        .post(`/api/meetings/${m.id}/agenda/${agenda[0].id}/actions`)
        .send({ description: 'Huisbezoek afleggen', ownerOrganisationId: s.core.organisation.id, dueDate: dayFromNow(t, 7) }),
    ];
    expect(refusals.map((r) => [r.status, r.body.message])).toEqual(
      refusals.map(() => [409, 'Dit overleg is geannuleerd; er kan niets meer aan worden gewijzigd.']),
    );

    // The question is back in the pool, and the next meeting takes up both the question and the case (as new: never discussed).
    expect((await s.volunteer.agent.get(`/api/questions/${question.id}`).expect(200)).body.status).toBe('SUBMITTED');
    const next = (
      await c
        .post(`/api/networks/${s.network.id}/meetings`)
        .send({ startsAt: inDays(t, 8), durationMinutes: 90 })
        .expect(201)
    ).body;
    const nextAgenda = (await c.post(`/api/meetings/${next.id}/agenda/assemble`).expect(200)).body.agenda as Item[];
    expect(nextAgenda.map((i) => [i.kind, i.case?.id ?? i.question?.id ?? null])).toEqual([
      ['NEW_CASE', theCase.id],
      ['QUESTION', question.id],
      ['THEME', null],
      ['ROUND', null],
    ]);

    // The members' calendar feed says it is cancelled (same UID, so their calendars drop it); the next meeting is there.
    const { url: feed } = (await s.shell.agent.post('/api/calendar/token').expect(201)).body;
    const ics = (await t.anonymous().get(feed).expect(200)).text.replace(/\r\n /g, '');
    expect(ics).toContain(`meeting-${next.id}@`);
    const cancelledEvent = ics.split('BEGIN:VEVENT').find((e) => e.includes(`UID:meeting-${m.id}@`));
    expect(cancelledEvent).toContain('STATUS:CANCELLED');
  });

  it('keeps a question scheduled that another open meeting has on its agenda', async () => {
    const s = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });
    const c = s.coordinator.agent;
    const question = (
      await s.volunteer.agent
        .post(`/api/networks/${s.network.id}/questions`)
        .send({
          title: 'Zorgen om een buurman',
          situation: 'Een oudere man laat de post liggen.',
          question: 'Wie kan hier op af?',
          problemAreas: ['SOCIAL_NETWORK'],
        })
        .expect(201)
    ).body;
    const [a, b] = (
      await c
        .post(`/api/networks/${s.network.id}/meetings`)
        .send({ startsAt: inDays(t, 1), durationMinutes: 60, repeat: { everyWeeks: 2, count: 2 } })
        .expect(201)
    ).body as { id: string }[];
    await c.post(`/api/meetings/${a.id}/agenda/assemble`).expect(200);
    await c.post(`/api/meetings/${b.id}/agenda/assemble`).expect(200);
    await c.post(`/api/meetings/${a.id}/cancel`).send({ reason: 'Vervalt wegens de feestdagen.' }).expect(200);
    expect((await s.volunteer.agent.get(`/api/questions/${question.id}`).expect(200)).body.status).toBe('SCHEDULED');
  });

  it('cancels only a planned meeting: not one that has begun or is closed', async () => {
    const s = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });
    const c = s.coordinator.agent;
    const m = (
      await c
        .post(`/api/networks/${s.network.id}/meetings`)
        .send({ startsAt: inDays(t, 1), durationMinutes: 60 })
        .expect(201)
    ).body;
    await c.post(`/api/meetings/${m.id}/start`).expect(200);
    expect((await c.post(`/api/meetings/${m.id}/cancel`).send({ reason: 'Toch niet.' }).expect(409)).body.message).toMatch(
      /al begonnen.*Sluit het overleg af/,
    );
    await c.post(`/api/meetings/${m.id}/close`).expect(200);
    expect((await c.post(`/api/meetings/${m.id}/cancel`).send({ reason: 'Toch niet.' }).expect(409)).body.message).toMatch(/gesloten/);
    expect((await c.get(`/api/meetings/${m.id}`).expect(200)).body).toMatchObject({ status: 'CLOSED', cancelledReason: null });
  });
});

describe('Correcting actions (issue #12)', () => {
  const { t, make } = useTestApp({ minutesBetweenTests: 0.1 });

  async function world() {
    const s = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });
    const c = s.coordinator.agent;
    const theCase = (await s.core.agent.post(`/api/networks/${s.network.id}/cases`).send(caseBody()).expect(201)).body;
    await c.patch(`/api/cases/${theCase.id}`).send({ status: 'ACCEPTED' }).expect(200);
    const m = (
      await c
        .post(`/api/networks/${s.network.id}/meetings`)
        .send({ startsAt: inDays(t, 1), durationMinutes: 60 })
        .expect(201)
    ).body;
    const item = ((await c.post(`/api/meetings/${m.id}/agenda/assemble`).expect(200)).body.agenda as Item[])[0];
    const url = `/api/meetings/${m.id}/agenda/${item.id}/actions`;
    return { s, c, url };
  }

  /** An action on the world's agenda item: "Huisarts bellen", for the given organisation, due in 14 days. */
  async function newAction(c: Awaited<ReturnType<typeof world>>['c'], url: string, ownerOrganisationId: string) {
    return (
      await c
        .post(url)
        .send({ description: 'Huisarts bellen', ownerOrganisationId, dueDate: dayFromNow(t, 14) })
        .expect(201)
    ).body;
  }

  it('refuses a due date before today (Amsterdam) on create, and accepts today', async () => {
    const { s, c, url } = await world();
    const yesterday = dayFromNow(t, -1);
    const past = await c
      .post(url)
      .send({ description: 'Huisarts bellen', ownerOrganisationId: s.shell.organisation.id, dueDate: yesterday })
      .expect(400);
    expect(past.body.fields.dueDate).toEqual(['De uiterste datum ligt in het verleden. Kies vandaag of een latere datum.']);
    expect(past.body.message).toMatch(/verleden/);
    await c
      .post(url)
      .send({ description: 'Huisarts bellen', ownerOrganisationId: s.shell.organisation.id, dueDate: dutchDate(t.clock.now()) })
      .expect(201);
  });

  it('lets the coordinator correct description, due date and owner, each correction its own entry in the history', async () => {
    const { s, c, url } = await world();
    const action = await newAction(c, url, s.shell.organisation.id);
    const newDue = dayFromNow(t, 21);
    const corrected = (
      await c
        .patch(`/api/actions/${action.id}`)
        .send({ description: 'Huisarts en wijkverpleging bellen', dueDate: newDue, ownerUserId: s.shell.user.id, version: 1 })
        .expect(200)
    ).body;
    expect(corrected).toMatchObject({
      description: 'Huisarts en wijkverpleging bellen',
      dueDate: newDue,
      status: 'OPEN',
      version: 2,
      owner: { organisation: { id: s.shell.organisation.id }, user: { id: s.shell.user.id, name: s.shell.user.name } },
    });
    expect(corrected.history.map((h: { kind: string }) => h.kind)).toEqual(['STATUS', 'CORRECTION']);
    expect(corrected.history[1]).toMatchObject({
      kind: 'CORRECTION',
      status: 'OPEN',
      by: s.coordinator.user.name,
      corrected: [
        { field: 'description', from: 'Huisarts bellen', to: 'Huisarts en wijkverpleging bellen' },
        { field: 'dueDate', from: action.dueDate, to: newDue },
        {
          field: 'owner',
          from: s.shell.organisation.name,
          to: `${s.shell.organisation.name} — ${s.shell.user.name}`,
        },
      ],
    });

    // Another organisation without a person: the person goes.
    const moved = (await c.patch(`/api/actions/${action.id}`).send({ ownerOrganisationId: s.core.organisation.id, version: 2 }).expect(200))
      .body;
    expect(moved.owner).toEqual({ organisation: { id: s.core.organisation.id, name: s.core.organisation.name }, user: null });
    expect(moved.history[2].corrected).toEqual([
      { field: 'owner', from: `${s.shell.organisation.name} — ${s.shell.user.name}`, to: s.core.organisation.name },
    ]);

    // A status change with a correction: two entries, the correction first.
    const both = (
      await c.patch(`/api/actions/${action.id}`).send({ status: 'IN_PROGRESS', description: 'Huisarts bellen', version: 3 }).expect(200)
    ).body;
    expect(both.history.map((h: { kind: string; status: string }) => `${h.kind} ${h.status}`)).toEqual([
      'STATUS OPEN',
      'CORRECTION OPEN',
      'CORRECTION OPEN',
      'CORRECTION OPEN',
      'STATUS IN_PROGRESS',
    ]);
    expect(both.version).toBe(4);

    // The exports still work and show the corrected action.
    const csv = await c.get(`/api/networks/${s.network.id}/actions.csv`).expect(200);
    expect(csv.text).toContain('Huisarts bellen');
    await c.get(`/api/networks/${s.network.id}/actions.pdf`).expect(200);
  });

  it('refuses a past due date, a stale version, a person outside the organisation or without a role, and a finished action', async () => {
    const { s, c, url } = await world();
    const action = await newAction(c, url, s.shell.organisation.id);
    const past = await c
      .patch(`/api/actions/${action.id}`)
      .send({ dueDate: dayFromNow(t, -3), version: 1 })
      .expect(400);
    expect(past.body.fields).toEqual({ dueDate: ['De uiterste datum ligt in het verleden. Kies vandaag of een latere datum.'] });

    const elsewhere = await c.patch(`/api/actions/${action.id}`).send({ ownerUserId: s.core.user.id, version: 1 }).expect(400);
    expect(elsewhere.body.fields.ownerUserId).toEqual(['De gekozen persoon werkt niet bij de gekozen organisatie.']);
    const colleague = await make.user(s.shell.organisation.id);
    const noRole = await c.patch(`/api/actions/${action.id}`).send({ ownerUserId: colleague.id, version: 1 }).expect(400);
    expect(noRole.body.fields.ownerUserId[0]).toMatch(/geen rol in dit netwerk/);
    // The same checks when the action is made.
    const created = await c
      .post(url)
      .send({
        description: 'Huisarts bellen',
        ownerOrganisationId: s.shell.organisation.id,
        ownerUserId: colleague.id,
        dueDate: dayFromNow(t, 3),
      })
      .expect(400);
    expect(created.body.fields.ownerUserId[0]).toMatch(/geen rol in dit netwerk/);
    const stranger = await make.organisation();
    const notMember = await c.patch(`/api/actions/${action.id}`).send({ ownerOrganisationId: stranger.id, version: 1 }).expect(400);
    expect(notMember.body.fields.ownerOrganisationId).toBeDefined();

    await c.patch(`/api/actions/${action.id}`).send({ description: 'Huisarts vandaag bellen', version: 1 }).expect(200);
    const stale = await c.patch(`/api/actions/${action.id}`).send({ description: 'Nog anders', version: 1 }).expect(409);
    expect(stale.body.message).toMatch(/intussen gewijzigd/);
    const unchanged = (await c.patch(`/api/actions/${action.id}`).send({ description: 'Huisarts vandaag bellen', version: 2 }).expect(200))
      .body;
    expect(unchanged.version).toBe(2);
    expect(unchanged.history).toHaveLength(2);
    await c.patch(`/api/actions/${action.id}`).send({ version: 2 }).expect(400);

    await c.patch(`/api/actions/${action.id}`).send({ status: 'DONE', version: 2 }).expect(200);
    const finished = await c.patch(`/api/actions/${action.id}`).send({ description: 'Alsnog anders', version: 3 }).expect(409);
    expect(finished.body.message).toMatch(/afgerond/);
  });

  it('keeps approved minutes as they were: their hash covers the actions as agreed, not as corrected later', async () => {
    const { s, c, url } = await world();
    const meetingId = url.split('/')[3];
    const action = await newAction(c, url, s.shell.organisation.id);
    await c.post(`/api/meetings/${meetingId}/start`).expect(200);
    await c.post(`/api/meetings/${meetingId}/close`).expect(200);
    await c.post(`/api/meetings/${meetingId}/minutes/send`).expect(200);
    const approved = (
      await c.post(`/api/meetings/${meetingId}/minutes/approve`).send({ reason: 'Vastgesteld per e-mail door alle leden.' }).expect(200)
    ).body;
    await c
      .patch(`/api/actions/${action.id}`)
      .send({
        description: 'Huisarts en apotheek bellen',
        dueDate: dayFromNow(t, 30),
        ownerOrganisationId: s.core.organisation.id,
        version: 1,
      })
      .expect(200);
    await c.patch(`/api/actions/${action.id}`).send({ ownerUserId: s.core.user.id, version: 2 }).expect(200);
    const minutes = (await c.get(`/api/meetings/${meetingId}/minutes`).expect(200)).body;
    expect(minutes.sha256).toBe(approved.sha256);
  });

  it('lets the owning partner change the status but not correct', async () => {
    const { s, c, url } = await world();
    const action = await newAction(c, url, s.shell.organisation.id);
    for (const correction of [{ description: 'Iets anders doen' }, { dueDate: dayFromNow(t, 30) }, { ownerUserId: s.shell.user.id }]) {
      const refused = await s.shell.agent
        .patch(`/api/actions/${action.id}`)
        .send({ ...correction, version: 1 })
        .expect(403);
      expect(refused.body.message).toMatch(/Alleen de coördinator corrigeert/);
    }
    await s.shell.agent
      .patch(`/api/actions/${action.id}`)
      .send({ status: 'IN_PROGRESS', description: 'Iets anders', version: 1 })
      .expect(403);
    const updated = (await s.shell.agent.patch(`/api/actions/${action.id}`).send({ status: 'IN_PROGRESS', version: 1 }).expect(200)).body;
    expect(updated).toMatchObject({ status: 'IN_PROGRESS', description: 'Huisarts bellen', version: 2 });
    await s.core.agent.patch(`/api/actions/${action.id}`).send({ status: 'DONE', version: 2 }).expect(403);
  });
});
