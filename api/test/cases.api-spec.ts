import { CANARY, caseBody } from './support/factories';
import { useTestApp } from './support/use-test-app';

describe('Cases', () => {
  const { t, make } = useTestApp({ minutesBetweenTests: 0.1 });

  it('numbers cases per network and year and gives each a pseudonym from the list', async () => {
    const s = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });
    const a = (await s.core.agent.post(`/api/networks/${s.network.id}/cases`).send(caseBody()).expect(201)).body;
    const b = (await s.shell.agent.post(`/api/networks/${s.network.id}/cases`).send(caseBody()).expect(201)).body;
    expect([a.number, b.number]).toEqual(['2026-001', '2026-002']);
    expect(a.pseudonym).not.toBe(b.pseudonym);
    expect(a.status).toBe('SUBMITTED');
    expect(a.client).toMatchObject({ level: 'FULL', surname: CANARY.surname, postcode: '3813 KZ' });
    expect(a.submittedBy).toMatchObject({ organisation: { id: s.core.organisation.id }, isYou: true });
  });

  it('refuses (422) a summary with a BSN or IBAN, or naming the client, without echoing it', async () => {
    const s = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });
    const bsn = await s.core.agent
      .post(`/api/networks/${s.network.id}/cases`)
      .send(caseBody({ summary: 'Bekend onder BSN 111222333 bij de gemeente.' }))
      .expect(422);
    expect(bsn.body.message).toMatch(/BSN/);
    expect(JSON.stringify(bsn.body)).not.toContain('111222333');
    const iban = await s.core.agent
      .post(`/api/networks/${s.network.id}/cases`)
      .send(caseBody({ summary: 'Huurachterstand, rekening NL91ABNA0417164300.' }))
      .expect(422);
    expect(iban.body.message).toMatch(/bankrekeningnummer/);
    const named = await s.core.agent
      .post(`/api/networks/${s.network.id}/cases`)
      .send(caseBody({ summary: 'Canariusveld woont alleen en laat niemand binnen.' }))
      .expect(422);
    expect(named.body.message).toMatch(/cliënt van dit netwerk \(de achternaam\)/);
    expect(named.body.findings).toEqual([{ kind: 'NAME', start: 0, end: 12, field: 'summary', client: true }]);
    expect(JSON.stringify(named.body)).not.toContain('Canariusveld');
    const field = await s.core.agent
      .post(`/api/networks/${s.network.id}/cases`)
      .send(caseBody({ client: { ...CANARY, bsn: '111222333' } }))
      .expect(400);
    expect(field.body.message).toMatch(/Onbekend veld "client.bsn"/);
  });

  it('allows the OGGZ override only in an OGGZ network and only with a written reason', async () => {
    const buurt = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });
    const res = await buurt.core.agent
      .post(`/api/networks/${buurt.network.id}/cases`)
      .send(caseBody({ consent: 'OVERRIDE_OGGZ', consentOverrideReason: 'Acuut brandgevaar door vervuiling, buren in gevaar.' }))
      .expect(400);
    expect(res.body.message).toMatch(/alleen in een OGGZ-netwerk/);
    const oggz = await make.staffedNetwork('OGGZ', { accepted: true });
    await oggz.core.agent
      .post(`/api/networks/${oggz.network.id}/cases`)
      .send(caseBody({ consent: 'OVERRIDE_OGGZ' }))
      .expect(400);
    const ok = await oggz.core.agent
      .post(`/api/networks/${oggz.network.id}/cases`)
      .send(caseBody({ consent: 'OVERRIDE_OGGZ', consentOverrideReason: 'Acuut brandgevaar door vervuiling, buren in gevaar.' }))
      .expect(201);
    expect(ok.body.consentOverrideReason).toMatch(/brandgevaar/);
  });

  it('lets only the coordinator change the status, along the allowed transitions, with a reason where needed', async () => {
    const s = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });
    const c = (await s.shell.agent.post(`/api/networks/${s.network.id}/cases`).send(caseBody()).expect(201)).body;
    expect((await s.coordinator.agent.get(`/api/cases/${c.id}`).expect(200)).body.allowedTransitions).toEqual([
      'ACCEPTED',
      'DECLINED',
      'REFERRED',
    ]);
    expect((await s.core.agent.patch(`/api/cases/${c.id}`).send({ status: 'ACCEPTED' }).expect(403)).body.message).toBe(
      'Alleen de coördinator besluit over de status van een casus.',
    );
    await s.coordinator.agent.patch(`/api/cases/${c.id}`).send({ status: 'DECLINED' }).expect(400);
    await s.coordinator.agent.patch(`/api/cases/${c.id}`).send({ status: 'ACCEPTED' }).expect(200);
    await s.coordinator.agent.patch(`/api/cases/${c.id}`).send({ status: 'SUBMITTED' }).expect(409);
    const closed = (
      await s.coordinator.agent.patch(`/api/cases/${c.id}`).send({ status: 'CLOSED', reason: 'Hulp loopt via het wijkteam.' }).expect(200)
    ).body;
    expect(closed.closedAt).not.toBeNull();
  });

  it('always shows the submitting organisation the status and the reason (feedback to the submitter)', async () => {
    const s = await make.staffedNetwork('OGGZ', { accepted: true });
    const colleague = await make.user(s.shell.organisation.id);
    await make.role(s.network.id, colleague.id, 'SHELL_PARTNER');
    const colleagueAgent = await t.login(colleague.email);
    const c = (await s.shell.agent.post(`/api/networks/${s.network.id}/cases`).send(caseBody()).expect(201)).body;
    await s.coordinator.agent
      .patch(`/api/cases/${c.id}`)
      .send({ status: 'REFERRED', reason: 'Past beter bij het buurtnetwerk.' })
      .expect(200);
    const seen = (await colleagueAgent.get(`/api/cases/${c.id}`).expect(200)).body;
    expect(seen).toMatchObject({ status: 'REFERRED', statusReason: 'Past beter bij het buurtnetwerk.', client: { level: 'PSEUDONYM' } });
    // Another shell partner of the OGGZ network does not learn that the case exists.
    const stranger = await make.organisation();
    await make.member(s.network.id, stranger.id, 'SHELL');
    const strangerUser = await make.user(stranger.id);
    await make.role(s.network.id, strangerUser.id, 'SHELL_PARTNER');
    await (await t.login(strangerUser.email)).get(`/api/cases/${c.id}`).expect(404);
  });

  it('filters the list and finds a surname only for viewers who may see full names', async () => {
    const s = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });
    await s.core.agent.post(`/api/networks/${s.network.id}/cases`).send(caseBody()).expect(201);
    await s.core.agent
      .post(`/api/networks/${s.network.id}/cases`)
      .send(caseBody({ client: { ...CANARY, surname: 'Jansen' }, urgency: 'LOW', problemAreas: ['FINANCES'], neighbourhood: 'Schothorst' }))
      .expect(201);
    const base = `/api/networks/${s.network.id}/cases`;
    expect((await s.coordinator.agent.get(`${base}?urgency=LOW`).expect(200)).body.total).toBe(1);
    expect((await s.coordinator.agent.get(`${base}?problemArea=HOUSING`).expect(200)).body.total).toBe(1);
    expect((await s.coordinator.agent.get(`${base}?neighbourhood=schothorst`).expect(200)).body.total).toBe(1);
    expect((await s.coordinator.agent.get(`${base}?status=ACCEPTED`).expect(200)).body.total).toBe(0);
    const found = (await s.coordinator.agent.get(`${base}?q=${encodeURIComponent('Van Canariusveld')}`).expect(200)).body;
    expect(found.items.map((c: { client: { surname: string } }) => c.client.surname)).toEqual([CANARY.surname]);
    // A shell partner sees both cases under their pseudonyms, but a surname search tells them nothing.
    expect((await s.shell.agent.get(base).expect(200)).body.total).toBe(2);
    expect((await s.shell.agent.get(`${base}?q=${encodeURIComponent('van Canariusveld')}`).expect(200)).body.total).toBe(0);
    await s.coordinator.agent.get(`${base}?urgency=SOMETIMES`).expect(400);
  });

  it('hides cases from administrators and non-members entirely', async () => {
    const s = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });
    const c = (await s.core.agent.post(`/api/networks/${s.network.id}/cases`).send(caseBody()).expect(201)).body;
    const admin = await t.admin();
    expect((await admin.get(`/api/cases/${c.id}`).expect(404)).body.message).toBe('Deze casus bestaat niet of je mag hem niet zien.');
    expect((await admin.get(`/api/networks/${s.network.id}/cases`).expect(200)).body).toMatchObject({ items: [], total: 0 });
    const other = await make.staffedNetwork();
    await other.coordinator.agent.get(`/api/cases/${c.id}`).expect(404);
    await other.coordinator.agent.get(`/api/networks/${s.network.id}/cases`).expect(404);
    await admin.post(`/api/networks/${s.network.id}/cases`).send(caseBody()).expect(403);
  });
});
