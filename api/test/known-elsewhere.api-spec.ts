import { DataSource } from 'typeorm';
import { Case } from '../src/cases/case.entity';
import { CasesService } from '../src/cases/cases.service';
import { NOT_ALLOWED_HERE } from '../src/known-elsewhere/known-elsewhere.service';
import { CANARY, CANARY_MARKERS, caseBody, type Factories } from './support/factories';
import { useTestApp } from './support/use-test-app';

type Staffed = Awaited<ReturnType<Factories['staffedNetwork']>>;

const PURPOSE = 'Afstemmen wie de regie neemt bij de dreigende huisuitzetting.';

/** Issue #14, part 3: "Bekend in een ander netwerk?" — matched by the installation-wide match key, nothing decrypted. */
describe('Known in another network', () => {
  const { t, make } = useTestApp({ minutesBetweenTests: 0.1 });
  let asker: Staffed;
  let allowing: Staffed;
  let closed: Staffed;
  const cases = {} as Record<'asker' | 'allowing' | 'closed' | 'unknown', string>;

  async function allow(s: Staffed, on: boolean): Promise<void> {
    const current = (await s.coordinator.agent.get(`/api/networks/${s.network.id}/covenant`).expect(200)).body;
    const body = {
      levels: current.levels,
      retentionMonths: current.retentionMonths,
      anonymousQuestionSubmitter: current.anonymousQuestionSubmitter,
      confidentialityStatement: current.confidentialityStatement,
      knownElsewhereCheck: on,
    };
    const next = (await s.coordinator.agent.put(`/api/networks/${s.network.id}/covenant`).send(body).expect(200)).body;
    expect(next.knownElsewhereCheck).toBe(on);
  }
  const bring = async (s: Staffed, client: Record<string, unknown>) =>
    (await s.core.agent.post(`/api/networks/${s.network.id}/cases`).send(caseBody({ client })).expect(201)).body.id as string;
  const ask = (s: Staffed, caseId: string, purpose: unknown = PURPOSE) =>
    s.coordinator.agent.post(`/api/cases/${caseId}/known-elsewhere`).send({ purpose });
  const log = async (s: Staffed) =>
    (await s.coordinator.agent.get(`/api/networks/${s.network.id}/access-log?action=KNOWN_ELSEWHERE`).expect(200)).body as {
      caseId: string;
      purpose: string;
      user: { id: string } | null;
    }[];

  beforeAll(async () => {
    asker = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });
    allowing = await make.staffedNetwork('OGGZ', { accepted: true });
    closed = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });
    // Off by default.
    expect((await asker.coordinator.agent.get(`/api/networks/${asker.network.id}/covenant`).expect(200)).body.knownElsewhereCheck).toBe(
      false,
    );
    await allow(asker, true);
    await allow(allowing, true);
    cases.asker = await bring(asker, CANARY);
    // The same person written otherwise elsewhere: without the particle, another given name and street, postcode without a space.
    cases.allowing = await bring(allowing, {
      ...CANARY,
      givenName: 'G.',
      surname: 'Canariusveld',
      street: 'Merelstraat',
      postcode: '3813KZ',
    });
    cases.closed = await bring(closed, CANARY);
    cases.unknown = await bring(asker, { ...CANARY, surname: 'Zwaluwstaartkamp', dateOfBirth: '1951-03-03' });
  });

  it('answers yes with the network and whom to contact there — never a case or an identity — and only where that covenant allows it', async () => {
    const res = await ask(asker, cases.asker).expect(200);
    expect(res.body).toEqual({
      known: true,
      networks: [
        {
          id: allowing.network.id,
          name: allowing.network.name,
          coordinators: [
            {
              name: allowing.coordinator.user.name,
              email: allowing.coordinator.user.email,
              organisation: allowing.coordinator.organisation.name,
            },
          ],
        },
      ],
    });
    for (const marker of CANARY_MARKERS) expect({ marker, found: res.text.includes(marker) }).toEqual({ marker, found: false });
    expect(res.text).not.toContain(cases.allowing);
    // The network whose covenant does not allow it is not searched, and hears nothing.
    expect(res.text).not.toContain(closed.network.id);
    expect(await log(closed)).toEqual([]);
  });

  it('answers no for a client known nowhere else', async () => {
    expect((await ask(asker, cases.unknown).expect(200)).body).toEqual({ known: false, networks: [] });
  });

  it('logs the question with its purpose in both networks', async () => {
    await ask(asker, cases.asker).expect(200);
    expect(await log(asker)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          caseId: cases.asker,
          purpose: PURPOSE,
          user: expect.objectContaining({ id: asker.coordinator.user.id }),
        }),
      ]),
    );
    expect(await log(allowing)).toEqual(expect.arrayContaining([expect.objectContaining({ caseId: cases.allowing, purpose: PURPOSE })]));
    expect((await asker.coordinator.agent.get(`/api/networks/${asker.network.id}/access-log/verify`).expect(200)).body.ok).toBe(true);
  });

  it("refuses when the asking network's covenant does not allow it (403, in Dutch)", async () => {
    const res = await ask(closed, cases.closed).expect(403);
    expect(res.body.message).toBe(NOT_ALLOWED_HERE);
  });

  it('needs a purpose, free of client data; only the coordinator asks', async () => {
    const missing = await asker.coordinator.agent.post(`/api/cases/${cases.asker}/known-elsewhere`).send({}).expect(400);
    expect(missing.body.fields.purpose[0]).toMatch(/Beschrijf waarvoor/);
    await ask(asker, cases.asker, 'kort').expect(400);
    expect((await ask(asker, cases.asker, `Afstemmen over meneer ${CANARY.surname.split(' ').pop()} en zijn woning.`)).status).toBe(422);
    await asker.core.agent.post(`/api/cases/${cases.asker}/known-elsewhere`).send({ purpose: PURPOSE }).expect(403);
    await allowing.coordinator.agent.post(`/api/cases/${cases.asker}/known-elsewhere`).send({ purpose: PURPOSE }).expect(404);
  });

  it('computes a missing match key at start-up (identities stored before the key existed), from the identity in the process', async () => {
    const repo = t.app.get(DataSource).getRepository('ClientMatchKey');
    const before = await repo.findOneByOrFail({ caseId: cases.unknown });
    await repo.delete({ caseId: cases.unknown });
    await t.app.get(CasesService).onApplicationBootstrap();
    expect(await repo.findOneByOrFail({ caseId: cases.unknown })).toEqual(before);
  });

  it('no longer finds a client whose identity was erased: the match key goes with it', async () => {
    const db = t.app.get(DataSource);
    const keys = () => db.getRepository('ClientMatchKey').countBy({ caseId: cases.allowing });
    expect(await keys()).toBe(1);
    const record = await db.getRepository(Case).findOneByOrFail({ id: cases.allowing });
    await t.app.get(CasesService).eraseIdentity(record);
    expect(await keys()).toBe(0);
    expect((await ask(asker, cases.asker).expect(200)).body).toEqual({ known: false, networks: [] });
    // An erased case has nothing to compare.
    const own = await ask(allowing, cases.allowing).expect(400);
    expect(own.body.message).toMatch(/geen identiteit/);
  });
});
