import { DataSource } from 'typeorm';
import { OPEN_ACTION_STATUSES, type ActionStatus } from '@casustafel/contract/meeting-rules';
import { Action } from '../src/actions/action.entity';
import { Case } from '../src/cases/case.entity';
import { CasesService } from '../src/cases/cases.service';
import { RetentionService } from '../src/cases/retention.service';
import { newId } from '../src/database/ids';
import { CONSENT_KINDS } from '../src/privacy/disclosure-policy';
import { caseBody, Factories } from './support/factories';
import { TestApp, type Agent } from './support/test-app';

const CONSENTS = [
  { consent: 'GIVEN' },
  { consent: 'NOT_ASKED' },
  { consent: 'REFUSED' },
  { consent: 'OVERRIDE_OGGZ', consentOverrideReason: 'Acuut brandgevaar door vervuiling, buren in gevaar.' },
];
/** On PostgreSQL transactions run at once, each on its own connection of the pool (as two instances would); SQLite has one writer. */
const atOnce = process.env['TEST_DATABASE_URL']
  ? <T>(work: (() => Promise<T>)[]) => Promise.all(work.map((w) => w()))
  : async <T>(work: (() => Promise<T>)[]) => {
      for (const w of work) await w();
    };
const STATUSES: ActionStatus[] = ['OPEN', 'IN_PROGRESS', 'DONE', 'NOT_DONE'];

/** A small deterministic generator, so that a failure can be replayed (the seed is in the test's name). */
function random(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] };
}

/** A case's own bits of its kind, as the policy numbers them (disclosure-policy.ts: 8 erased, 16 × consent kind). */
function caseBits(c: Case): number {
  const consent = CONSENT_KINDS.findIndex(
    (k) => k.consent === c.consent && (k.consent !== 'OVERRIDE_OGGZ' || !!k.consentOverrideReason === !!c.consentOverrideReason),
  );
  return (c.identityErasedAt ? 8 : 0) + 16 * consent;
}

/** case_ties and case_counts as they should be, derived from scratch from `cases` and `actions`. */
async function derived(data: DataSource) {
  const cases = await data.getRepository(Case).find();
  const actions = await data.getRepository(Action).find();
  const ties = new Map<string, { networkId: string; organisationId: string; caseId: string; submitted: number; openActions: number }>();
  const tie = (c: Case, organisationId: string) => {
    const key = `${organisationId} ${c.id}`;
    if (!ties.has(key)) ties.set(key, { networkId: c.networkId, organisationId, caseId: c.id, submitted: 0, openActions: 0 });
    return ties.get(key)!;
  };
  const byId = new Map(cases.map((c) => [c.id, c]));
  for (const c of cases) tie(c, c.submittedByOrganisationId).submitted = 1;
  for (const a of actions)
    if (a.caseId && OPEN_ACTION_STATUSES.includes(a.status) && byId.has(a.caseId))
      tie(byId.get(a.caseId)!, a.ownerOrganisationId).openActions++;
  const rows = [...ties.values()].map((t) => ({
    ...t,
    kind: 2 * t.submitted + (t.openActions > 0 ? 4 : 0) + caseBits(byId.get(t.caseId)!),
  }));
  const counts = new Map<string, number>();
  const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const r of rows) add(`${r.networkId} ${r.organisationId} ${r.kind}`);
  for (const c of cases) add(`${c.networkId}  ${caseBits(c)}`);
  return { ties: rows, counts };
}

async function kept(data: DataSource) {
  const ties: Record<string, string | number>[] = await data.query(
    `SELECT "networkId", "organisationId", "caseId", "submitted", "openActions", "kind" FROM "case_ties"`,
  );
  const counts: { networkId: string; organisationId: string; kind: number | string; n: number | string }[] = await data.query(
    `SELECT "networkId", "organisationId", "kind", "n" FROM "case_counts"`,
  );
  return {
    ties: ties.map((t) => ({ ...t, submitted: Number(t['submitted']), openActions: Number(t['openActions']), kind: Number(t['kind']) })),
    // A counter that went back to 0 stays as a row; it counts nothing.
    counts: new Map(
      counts.filter((c) => Number(c.n) !== 0).map((c) => [`${c.networkId} ${c.organisationId} ${Number(c.kind)}`, Number(c.n)]),
    ),
  };
}

const byKey = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  `${a['organisationId']} ${a['caseId']}`.localeCompare(`${b['organisationId']} ${b['caseId']}`);

async function expectConsistent(data: DataSource) {
  const [want, have] = [await derived(data), await kept(data)];
  expect([...have.ties].sort(byKey)).toEqual([...want.ties].sort(byKey));
  expect(new Map([...have.counts].sort())).toEqual(new Map([...want.counts].sort()));
}

/**
 * The tables the case list counts and pages from (ADR 0030) are kept by the database in the transaction of each
 * write to `cases` and `actions`: after any sequence of writes they equal what is derived from those tables.
 */
describe('case_ties and case_counts', () => {
  let t: TestApp;
  let make: Factories;
  let data: DataSource;
  let networks: { id: string; organisations: string[]; submitters: Agent[]; members: Agent[] }[];

  beforeAll(async () => {
    t = await TestApp.start();
    make = await Factories.for(t);
    data = t.app.get(DataSource);
    networks = [];
    for (const kind of ['OGGZ', 'NEIGHBOURHOOD'] as const) {
      const s = await make.staffedNetwork(kind, { accepted: true });
      networks.push({
        id: s.network.id,
        organisations: [s.coordinator, s.core, s.shell, s.volunteer].map((p) => p.organisation.id),
        submitters: [s.coordinator.agent, s.core.agent, s.shell.agent],
        members: [s.coordinator, s.core, s.shell, s.volunteer].map((p) => p.agent),
      });
    }
  }, 120_000);
  afterAll(() => t.close());

  /**
   * The case list's total without filters comes from the counters (CasesService.countShown); its page holds the cases the
   * disclosure policy itself shows. With fewer cases than a page, the two must agree for every member of every network.
   */
  async function expectTotalsShown() {
    for (const network of networks)
      for (const member of network.members) {
        const { body } = await member.get(`/api/networks/${network.id}/cases?page=1`).expect(200);
        expect(body.total).toBeLessThan(25);
        expect(body.total).toBe(body.items.length);
      }
  }

  /** An action row written straight into the table, as the bulk SQL of the load generator would. */
  function actionRow(fields: Pick<Action, 'networkId' | 'caseId' | 'ownerOrganisationId' | 'status'> & { id?: string }) {
    const now = t.clock.now();
    return {
      id: newId(),
      meetingId: null,
      agendaItemId: null,
      description: 'Huisbezoek afleggen',
      ownerUserId: null,
      dueDate: '2026-12-01',
      notDoneReason: null,
      note: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
      ...fields,
    };
  }

  async function createCase(r: ReturnType<typeof random>) {
    const network = r.pick(networks);
    const consent = r.pick(network === networks[0] ? CONSENTS : CONSENTS.slice(0, 3));
    await r
      .pick(network.submitters)
      .post(`/api/networks/${network.id}/cases`)
      .send(caseBody({ ...consent }))
      .expect(201);
  }

  it.each([1, 2, 3])(
    'after a random sequence of writes (seed %i) equal what is derived from cases and actions',
    async (seed) => {
      const r = random(seed);
      const cases = () => data.getRepository(Case).find();
      const actions = data.getRepository(Action);
      for (let i = 0; i < 4; i++) await createCase(r);
      await expectConsistent(data);
      for (let step = 0; step < 60; step++) {
        const all = await cases();
        const action = r.pick(await actions.find());
        const what = r.next();
        if (what < 0.1) await createCase(r);
        else if (what < 0.4 || !action) {
          const c = r.pick(all);
          const network = networks.find((n) => n.id === c.networkId)!;
          await actions.insert(
            actionRow({
              networkId: c.networkId,
              caseId: r.next() < 0.1 ? null : c.id,
              ownerOrganisationId: r.pick(network.organisations),
              status: r.pick(STATUSES),
            }),
          );
        } else if (what < 0.5) {
          // Reassigned to another organisation of the network.
          const network = networks.find((n) => n.id === action.networkId)!;
          await actions.update({ id: action.id }, { ownerOrganisationId: r.pick(network.organisations) });
        } else if (what < 0.6) await actions.update({ id: action.id }, { status: r.pick(['DONE', 'NOT_DONE'] as const) });
        else if (what < 0.7) await actions.update({ id: action.id }, { status: r.pick(['OPEN', 'IN_PROGRESS'] as const) });
        else if (what < 0.75) {
          // Reassigned and reopened in one write; or moved to another case of the network.
          const network = networks.find((n) => n.id === action.networkId)!;
          const other = r.pick(all.filter((c) => c.networkId === action.networkId));
          await actions.update(
            { id: action.id },
            r.next() < 0.5 ? { ownerOrganisationId: r.pick(network.organisations), status: 'OPEN' } : { caseId: other.id },
          );
        } else if (what < 0.85) await actions.delete({ id: action.id });
        else if (what < 0.92) {
          const c = r.pick(all.filter((x) => !x.identityErasedAt));
          if (c) await t.app.get(CasesService).eraseIdentity(c);
        } else {
          // Retention: a case closed long ago loses its identity in the nightly run.
          const c = r.pick(all.filter((x) => !x.identityErasedAt));
          if (c) {
            await data.getRepository(Case).update({ id: c.id }, { status: 'CLOSED', closedAt: new Date('2020-01-01T00:00:00Z') });
            expect(await t.app.get(RetentionService).run()).toBeGreaterThanOrEqual(1);
          }
        }
        if (step % 10 === 9) {
          await expectConsistent(data);
          await expectTotalsShown();
        }
      }
      await expectConsistent(data);
      await expectTotalsShown();
      // Not a table that is empty by mistake: every case has at least its submitting organisation's tie.
      expect((await kept(data)).ties.length).toBeGreaterThanOrEqual((await cases()).length);
    },
    180_000,
  );

  it('counts right when many transactions open and close actions on the same case at once', async () => {
    const network = networks[0];
    await createCase({ next: () => 0, pick: <T>(list: readonly T[]) => list[0] });
    const c = (await data.getRepository(Case).find({ where: { networkId: network.id } }))[0];
    const owner = network.organisations[3];
    const ids = Array.from({ length: 12 }, () => newId());
    await atOnce(
      ids.map(
        (id) => () =>
          data.transaction((m) =>
            m
              .getRepository(Action)
              .insert(actionRow({ id, networkId: network.id, caseId: c.id, ownerOrganisationId: owner, status: 'OPEN' })),
          ),
      ),
    );
    await expectConsistent(data);
    await atOnce(ids.map((id) => () => data.transaction((m) => m.getRepository(Action).update({ id }, { status: 'DONE' }))));
    await expectConsistent(data);
    const [row] = await data.query(`SELECT COUNT(*) AS "n" FROM "case_ties" WHERE "caseId" = '${c.id}' AND "organisationId" = '${owner}'`);
    expect(Number(row.n)).toBe(0);
  }, 60_000);
});
