import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { AccessLogEntryView, AdminChangesView } from '@casustafel/contract/access-log';
import { UnitOfWork } from '../src/database/unit-of-work';
import { AccessLogEntry } from '../src/privacy/access-log-entry.entity';
import { AccessLogService, type AccessEvent } from '../src/privacy/access-log.service';
import { Factories, caseBody } from './support/factories';
import type { Agent } from './support/test-app';
import { useTestApp } from './support/use-test-app';

jest.setTimeout(30_000);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const question = {
  title: 'Oudere vrouw laat post liggen',
  situation: 'Een oudere vrouw van rond de 80 laat al weken de post liggen en komt niet meer buiten.',
  question: 'Hoe ernstig is dit, en wat kunnen wij als vrijwilligers doen?',
  neighbourhood: 'Soesterkwartier',
  ageBand: '80_PLUS',
  problemAreas: ['SELF_CARE', 'SOCIAL_NETWORK'],
};

type Staffed = Awaited<ReturnType<Factories['staffedNetwork']>>;

const log = async (coordinator: Agent, networkId: string, query = ''): Promise<AccessLogEntryView[]> =>
  (await coordinator.get(`/api/networks/${networkId}/access-log${query}`).expect(200)).body;

describe('Refused attempts are on the record (outcome DENIED)', () => {
  const { t, make } = useTestApp({ minutesBetweenTests: 0.1 });
  let s: Staffed;
  let outsider: Agent;
  let outsiderId: string;
  let admin: Agent;
  let adminId: string;
  const ids = {} as Record<'case' | 'question' | 'meeting', string>;

  beforeAll(async () => {
    // OGGZ template: a shell partner does not learn that any case exists (DOSSIER: HIDDEN).
    s = await make.staffedNetwork('OGGZ', { accepted: true });
    const other = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });
    outsider = other.coordinator.agent;
    outsiderId = other.coordinator.user.id;
    admin = await t.admin();
    adminId = (await admin.get('/api/auth/me').expect(200)).body.id;
    ids.case = (await s.core.agent.post(`/api/networks/${s.network.id}/cases`).send(caseBody()).expect(201)).body.id;
    ids.question = (await s.volunteer.agent.post(`/api/networks/${s.network.id}/questions`).send(question).expect(201)).body.id;
    const c = s.coordinator.agent;
    ids.meeting = (
      await c
        .post(`/api/networks/${s.network.id}/meetings`)
        .send({ startsAt: '2026-11-20T14:00:00Z', durationMinutes: 60, location: 'Buurthuis' })
        .expect(201)
    ).body.id;
    await c.post(`/api/meetings/${ids.meeting}/start`).expect(200);
    await c.post(`/api/meetings/${ids.meeting}/close`).expect(200); // draft minutes: the coordinator's only
  });

  /** [what happens, who, their user id, the request, what the coordinator's log shows] */
  type Row = [string, () => Agent, () => string, (a: Agent) => PromiseLike<{ status: number }>, () => Record<string, unknown>];
  const cases: Row[] = [
    [
      'a shell partner opens a case hidden from them',
      () => s.shell.agent,
      () => s.shell.user.id,
      (a) => a.get(`/api/cases/${ids.case}`),
      () => ({ role: 'SHELL_PARTNER', action: 'VIEW', context: 'DOSSIER', object: { type: 'CASE', id: ids.case }, caseId: ids.case }),
    ],
    [
      'a shell partner changes a case hidden from them',
      () => s.shell.agent,
      () => s.shell.user.id,
      (a) => a.patch(`/api/cases/${ids.case}`).send({ status: 'ACCEPTED' }),
      () => ({ role: 'SHELL_PARTNER', action: 'UPDATE', object: { type: 'CASE', id: ids.case } }),
    ],
    [
      'a core partner asks for the access report',
      () => s.core.agent,
      () => s.core.user.id,
      (a) => a.get(`/api/cases/${ids.case}/access-report.pdf`),
      () => ({ role: 'CORE_PARTNER', action: 'EXPORT', object: { type: 'CASE', id: ids.case } }),
    ],
    [
      'the coordinator of another network opens a question',
      () => outsider,
      () => outsiderId,
      (a) => a.get(`/api/questions/${ids.question}`),
      () => ({ role: null, action: 'VIEW', object: { type: 'QUESTION', id: ids.question }, questionId: ids.question }),
    ],
    [
      'the coordinator of another network opens a meeting',
      () => outsider,
      () => outsiderId,
      (a) => a.get(`/api/meetings/${ids.meeting}`),
      () => ({ role: null, action: 'VIEW', context: 'MEETING', object: { type: 'MEETING', id: ids.meeting } }),
    ],
    [
      'a core partner reads draft minutes',
      () => s.core.agent,
      () => s.core.user.id,
      (a) => a.get(`/api/meetings/${ids.meeting}/minutes`),
      () => ({ role: 'CORE_PARTNER', action: 'VIEW', context: 'MINUTES', object: { type: 'MINUTES', id: ids.meeting } }),
    ],
    [
      'a core partner downloads draft minutes',
      () => s.core.agent,
      () => s.core.user.id,
      (a) => a.get(`/api/meetings/${ids.meeting}/minutes.pdf`),
      () => ({ role: 'CORE_PARTNER', action: 'EXPORT', context: 'MINUTES', object: { type: 'MINUTES', id: ids.meeting } }),
    ],
    [
      'the administrator exports the open actions',
      () => admin,
      () => adminId,
      (a) => a.get(`/api/networks/${s.network.id}/actions.csv`),
      () => ({ role: 'ADMIN', action: 'EXPORT', object: { type: 'NETWORK', id: s.network.id } }),
    ],
    [
      'a core partner reads the access log',
      () => s.core.agent,
      () => s.core.user.id,
      (a) => a.get(`/api/networks/${s.network.id}/access-log`),
      () => ({ role: 'CORE_PARTNER', action: 'VIEW', object: { type: 'NETWORK', id: s.network.id } }),
    ],
  ];

  it.each(cases)('%s: the answer is unchanged, and the coordinator sees the attempt', async (_name, agent, userId, call, expected) => {
    const before = (await log(s.coordinator.agent, s.network.id, '?outcome=DENIED')).length;
    const res = await call(agent());
    expect([403, 404]).toContain(res.status);
    const denied = await log(s.coordinator.agent, s.network.id, '?outcome=DENIED');
    expect(denied.length).toBe(before + 1);
    expect(denied[0]).toMatchObject({
      outcome: 'DENIED',
      level: null,
      user: { id: userId() },
      eventId: expect.stringMatching(UUID),
      ...expected(),
    });
    expect(denied[0].organisation).not.toBeNull();
  });

  it('answers a refused request exactly as before', async () => {
    const res = await s.shell.agent.get(`/api/cases/${ids.case}`).expect(404);
    expect(res.body).toEqual({ statusCode: 404, message: 'Deze casus bestaat niet of je mag hem niet zien.', error: 'Not Found' });
  });

  it('records an attempt on a case that does not exist without a network, so no coordinator sees it', async () => {
    const ghost = randomUUID();
    await s.shell.agent.get(`/api/cases/${ghost}`).expect(404);
    const rows = await t.app.get(DataSource).getRepository(AccessLogEntry).findBy({ objectId: ghost });
    expect(rows).toMatchObject([{ objectType: 'CASE', networkId: null, caseId: null, outcome: 'DENIED', userId: s.shell.user.id }]);
  });

  it('records nothing for a request without a session, nor for one that succeeds', async () => {
    const count = async () => t.app.get(DataSource).getRepository(AccessLogEntry).countBy({ outcome: 'DENIED' });
    const before = await count();
    await t.anonymous().get(`/api/cases/${ids.case}`).expect(401);
    await s.core.agent.get(`/api/cases/${ids.case}`).expect(200);
    expect(await count()).toBe(before);
  });
});

describe('Changes to who may see what are on the record, with who made them', () => {
  const { t, make } = useTestApp({ minutesBetweenTests: 0.1 });
  let admin: Agent;
  let adminId: string;
  let s: Staffed;

  beforeAll(async () => {
    admin = await t.admin();
    adminId = (await admin.get('/api/auth/me').expect(200)).body.id;
    s = await make.staffedNetwork('NEIGHBOURHOOD');
  });

  it('logs memberships and roles the administrator gave, as ADMIN, with whom they concerned', async () => {
    const grants = await log(s.coordinator.agent, s.network.id, '?action=ROLE_GRANT');
    expect(grants).toHaveLength(4);
    const coreGrant = grants.find((g) => g.subject?.user?.id === s.core.user.id);
    expect(coreGrant).toMatchObject({
      action: 'ROLE_GRANT',
      outcome: 'SUCCESS',
      role: 'ADMIN',
      user: { id: adminId },
      context: 'MANAGEMENT',
      object: { type: 'USER', id: s.core.user.id },
      subject: {
        user: { id: s.core.user.id, name: s.core.user.name },
        organisation: { id: s.core.organisation.id, name: s.core.organisation.name },
        role: 'CORE_PARTNER',
      },
    });
    const members = await log(s.coordinator.agent, s.network.id, '?action=MEMBER_ADD');
    expect(members.map((m) => m.subject?.organisation?.name).sort()).toEqual(
      [s.coordinator, s.core, s.shell, s.volunteer].map((p) => p.organisation.name).sort(),
    );
    expect(members.every((m) => m.role === 'ADMIN' && m.user?.id === adminId)).toBe(true);
  });

  it("logs the coordinator's own changes under their role", async () => {
    const c = s.coordinator.agent;
    const organisation = await make.organisation('FORMAL');
    const user = await make.user(organisation.id);
    await c.post(`/api/networks/${s.network.id}/members`).send({ organisationId: organisation.id, ring: 'CORE' }).expect(201);
    await c.post(`/api/networks/${s.network.id}/roles`).send({ userId: user.id, role: 'CORE_PARTNER' }).expect(201);
    await c.delete(`/api/networks/${s.network.id}/roles/${user.id}`).expect(204);
    await c.delete(`/api/networks/${s.network.id}/members/${organisation.id}`).expect(204);
    const entries = (await log(c, s.network.id)).slice(0, 4);
    expect(
      entries.map((e) => [e.action, e.role, e.user?.id, e.subject?.user?.id ?? null, e.subject?.organisation?.id, e.subject?.role ?? null]),
    ).toEqual([
      ['MEMBER_REMOVE', 'COORDINATOR', s.coordinator.user.id, null, organisation.id, null],
      ['ROLE_REVOKE', 'COORDINATOR', s.coordinator.user.id, user.id, organisation.id, 'CORE_PARTNER'],
      ['ROLE_GRANT', 'COORDINATOR', s.coordinator.user.id, user.id, organisation.id, 'CORE_PARTNER'],
      ['MEMBER_ADD', 'COORDINATOR', s.coordinator.user.id, null, organisation.id, null],
    ]);
  });

  it('logs a new covenant version, a signature and an accepted confidentiality statement', async () => {
    const c = s.coordinator.agent;
    const covenant = (await c.get(`/api/networks/${s.network.id}/covenant`).expect(200)).body;
    const body = {
      levels: covenant.levels,
      retentionMonths: 12,
      anonymousQuestionSubmitter: true,
      confidentialityStatement: covenant.confidentialityStatement,
    };
    await c.put(`/api/networks/${s.network.id}/covenant`).send(body).expect(200);
    await c
      .post(`/api/networks/${s.network.id}/covenant/signatures`)
      .send({ organisationId: s.core.organisation.id, signatory: 'De directeur', signedOn: '2026-10-30' })
      .expect(201);
    await make.accept(s.shell.agent, s.network.id);
    const entries = (await log(c, s.network.id)).slice(0, 3);
    expect(entries).toMatchObject([
      {
        action: 'CONFIDENTIALITY_ACCEPT',
        role: 'SHELL_PARTNER',
        user: { id: s.shell.user.id },
        subject: { user: { id: s.shell.user.id }, role: 'SHELL_PARTNER' },
        object: { type: 'COVENANT' },
      },
      {
        action: 'COVENANT_SIGNATURE',
        role: 'COORDINATOR',
        user: { id: s.coordinator.user.id },
        subject: { organisation: { id: s.core.organisation.id } },
        object: { type: 'COVENANT' },
      },
      {
        action: 'COVENANT_CHANGE',
        role: 'COORDINATOR',
        user: { id: s.coordinator.user.id },
        subject: null,
        object: { type: 'COVENANT', id: expect.stringMatching(UUID) },
      },
    ]);
  });

  it('logs a deactivation (and reactivation) in every network where the user holds a role', async () => {
    const second = await make.network();
    await make.member(second.id, s.core.organisation.id, 'CORE');
    await make.role(second.id, s.core.user.id, 'CORE_PARTNER');
    const secondCoordinatorOrg = await make.organisation('FORMAL');
    await make.member(second.id, secondCoordinatorOrg.id, 'CORE');
    const secondCoordinator = await make.user(secondCoordinatorOrg.id);
    await make.role(second.id, secondCoordinator.id, 'COORDINATOR');
    const c2 = await t.login(secondCoordinator.email);

    await admin.patch(`/api/users/${s.core.user.id}`).send({ active: false }).expect(200);
    await admin.patch(`/api/users/${s.core.user.id}`).send({ active: false }).expect(200); // no change, no entry
    await admin.patch(`/api/users/${s.core.user.id}`).send({ active: true }).expect(200);
    for (const [agent, networkId] of [
      [s.coordinator.agent, s.network.id],
      [c2, second.id],
    ] as const) {
      const entries = (await log(agent, networkId)).filter((e) => e.action.startsWith('USER_'));
      expect(entries.map((e) => [e.action, e.role, e.user?.id, e.subject?.user?.id, e.subject?.role])).toEqual([
        ['USER_REACTIVATE', 'ADMIN', adminId, s.core.user.id, 'CORE_PARTNER'],
        ['USER_DEACTIVATE', 'ADMIN', adminId, s.core.user.id, 'CORE_PARTNER'],
      ]);
    }
  });

  it('logs the deactivation of a user without roles once, without a network', async () => {
    const organisation = await make.organisation('FORMAL');
    const user = await make.user(organisation.id);
    await admin.patch(`/api/users/${user.id}`).send({ active: false }).expect(200);
    const rows = await t.app.get(DataSource).getRepository(AccessLogEntry).findBy({ subjectUserId: user.id });
    expect(rows).toMatchObject([
      { action: 'USER_DEACTIVATE', networkId: null, role: 'ADMIN', userId: adminId, subjectOrganisationId: organisation.id },
    ]);
  });

  it('refuses a network role for an administrator account with 400, and logs the attempt as DENIED', async () => {
    const organisation = await make.organisation('FORMAL');
    await make.member(s.network.id, organisation.id, 'CORE');
    const other = (
      await admin
        .post('/api/users')
        .send({
          name: 'Tweede Beheerder',
          email: 'beheer2@test.nl',
          organisationId: organisation.id,
          isAdmin: true,
        })
        .expect(201)
    ).body;
    const res = await admin.post(`/api/networks/${s.network.id}/roles`).send({ userId: other.id, role: 'COORDINATOR' }).expect(400);
    expect(res.body.message).toMatch(/^Een beheerderaccount kan geen rol in een netwerk krijgen/);
    const [entry] = await log(s.coordinator.agent, s.network.id, '?action=ROLE_GRANT&outcome=DENIED');
    expect(entry).toMatchObject({
      role: 'ADMIN',
      user: { id: adminId },
      subject: { user: { id: other.id, name: 'Tweede Beheerder' }, role: 'COORDINATOR' },
    });
  });
});

describe('Reading the access log: NEN 7513 fields and filters', () => {
  const { t, make } = useTestApp();
  let s: Staffed;
  /** The coordinator, signed in after the clock moved on. */
  let c: Agent;
  let caseA: string;
  let caseB: string;

  beforeAll(async () => {
    s = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });
    // 2 November 2026, 10:00 in Amsterdam.
    caseA = (await s.core.agent.post(`/api/networks/${s.network.id}/cases`).send(caseBody()).expect(201)).body.id;
    t.clock.advanceDays(1); // 3 November
    caseB = (await (await t.login(s.core.user.email)).post(`/api/networks/${s.network.id}/cases`).send(caseBody()).expect(201)).body.id;
    t.clock.advanceMinutes(13 * 60 + 59); // 3 November, 23:59 in Amsterdam (22:59 UTC)
    c = await t.login(s.coordinator.user.email);
    await c.get(`/api/cases/${caseA}`).expect(200);
    t.clock.advanceMinutes(2); // 4 November, 00:01 in Amsterdam (still 3 November in UTC)
    await c.get(`/api/cases/${caseB}`).expect(200);
    await (await t.login(s.shell.user.email)).get(`/api/cases/${randomUUID()}`).expect(404);
  });

  it('gives every entry the NEN 7513 fields', async () => {
    const [view] = await log(c, s.network.id, `?caseId=${caseB}&action=VIEW`);
    expect(view).toEqual({
      seq: expect.any(Number),
      eventId: expect.stringMatching(UUID),
      at: '2026-11-03T23:01:00.000Z',
      action: 'VIEW',
      outcome: 'SUCCESS',
      user: { id: s.coordinator.user.id, name: s.coordinator.user.name },
      role: 'COORDINATOR',
      organisation: { id: s.coordinator.organisation.id, name: s.coordinator.organisation.name },
      context: 'DOSSIER',
      ip: expect.stringMatching(/127\.0\.0\.1|::1|::ffff:127\.0\.0\.1/),
      purpose: null,
      object: { type: 'CASE', id: caseB },
      caseId: caseB,
      questionId: null,
      caseNumber: null,
      level: 'FULL',
      subject: null,
    });
  });

  it('filters by case, action and outcome, newest first', async () => {
    const forA = await log(c, s.network.id, `?caseId=${caseA}`);
    expect(forA.map((e) => e.action)).toEqual(['VIEW', 'CREATE']);
    expect(forA.every((e) => e.caseId === caseA)).toBe(true);
    const creates = await log(c, s.network.id, '?action=CREATE');
    expect(creates.map((e) => e.caseId)).toEqual([caseB, caseA]);
    const seqs = (await log(c, s.network.id)).map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(await log(c, s.network.id, '?outcome=DENIED')).toEqual([]); // the ghost case belongs to no network
    expect((await log(c, s.network.id, '?outcome=SUCCESS')).length).toBe(seqs.length);
  });

  it('reads a period as whole days in Dutch time', async () => {
    const views = (from: string, to: string) =>
      log(c, s.network.id, `?action=VIEW&from=${from}&to=${to}`).then((r) => r.map((e) => e.caseId));
    expect(await views('2026-11-03', '2026-11-03')).toEqual([caseA]);
    expect(await views('2026-11-04', '2026-11-04')).toEqual([caseB]);
    expect(await views('2026-11-02', '2026-11-04')).toEqual([caseB, caseA]);
    expect((await log(c, s.network.id, '?from=2026-11-03T09:00:00Z&to=2026-11-03T09:00:00Z')).map((e) => [e.action, e.caseId])).toEqual([
      ['CREATE', caseB],
    ]);
  });

  it('pages with limit and before', async () => {
    const all = await log(c, s.network.id);
    const first = await log(c, s.network.id, '?limit=3');
    expect(first.map((e) => e.seq)).toEqual(all.slice(0, 3).map((e) => e.seq));
    const next = await log(c, s.network.id, `?limit=3&before=${first[2].seq}`);
    expect(next.map((e) => e.seq)).toEqual(all.slice(3, 6).map((e) => e.seq));
  });

  it.each([
    ['?action=PEEK', 'Kies een bestaande handeling om op te filteren.'],
    ['?outcome=OK', 'Kies als uitkomst SUCCESS (gelukt) of DENIED (geweigerd).'],
    ['?from=2026-13-01', 'Vul de begindatum in als JJJJ-MM-DD (of als ISO 8601-tijdstip).'],
    ['?to=gisteren', 'Vul de einddatum in als JJJJ-MM-DD (of als ISO 8601-tijdstip).'],
    ['?caseId=abc', 'Kies een bestaande casus om op te filteren.'],
    ['?limit=5000', 'Vraag hoogstens 1000 regels tegelijk op.'],
    ['?from=2026-11-05&to=2026-11-04', 'De begindatum ligt na de einddatum. Kies een periode die vooruit loopt.'],
    ['?level=FULL', 'property level should not exist'],
  ])('refuses %s with a Dutch reason', async (query, message) => {
    const res = await c.get(`/api/networks/${s.network.id}/access-log${query}`).expect(400);
    if (message.startsWith('property')) expect(res.body.message).toBeTruthy();
    else expect(res.body.message).toBe(message);
  });
});

describe("The administrator's changes, since the coordinator's last visit", () => {
  const { t, make } = useTestApp({ minutesBetweenTests: 0.1 });
  let admin: Agent;
  let s: Staffed;
  const changes = async (agent: Agent): Promise<AdminChangesView> =>
    (await agent.get(`/api/networks/${s.network.id}/admin-changes`).expect(200)).body;

  beforeAll(async () => {
    admin = await t.admin();
    s = await make.staffedNetwork('NEIGHBOURHOOD');
  });

  it('shows the changes the administrator made, until the coordinator has seen them', async () => {
    const first = await changes(s.coordinator.agent);
    expect(first.seenUntil).toBe(0);
    expect(first.items.map((e) => e.action).sort()).toEqual([...Array(4).fill('MEMBER_ADD'), ...Array(4).fill('ROLE_GRANT')]);
    expect(first.items.every((e) => e.role === 'ADMIN')).toBe(true);
    const newest = Math.max(...first.items.map((e) => e.seq));
    expect(
      (await s.coordinator.agent.post(`/api/networks/${s.network.id}/admin-changes/seen`).send({ seq: newest }).expect(200)).body,
    ).toEqual({ seenUntil: newest });
    expect(await changes(s.coordinator.agent)).toEqual({ items: [], seenUntil: newest });

    // The coordinator's own change is not the administrator's.
    const organisation = await make.organisation('FORMAL');
    await s.coordinator.agent
      .post(`/api/networks/${s.network.id}/members`)
      .send({ organisationId: organisation.id, ring: 'SHELL' })
      .expect(201);
    expect((await changes(s.coordinator.agent)).items).toEqual([]);

    // A new grant by the administrator appears, with the names of whom it concerned.
    const user = await make.user(organisation.id);
    await admin.post(`/api/networks/${s.network.id}/roles`).send({ userId: user.id, role: 'SHELL_PARTNER' }).expect(201);
    const next = await changes(s.coordinator.agent);
    expect(next.items).toMatchObject([
      {
        action: 'ROLE_GRANT',
        outcome: 'SUCCESS',
        subject: { user: { id: user.id, name: user.name }, organisation: { name: organisation.name }, role: 'SHELL_PARTNER' },
      },
    ]);
  });

  it('never moves "seen" backwards, nor past the end of the log', async () => {
    const now = (await changes(s.coordinator.agent)).seenUntil;
    expect((await s.coordinator.agent.post(`/api/networks/${s.network.id}/admin-changes/seen`).send({ seq: 1 }).expect(200)).body).toEqual({
      seenUntil: now,
    });
    const res = await s.coordinator.agent.post(`/api/networks/${s.network.id}/admin-changes/seen`).send({ seq: 1_000_000 }).expect(200);
    expect(res.body.seenUntil).toBeLessThan(1_000_000);
    await admin.delete(`/api/networks/${s.network.id}/roles/${s.volunteer.user.id}`).expect(204);
    expect((await changes(s.coordinator.agent)).items).toMatchObject([
      { action: 'ROLE_REVOKE', subject: { user: { id: s.volunteer.user.id } } },
    ]);
  });

  it('is for the coordinator only', async () => {
    await s.core.agent.get(`/api/networks/${s.network.id}/admin-changes`).expect(403);
    await admin.get(`/api/networks/${s.network.id}/admin-changes`).expect(403);
    await s.core.agent.post(`/api/networks/${s.network.id}/admin-changes/seen`).send({ seq: 1 }).expect(403);
    const other = await make.staffedNetwork('NEIGHBOURHOOD');
    await other.coordinator.agent.get(`/api/networks/${s.network.id}/admin-changes`).expect(404);
    await s.coordinator.agent.post(`/api/networks/${s.network.id}/admin-changes/seen`).send({ seq: 'veel' }).expect(400);
  });
});

describe('Concurrent requests share one transaction of the log (group commit)', () => {
  const { t, make } = useTestApp();

  it('writes what was recorded meanwhile in one transaction, in order, as one verifying chain', async () => {
    const s = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });
    const accessLog = t.app.get(AccessLogService);
    const db = t.app.get(DataSource);
    const cases: string[] = [];
    for (let i = 0; i < 20; i++)
      cases.push((await s.core.agent.post(`/api/networks/${s.network.id}/cases`).send(caseBody()).expect(201)).body.id);
    const run = jest.spyOn(t.app.get(UnitOfWork), 'run');
    try {
      // Twenty requests recording at the same moment, as under load while a commit waits for the disk.
      await Promise.all(
        cases.map((caseId) =>
          accessLog.record([
            { viewer: null, role: 'COORDINATOR', networkId: s.network.id, caseId, action: 'VIEW', level: 'PSEUDONYM', context: 'DOSSIER' },
          ]),
        ),
      );
      // One transaction per record would be 20.
      expect(run).toHaveBeenCalledTimes(1);
    } finally {
      run.mockRestore();
    }
    const written = await db
      .getRepository(AccessLogEntry)
      .find({ where: { networkId: s.network.id, action: 'VIEW' }, order: { seq: 'ASC' } });
    expect(written.map((e) => e.caseId)).toEqual(cases);
    const verified = (await s.coordinator.agent.get(`/api/networks/${s.network.id}/access-log/verify`).expect(200)).body;
    expect(verified).toMatchObject({ ok: true });
  });

  it('fails only the caller whose entry cannot be written; the others land', async () => {
    const s = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });
    const accessLog = t.app.get(AccessLogService);
    const db = t.app.get(DataSource);
    const good = (context: AccessEvent['context']): AccessEvent => ({
      viewer: null,
      role: null,
      networkId: s.network.id,
      caseId: null,
      action: 'LIST',
      level: 'PSEUDONYM',
      context,
    });
    // A NOT NULL column left empty: the database refuses this entry.
    const bad = { ...good('DOSSIER'), action: null } as unknown as AccessEvent;
    const results = await Promise.allSettled([
      accessLog.record([good('DOSSIER')]),
      accessLog.record([bad]),
      accessLog.record([good('MEETING')]),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const written = await db
      .getRepository(AccessLogEntry)
      .find({ where: { networkId: s.network.id, action: 'LIST' }, order: { seq: 'ASC' } });
    expect(written.map((e) => e.context).slice(-2)).toEqual(['DOSSIER', 'MEETING']);
    const verified = (await s.coordinator.agent.get(`/api/networks/${s.network.id}/access-log/verify`).expect(200)).body;
    expect(verified).toMatchObject({ ok: true });
  });
});
