import { DataSource } from 'typeorm';
import { IdentityCipher } from '../src/privacy/identity-cipher';
import { CANARY, CANARY_MARKERS, caseBody, type Factories } from './support/factories';
import type { Agent } from './support/test-app';
import { useTestApp } from './support/use-test-app';

type Staffed = Awaited<ReturnType<Factories['staffedNetwork']>>;

const REASON = 'Het probleem ligt vooral bij escalerende overlast; past beter bij de bemoeizorg.';

/** Issue #14, part 2: a warm handover between networks. */
describe('Referrals between networks', () => {
  const { t, make } = useTestApp({ minutesBetweenTests: 0.1 });
  let from: Staffed;
  let to: Staffed;
  let stranger: Staffed;

  beforeAll(async () => {
    from = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });
    to = await make.staffedNetwork('OGGZ', { accepted: true });
    stranger = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });
  });

  async function newCase(
    network: Staffed,
    overrides: Record<string, unknown> = {},
  ): Promise<{ id: string; number: string; pseudonym: string }> {
    const created = (await network.core.agent.post(`/api/networks/${network.network.id}/cases`).send(caseBody(overrides)).expect(201)).body;
    return created;
  }
  const refer = (agent: Agent, caseId: string, toNetworkId = to.network.id, reason = REASON) =>
    agent.post(`/api/cases/${caseId}/referrals`).send({ toNetworkId, reason });
  /** Rows of a table for one case (or referral), with the driver's own parameters (SQLite and PostgreSQL). */
  const rows = (table: string, column: string, id: string, select = '*') =>
    t.app.get(DataSource).createQueryBuilder().select(select).from(table, 'x').where(`x."${column}" = :id`, { id }).getRawMany();
  const log = async (network: Staffed) =>
    (await network.coordinator.agent.get(`/api/networks/${network.network.id}/access-log`).expect(200)).body as {
      action: string;
      caseId: string | null;
      purpose: string | null;
      level: string | null;
      object: { type: string; id: string } | null;
    }[];

  it('shows the receiving coordinator pseudonym, problem areas, urgency and reason — no identity — before accepting', async () => {
    const source = await newCase(from);
    const made = await refer(from.coordinator.agent, source.id).expect(201);
    expect(made.body).toMatchObject({ direction: 'OUTGOING', status: 'PENDING', caseId: source.id, reason: REASON, identityMoves: true });

    const incoming = (await to.coordinator.agent.get(`/api/networks/${to.network.id}/referrals`).expect(200)).body;
    const item = incoming.find((r: { id: string }) => r.id === made.body.id);
    expect(item).toMatchObject({
      direction: 'INCOMING',
      status: 'PENDING',
      pseudonym: source.pseudonym,
      problemAreas: ['HOUSING', 'SELF_CARE'],
      urgency: 'HIGH',
      reason: REASON,
      caseId: null,
      canDecide: true,
      fromNetwork: { id: from.network.id },
    });
    const text = JSON.stringify(incoming);
    for (const marker of CANARY_MARKERS) expect({ marker, found: text.includes(marker) }).toEqual({ marker, found: false });
    expect(text).not.toContain(source.id);
    expect(text).not.toContain(source.number);
    // Anyone but the coordinator: the list is not theirs (403); outside the network it does not exist (404).
    await to.core.agent.get(`/api/networks/${to.network.id}/referrals`).expect(403);
    await stranger.coordinator.agent.get(`/api/networks/${to.network.id}/referrals`).expect(404);
  });

  it('with consent: moves the identity, re-encrypted for a new case with its own number and pseudonym, linked both ways', async () => {
    const source = await newCase(from);
    const referral = (await refer(from.coordinator.agent, source.id).expect(201)).body;
    const accepted = (await to.coordinator.agent.post(`/api/referrals/${referral.id}/accept`).expect(200)).body;
    expect(accepted).toMatchObject({ status: 'ACCEPTED', identityMoved: true, direction: 'INCOMING', canDecide: false });
    const newCaseId = accepted.newCaseId as string;
    expect(newCaseId).toBeTruthy();

    const taken = (await to.coordinator.agent.get(`/api/cases/${newCaseId}`).expect(200)).body;
    expect(taken).toMatchObject({ networkId: to.network.id, status: 'ACCEPTED', consent: 'GIVEN' });
    expect(taken.client).toMatchObject({ level: 'FULL', surname: CANARY.surname, dateOfBirth: CANARY.dateOfBirth });
    expect(taken.id).not.toBe(source.id);
    // Its own number and pseudonym in the receiving network.
    const numbers = (
      (await to.coordinator.agent.get(`/api/networks/${to.network.id}/cases`).expect(200)).body.items as { number: string }[]
    ).map((c) => c.number);
    expect(numbers).toContain(taken.number);
    // Stored encrypted for the new case: decryptable with its id as AAD, not with the source's.
    const [row] = await rows('client_identities', 'caseId', newCaseId);
    const cipher = t.app.get(IdentityCipher);
    expect(cipher.decrypt(row.ciphertext, newCaseId).surname).toBe(CANARY.surname);
    expect(() => cipher.decrypt(row.ciphertext, source.id)).toThrow();

    // The source case is REFERRED, with the reason in its history.
    const sourceNow = (await from.coordinator.agent.get(`/api/cases/${source.id}`).expect(200)).body;
    expect(sourceNow).toMatchObject({ status: 'REFERRED', statusReason: REASON });
    const history = await rows('case_events', 'caseId', source.id);
    expect(history.map((e) => ({ fromStatus: e.fromStatus, toStatus: e.toStatus, reason: e.reason }))).toEqual([
      { fromStatus: 'SUBMITTED', toStatus: 'REFERRED', reason: REASON },
    ]);
    // Linked both ways: the referring network sees its case, the receiving network its new one.
    const outgoing = (await from.coordinator.agent.get(`/api/networks/${from.network.id}/referrals`).expect(200)).body;
    expect(outgoing.find((r: { id: string }) => r.id === referral.id)).toMatchObject({
      direction: 'OUTGOING',
      status: 'ACCEPTED',
      caseId: source.id,
      newCaseId: null,
      identityMoved: true,
    });
    const [link] = await rows('referrals', 'id', referral.id);
    expect(link).toMatchObject({ caseId: source.id, newCaseId });

    // Both access logs record the transfer.
    const sourceLog = await log(from);
    expect(sourceLog).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'REFER', caseId: source.id, purpose: REASON, object: { type: 'REFERRAL', id: referral.id } }),
        expect.objectContaining({ action: 'TRANSFER', caseId: source.id, level: 'FULL', purpose: REASON }),
      ]),
    );
    const targetLog = await log(to);
    expect(targetLog).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'REFER', caseId: null, object: { type: 'REFERRAL', id: referral.id } }),
        expect.objectContaining({ action: 'TRANSFER', caseId: newCaseId, level: 'FULL', purpose: REASON }),
      ]),
    );
    // The chain still verifies with the purpose in it.
    expect((await from.coordinator.agent.get(`/api/networks/${from.network.id}/access-log/verify`).expect(200)).body.ok).toBe(true);
  });

  it('without consent: the new case starts without an identity', async () => {
    const source = await newCase(from, { consent: 'REFUSED' });
    const referral = (await refer(from.coordinator.agent, source.id).expect(201)).body;
    expect(referral.identityMoves).toBe(false);
    const accepted = (await to.coordinator.agent.post(`/api/referrals/${referral.id}/accept`).expect(200)).body;
    expect(accepted.identityMoved).toBe(false);
    const res = await to.coordinator.agent.get(`/api/cases/${accepted.newCaseId}`).expect(200);
    expect(res.body.client.level).toBe('PSEUDONYM');
    for (const marker of CANARY_MARKERS) expect({ marker, found: res.text.includes(marker) }).toEqual({ marker, found: false });
    for (const table of ['client_identities', 'client_identifiers', 'client_match_keys'])
      expect(await rows(table, 'caseId', accepted.newCaseId)).toEqual([]);
    expect((await log(to)).find((e) => e.action === 'TRANSFER' && e.caseId === accepted.newCaseId)?.level).toBe('PSEUDONYM');
  });

  it('moves the identity for an OGGZ override with its reason', async () => {
    const oggz = to;
    const neighbourhood = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });
    const source = await newCase(oggz, {
      consent: 'OVERRIDE_OGGZ',
      consentOverrideReason: 'Acuut gevaar voor de gezondheid; de cliënt is niet aanspreekbaar.',
    });
    const referral = (await refer(oggz.coordinator.agent, source.id, neighbourhood.network.id).expect(201)).body;
    expect(referral.identityMoves).toBe(true);
    const accepted = (await neighbourhood.coordinator.agent.post(`/api/referrals/${referral.id}/accept`).expect(200)).body;
    expect(accepted.identityMoved).toBe(true);
    const taken = (await neighbourhood.coordinator.agent.get(`/api/cases/${accepted.newCaseId}`).expect(200)).body;
    expect(taken.client.surname).toBe(CANARY.surname);
  });

  it('declines with a reason: logged in both networks; the source case stays and may be referred again', async () => {
    const source = await newCase(from);
    const referral = (await refer(from.coordinator.agent, source.id).expect(201)).body;
    const short = await to.coordinator.agent.post(`/api/referrals/${referral.id}/decline`).send({ reason: 'nee' }).expect(400);
    expect(short.body.fields.reason[0]).toMatch(/Geef een reden/);
    const declined = (
      await to.coordinator.agent
        .post(`/api/referrals/${referral.id}/decline`)
        .send({ reason: 'Geen OGGZ-problematiek, past in de buurt.' })
        .expect(200)
    ).body;
    expect(declined).toMatchObject({ status: 'DECLINED', declineReason: 'Geen OGGZ-problematiek, past in de buurt.', newCaseId: null });
    await to.coordinator.agent.post(`/api/referrals/${referral.id}/accept`).expect(409);
    expect((await from.coordinator.agent.get(`/api/cases/${source.id}`).expect(200)).body.status).toBe('SUBMITTED');
    const outgoing = (await from.coordinator.agent.get(`/api/networks/${from.network.id}/referrals`).expect(200)).body;
    expect(outgoing.find((r: { id: string }) => r.id === referral.id)).toMatchObject({
      status: 'DECLINED',
      declineReason: expect.any(String),
    });
    expect(await log(from)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'REFER_DECLINE', caseId: source.id, purpose: 'Geen OGGZ-problematiek, past in de buurt.' }),
      ]),
    );
    expect(await log(to)).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: 'REFER_DECLINE', object: { type: 'REFERRAL', id: referral.id } })]),
    );
    await refer(from.coordinator.agent, source.id).expect(201);
    // While one waits, a second is refused.
    await refer(from.coordinator.agent, source.id).expect(409);
  });

  it('lets only the coordinators concerned refer and decide; to the own network or an unknown one is a 400', async () => {
    const source = await newCase(from);
    await refer(from.core.agent, source.id).expect(403);
    await refer(stranger.coordinator.agent, source.id).expect(404);
    const same = await refer(from.coordinator.agent, source.id, from.network.id).expect(400);
    expect(same.body.fields.toNetworkId[0]).toMatch(/ánder netwerk/);
    const unknown = await refer(from.coordinator.agent, source.id, '00000000-0000-4000-8000-000000000000').expect(400);
    expect(unknown.body.fields.toNetworkId[0]).toMatch(/bestaat niet/);
    const missing = await from.coordinator.agent.post(`/api/cases/${source.id}/referrals`).send({ toNetworkId: to.network.id }).expect(400);
    expect(missing.body.fields.reason).toBeDefined();

    const referral = (await refer(from.coordinator.agent, source.id).expect(201)).body;
    // The referring coordinator cannot decide on it, nor can a partner of the receiving network; a stranger does not know it exists.
    await from.coordinator.agent.post(`/api/referrals/${referral.id}/accept`).expect(404);
    await to.core.agent.post(`/api/referrals/${referral.id}/accept`).expect(404);
    await stranger.coordinator.agent.post(`/api/referrals/${referral.id}/decline`).send({ reason: 'Niet voor ons bedoeld.' }).expect(404);
    // A name of a client in the reason is refused by the identity guard (nothing stored).
    const named = await refer(
      from.coordinator.agent,
      (await newCase(from)).id,
      to.network.id,
      `Meneer ${CANARY.surname.split(' ').pop()} heeft hulp nodig.`,
    );
    expect(named.status).toBe(422);
  });

  it('names the other networks as targets, not its own', async () => {
    const targets = (await from.coordinator.agent.get(`/api/networks/${from.network.id}/referral-targets`).expect(200)).body as {
      id: string;
    }[];
    expect(targets.map((n) => n.id)).toEqual(expect.arrayContaining([to.network.id, stranger.network.id]));
    expect(targets.map((n) => n.id)).not.toContain(from.network.id);
    await from.core.agent.get(`/api/networks/${from.network.id}/referral-targets`).expect(403);
  });

  it('refuses to refer a case that is closed (409)', async () => {
    const source = await newCase(from);
    await from.coordinator.agent.patch(`/api/cases/${source.id}`).send({ status: 'DECLINED', reason: 'Geen zorgen meer.' }).expect(200);
    await refer(from.coordinator.agent, source.id).expect(409);
  });

  it('counts the cases taken over in the receiving network\u2019s figures by their source', async () => {
    const receiving = await make.staffedNetwork('OGGZ', { accepted: true });
    for (let i = 0; i < 5; i++) {
      const source = await newCase(from, i % 2 ? { consent: 'REFUSED' } : {});
      const referral = (await refer(from.coordinator.agent, source.id, receiving.network.id).expect(201)).body;
      await receiving.coordinator.agent.post(`/api/referrals/${referral.id}/accept`).expect(200);
    }
    const day = (offset: number) => new Date(t.clock.now().getTime() + offset * 86_400_000).toISOString().slice(0, 10);
    const figures = (
      await receiving.coordinator.agent.get(`/api/networks/${receiving.network.id}/figures?from=${day(-2)}&to=${day(2)}`).expect(200)
    ).body;
    expect(figures.cases.bySource.rows.map((r: { key: string; cell: { value: number | null } }) => [r.key, r.cell.value])).toEqual([
      ['INTAKE', 0],
      ['QUESTION', 0],
      ['REFERRAL', 5],
    ]);
  });
});
