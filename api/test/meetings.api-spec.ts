import nodeIcal from 'node-ical';
import { DataSource } from 'typeorm';
import { dutchDate } from '../src/common/amsterdam-time';
import { CANARY, CANARY_MARKERS, caseBody } from './support/factories';
import { TestApp, type Agent } from './support/test-app';
import { useTestApp } from './support/use-test-app';

const tomorrow = (t: TestApp) => new Date(t.clock.now().getTime() + 86_400_000).toISOString();

describe('Meetings and actions', () => {
  const { t, make } = useTestApp({ minutesBetweenTests: 0.1 });

  async function accepted(agent: Agent, coordinator: Agent, networkId: string, overrides = {}) {
    const c = (await agent.post(`/api/networks/${networkId}/cases`).send(caseBody(overrides)).expect(201)).body;
    await coordinator.patch(`/api/cases/${c.id}`).send({ status: 'ACCEPTED' }).expect(200);
    return c;
  }

  it('plans a single meeting or a series, only by the coordinator', async () => {
    const s = await make.staffedNetwork();
    const one = (
      await s.coordinator.agent
        .post(`/api/networks/${s.network.id}/meetings`)
        .send({ startsAt: tomorrow(t), durationMinutes: 90, location: 'Buurthuis De Kei' })
        .expect(201)
    ).body;
    expect(one).toMatchObject({ status: 'PLANNED', durationMinutes: 90, location: 'Buurthuis De Kei' });
    const series = (
      await s.coordinator.agent
        .post(`/api/networks/${s.network.id}/meetings`)
        .send({ startsAt: tomorrow(t), durationMinutes: 60, repeat: { everyWeeks: 4, count: 3 } })
        .expect(201)
    ).body;
    expect(series).toHaveLength(3);
    expect(new Date(series[2].startsAt).getTime() - new Date(series[0].startsAt).getTime()).toBe(8 * 7 * 86_400_000);
    await s.core.agent
      .post(`/api/networks/${s.network.id}/meetings`)
      .send({ startsAt: tomorrow(t), durationMinutes: 60 })
      .expect(403);
    expect((await s.volunteer.agent.get(`/api/networks/${s.network.id}/meetings`).expect(200)).body).toHaveLength(4);
    await (await t.admin()).get(`/api/networks/${s.network.id}/meetings`).expect(404);
  });

  it('assembles exactly: minutes approval, new cases, running cases with open actions, open questions, theme, round', async () => {
    const s = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });
    const c = s.coordinator.agent;
    const running = await accepted(s.core.agent, c, s.network.id);
    const quiet = await accepted(s.core.agent, c, s.network.id);
    const first = (
      await c
        .post(`/api/networks/${s.network.id}/meetings`)
        .send({ startsAt: tomorrow(t), durationMinutes: 90 })
        .expect(201)
    ).body;
    let m = (await c.post(`/api/meetings/${first.id}/agenda/assemble`).expect(200)).body;
    expect(m.agenda.map((i: { kind: string }) => i.kind)).toEqual(['NEW_CASE', 'NEW_CASE', 'THEME', 'ROUND']);
    const runningItem = m.agenda.find((i: { case: { id: string } | null }) => i.case?.id === running.id);
    await c
      .post(`/api/meetings/${first.id}/agenda/${runningItem.id}/actions`)
      .send({
        description: 'Huisbezoek afleggen met de wijkverpleging',
        ownerOrganisationId: s.shell.organisation.id,
        dueDate: '2026-11-20',
      })
      .expect(201);
    await c.post(`/api/meetings/${first.id}/start`).expect(200);
    await c.post(`/api/meetings/${first.id}/close`).expect(200);

    const fresh = await accepted(s.core.agent, c, s.network.id);
    const declined = (await s.core.agent.post(`/api/networks/${s.network.id}/cases`).send(caseBody()).expect(201)).body;
    await c.patch(`/api/cases/${declined.id}`).send({ status: 'DECLINED', reason: 'Geen casus voor dit netwerk.' }).expect(200);
    const question = (
      await s.volunteer.agent
        .post(`/api/networks/${s.network.id}/questions`)
        .send({
          title: 'Vraag over een buurman',
          situation: 'Een man van rond de 70 komt al weken niet buiten en reageert niet op aanbellen.',
          question: 'Wat kunnen wij doen?',
          problemAreas: ['SOCIAL_NETWORK'],
        })
        .expect(201)
    ).body;

    const second = (
      await c
        .post(`/api/networks/${s.network.id}/meetings`)
        .send({ startsAt: new Date(t.clock.now().getTime() + 29 * 86_400_000).toISOString(), durationMinutes: 90 })
        .expect(201)
    ).body;
    m = (await c.post(`/api/meetings/${second.id}/agenda/assemble`).expect(200)).body;
    expect(
      m.agenda.map((i: { kind: string; case: { id: string } | null; question: { id: string } | null }) => [
        i.kind,
        i.case?.id ?? i.question?.id ?? null,
      ]),
    ).toEqual([
      ['MINUTES_APPROVAL', null],
      ['NEW_CASE', fresh.id],
      ['RUNNING_CASE', running.id],
      ['QUESTION', question.id],
      ['THEME', null],
      ['ROUND', null],
    ]);
    expect(m.agenda.some((i: { case: { id: string } | null }) => i.case?.id === quiet.id || i.case?.id === declined.id)).toBe(false);
    expect((await s.volunteer.agent.get(`/api/questions/${question.id}`).expect(200)).body.status).toBe('SCHEDULED');
    // Assembling again adds nothing twice.
    expect((await c.post(`/api/meetings/${second.id}/agenda/assemble`).expect(200)).body.agenda).toHaveLength(6);
  });

  it('moves through PLANNED → IN_PROGRESS → CLOSED, reopens, and refuses other steps and other people', async () => {
    const s = await make.staffedNetwork();
    const m = (
      await s.coordinator.agent
        .post(`/api/networks/${s.network.id}/meetings`)
        .send({ startsAt: tomorrow(t), durationMinutes: 60 })
        .expect(201)
    ).body;
    await s.coordinator.agent.post(`/api/meetings/${m.id}/close`).expect(409);
    await s.core.agent.post(`/api/meetings/${m.id}/start`).expect(403);
    expect((await s.coordinator.agent.post(`/api/meetings/${m.id}/start`).expect(200)).body.status).toBe('IN_PROGRESS');
    expect((await s.coordinator.agent.post(`/api/meetings/${m.id}/close`).expect(200)).body.status).toBe('CLOSED');
    expect((await s.coordinator.agent.post(`/api/meetings/${m.id}/reopen`).expect(200)).body.status).toBe('IN_PROGRESS');
  });

  it('shows case items at the MEETING level only to those present while the meeting runs', async () => {
    const s = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true }); // shell: MEETING INITIALS, DOSSIER PSEUDONYM
    const c = s.coordinator.agent;
    await accepted(s.core.agent, c, s.network.id);
    const m = (
      await c
        .post(`/api/networks/${s.network.id}/meetings`)
        .send({ startsAt: tomorrow(t), durationMinutes: 60 })
        .expect(201)
    ).body;
    await c.post(`/api/meetings/${m.id}/agenda/assemble`).expect(200);
    const levelFor = async (agent: Agent) => (await agent.get(`/api/meetings/${m.id}`).expect(200)).body.agenda[0].case.client.level;

    expect(await levelFor(s.shell.agent)).toBe('PSEUDONYM');
    await c
      .put(`/api/meetings/${m.id}/attendance`)
      .send({
        attendance: [
          { organisationId: s.shell.organisation.id, status: 'PRESENT', userIds: [s.shell.user.id] },
          { organisationId: s.volunteer.organisation.id, status: 'EXCUSED', userIds: [] },
        ],
      })
      .expect(200);
    expect(await levelFor(s.shell.agent)).toBe('PSEUDONYM'); // not started yet
    await c.post(`/api/meetings/${m.id}/start`).expect(200);
    expect(await levelFor(s.shell.agent)).toBe('INITIALS');
    expect(await levelFor(s.volunteer.agent)).toBe('PSEUDONYM'); // not present
    expect((await s.shell.agent.get(`/api/meetings/${m.id}`).expect(200)).body.meetingLevel).toBe(true);
    await c.post(`/api/meetings/${m.id}/close`).expect(200);
    expect(await levelFor(s.shell.agent)).toBe('PSEUDONYM');
    const shellView = await s.shell.agent.get(`/api/meetings/${m.id}`).expect(200);
    for (const marker of CANARY_MARKERS) expect(shellView.text).not.toContain(marker);
  });

  it('leaves a case out of the agenda for whoever may not see it', async () => {
    const s = await make.staffedNetwork('OGGZ', { accepted: true }); // volunteer: DOSSIER HIDDEN
    await accepted(s.core.agent, s.coordinator.agent, s.network.id);
    const m = (
      await s.coordinator.agent
        .post(`/api/networks/${s.network.id}/meetings`)
        .send({ startsAt: tomorrow(t), durationMinutes: 60 })
        .expect(201)
    ).body;
    await s.coordinator.agent.post(`/api/meetings/${m.id}/agenda/assemble`).expect(200);
    const agenda = (await s.volunteer.agent.get(`/api/meetings/${m.id}`).expect(200)).body.agenda;
    expect(agenda.map((i: { kind: string; position: number }) => [i.kind, i.position])).toEqual([
      ['THEME', 0],
      ['ROUND', 1],
    ]);
  });

  it('requires one owning organisation per action, a reason for NOT_DONE, and refuses stale versions', async () => {
    const s = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });
    const c = s.coordinator.agent;
    await accepted(s.core.agent, c, s.network.id);
    const m = (
      await c
        .post(`/api/networks/${s.network.id}/meetings`)
        .send({ startsAt: tomorrow(t), durationMinutes: 60 })
        .expect(201)
    ).body;
    const item = (await c.post(`/api/meetings/${m.id}/agenda/assemble`).expect(200)).body.agenda[0];
    const noOwner = await c
      .post(`/api/meetings/${m.id}/agenda/${item.id}/actions`)
      .send({ description: 'Iemand belt de huisarts', dueDate: '2026-12-01' })
      .expect(400);
    expect(noOwner.body.message).toMatch(/Elke actie heeft één organisatie/);
    const outsider = await make.organisation();
    await c
      .post(`/api/meetings/${m.id}/agenda/${item.id}/actions`)
      .send({ description: 'Huisarts bellen', ownerOrganisationId: outsider.id, dueDate: '2026-12-01' })
      .expect(409);
    const named = await c
      .post(`/api/meetings/${m.id}/agenda/${item.id}/actions`)
      .send({ description: `Mevrouw ${CANARY.surname} bellen`, ownerOrganisationId: s.shell.organisation.id, dueDate: '2026-12-01' })
      .expect(422);
    expect(named.text).not.toContain('Canariusveld');
    const action = (
      await c
        .post(`/api/meetings/${m.id}/agenda/${item.id}/actions`)
        .send({ description: 'Huisarts bellen over de medicatie', ownerOrganisationId: s.shell.organisation.id, dueDate: '2026-12-01' })
        .expect(201)
    ).body;
    expect(action).toMatchObject({ status: 'OPEN', version: 1, owner: { organisation: { id: s.shell.organisation.id } } });
    expect(action.case.label).toMatch(/^Casus \d{4}-\d{3} · /);

    await s.volunteer.agent.patch(`/api/actions/${action.id}`).send({ status: 'DONE', version: 1 }).expect(403);
    const refused = await s.shell.agent.patch(`/api/actions/${action.id}`).send({ status: 'NOT_DONE', version: 1 }).expect(400);
    expect(refused.body.message).toMatch(/reden/);
    await s.shell.agent.patch(`/api/actions/${action.id}`).send({ status: 'IN_PROGRESS', version: 1 }).expect(200);
    const stale = await s.shell.agent.patch(`/api/actions/${action.id}`).send({ status: 'DONE', version: 1 }).expect(409);
    expect(stale.body.message).toMatch(/intussen gewijzigd/);
    const done = (
      await s.shell.agent
        .patch(`/api/actions/${action.id}`)
        .send({ status: 'NOT_DONE', notDoneReason: 'CIRCUMSTANCES_CHANGED', note: 'Cliënt is verhuisd naar familie.', version: 2 })
        .expect(200)
    ).body;
    expect(done.history.map((h: { status: string }) => h.status)).toEqual(['OPEN', 'IN_PROGRESS', 'NOT_DONE']);

    const first = (
      await c
        .patch(`/api/meetings/${m.id}/agenda/${item.id}`)
        .send({ notes: 'Analyse: vereenzaming, schulden.', version: item.version })
        .expect(200)
    ).body;
    expect(first.agenda[0].version).toBe(item.version + 1);
    await c.patch(`/api/meetings/${m.id}/agenda/${item.id}`).send({ decisions: 'Huisbezoek.', version: item.version }).expect(409);
  });

  it("lists my organisation's actions across networks, overdue first, and lifts the holder to at least ADDRESS", async () => {
    const s = await make.staffedNetwork('OGGZ', { accepted: true }); // shell: DOSSIER HIDDEN
    const c = s.coordinator.agent;
    const theCase = await accepted(s.core.agent, c, s.network.id);
    await s.shell.agent.get(`/api/cases/${theCase.id}`).expect(404);
    const m = (
      await c
        .post(`/api/networks/${s.network.id}/meetings`)
        .send({ startsAt: tomorrow(t), durationMinutes: 60 })
        .expect(201)
    ).body;
    const item = (await c.post(`/api/meetings/${m.id}/agenda/assemble`).expect(200)).body.agenda[0];
    await c
      .post(`/api/meetings/${m.id}/agenda/${item.id}/actions`)
      .send({ description: 'Later contact opnemen', ownerOrganisationId: s.shell.organisation.id, dueDate: '2027-03-01' })
      .expect(201);
    // A due date in the past is refused; one that has passed since (here: moved back in the database) is overdue.
    const early = (
      await c
        .post(`/api/meetings/${m.id}/agenda/${item.id}/actions`)
        .send({ description: 'Eerst even bellen', ownerOrganisationId: s.shell.organisation.id, dueDate: dutchDate(t.clock.now()) })
        .expect(201)
    ).body;
    await t.app
      .get(DataSource)
      .createQueryBuilder()
      .update('actions')
      .set({ dueDate: '2026-10-01' })
      .where('id = :id', { id: early.id })
      .execute();
    const mine = (await s.shell.agent.get('/api/actions?scope=mine').expect(200)).body;
    expect(mine.map((a: { description: string; overdue: boolean }) => [a.description, a.overdue])).toEqual([
      ['Eerst even bellen', true],
      ['Later contact opnemen', false],
    ]);
    expect((await s.shell.agent.get('/api/actions?scope=mine&overdue=true').expect(200)).body).toHaveLength(1);
    // Holding an open action: the shell partner now sees the case, at least postcode and house number.
    const seen = (await s.shell.agent.get(`/api/cases/${theCase.id}`).expect(200)).body;
    expect(seen.client).toMatchObject({ level: 'ADDRESS', postcode: '3813 KZ', houseNumber: CANARY.houseNumber });
    expect(JSON.stringify(seen)).not.toContain(CANARY.surname);
  });

  it('serves a private calendar feed that parses and holds no client identity', async () => {
    const s = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });
    const c = s.coordinator.agent;
    await accepted(s.core.agent, c, s.network.id);
    const m = (
      await c
        .post(`/api/networks/${s.network.id}/meetings`)
        .send({ startsAt: tomorrow(t), durationMinutes: 90, location: 'Buurthuis' })
        .expect(201)
    ).body;
    const item = (await c.post(`/api/meetings/${m.id}/agenda/assemble`).expect(200)).body.agenda[0];
    await c
      .post(`/api/meetings/${m.id}/agenda/${item.id}/actions`)
      .send({ description: 'Huisbezoek plannen', ownerOrganisationId: s.shell.organisation.id, dueDate: '2026-12-15' })
      .expect(201);

    const { url } = (await s.shell.agent.post('/api/calendar/token').expect(201)).body;
    const feed = await t.anonymous().get(url).expect(200);
    expect(feed.headers['content-type']).toMatch(/text\/calendar/);
    const events = Object.values(nodeIcal.sync.parseICS(feed.text)).filter((e) => e.type === 'VEVENT') as { summary: string }[];
    expect(events.map((e) => e.summary)).toEqual(
      expect.arrayContaining([`Overleg ${s.network.name}`, expect.stringMatching(/^Actie .*: Casus \d{4}-\d{3} · /)]),
    );
    for (const marker of [...CANARY_MARKERS, 'Huisbezoek plannen']) expect(feed.text).not.toContain(marker);

    await s.shell.agent.post('/api/calendar/token').expect(201);
    await t.anonymous().get(url).expect(404);
  });

  it('shows a guest only their own items, at the guest level, after they accepted the statement', async () => {
    const s = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true }); // GUEST: MEETING INITIALS, DOSSIER HIDDEN
    const c = s.coordinator.agent;
    const first = await accepted(s.core.agent, c, s.network.id);
    await accepted(s.core.agent, c, s.network.id, { neighbourhood: 'Schothorst' });
    const m = (
      await c
        .post(`/api/networks/${s.network.id}/meetings`)
        .send({ startsAt: tomorrow(t), durationMinutes: 60 })
        .expect(201)
    ).body;
    const agenda = (await c.post(`/api/meetings/${m.id}/agenda/assemble`).expect(200)).body.agenda;
    const item = agenda.find((i: { case: { id: string } | null }) => i.case?.id === first.id);
    const debtHelp = await make.organisation('FORMAL', 'Schuldhulp Eemland');
    const guestUser = await make.user(debtHelp.id, 'Gast Schuldhulp');
    await s.core.agent
      .post(`/api/meetings/${m.id}/guests`)
      .send({ userId: guestUser.id, itemIds: [item.id] })
      .expect(403);
    await c
      .post(`/api/meetings/${m.id}/guests`)
      .send({ userId: s.shell.user.id, itemIds: [item.id] })
      .expect(409);
    await c
      .post(`/api/meetings/${m.id}/guests`)
      .send({ userId: guestUser.id, itemIds: [item.id] })
      .expect(201);
    const guest = await t.login(guestUser.email);
    expect((await guest.get('/api/auth/me').expect(200)).body.guestMeetings).toEqual([expect.objectContaining({ id: m.id })]);

    // Before the meeting: DOSSIER is HIDDEN for guests, so not even their own item shows.
    expect((await guest.get(`/api/meetings/${m.id}`).expect(200)).body.agenda).toEqual([]);
    await c.post(`/api/meetings/${m.id}/start`).expect(200);
    let view = (await guest.get(`/api/meetings/${m.id}`).expect(200)).body;
    expect(view.guest).toEqual({ confidentialityValid: false });
    expect(view.agenda.map((i: { id: string }) => i.id)).toEqual([item.id]);
    expect(view.agenda[0].case.client.level).toBe('PSEUDONYM'); // no acceptance yet
    await guest.post(`/api/networks/${s.network.id}/confidentiality/accept`).expect(404);
    await guest.post(`/api/meetings/${m.id}/confidentiality/accept`).expect(200);
    view = (await guest.get(`/api/meetings/${m.id}`).expect(200)).body;
    expect(view.agenda.map((i: { id: string }) => i.id)).toEqual([item.id]);
    expect(view.agenda[0].case.client).toMatchObject({ level: 'INITIALS', displayName: 'G. van C.' });
    await guest.get(`/api/cases/${first.id}`).expect(404);
    await c.post(`/api/meetings/${m.id}/close`).expect(200);
    expect((await guest.get(`/api/meetings/${m.id}`).expect(200)).body.agenda).toEqual([]);
    const other = (
      await c
        .post(`/api/networks/${s.network.id}/meetings`)
        .send({ startsAt: tomorrow(t), durationMinutes: 60 })
        .expect(201)
    ).body;
    await guest.get(`/api/meetings/${other.id}`).expect(404);
  });
});
