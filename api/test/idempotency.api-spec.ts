import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { IDEMPOTENCY_HEADER, IDEMPOTENCY_TTL_HOURS } from '@casustafel/contract/meeting-rules';
import { RetentionService } from '../src/cases/retention.service';
import { IDEMPOTENT } from '../src/common/decorators';
import { apiRoutes } from '../src/common/openapi';
import { IdempotencyService, STILL_RUNNING } from '../src/idempotency/idempotency.service';
import { MALFORMED_KEY, REPLAYED_HEADER } from '../src/idempotency/idempotency.interceptor';
import { CANARY, CANARY_MARKERS, caseBody } from './support/factories';
import { TestApp, type Agent } from './support/test-app';
import { useTestApp } from './support/use-test-app';

/**
 * One click, one record (issue #12, ADR 0016): every create route takes an Idempotency-Key; a repeat
 * with the same key by the same user returns the first answer and creates nothing.
 */

const inDays = (t: TestApp, days: number) => new Date(t.clock.now().getTime() + days * 86_400_000).toISOString();
const key = () => randomUUID();
const question = (title = 'Zorgen om een buurvrouw') => ({
  title,
  situation: 'Een oudere vrouw komt de deur niet meer uit.',
  question: 'Wie kan hier op af?',
  problemAreas: ['SOCIAL_NETWORK'],
});

/**
 * POST routes that do not create a record: a state step (start, close, approve, withdraw…), a check
 * (scan), or a confirmation that a repeat leaves as it is. Each says why; a new POST route must be
 * either @Idempotent() and in CREATES below, or listed here.
 */
const NOT_CREATING: Record<string, string> = {
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'public',
  'POST /api/auth/activate': 'public',
  'POST /api/auth/password-reset': 'public',
  'POST /api/auth/password-reset/confirm': 'public',
  'POST /api/auth/password': 'changes the own password',
  'POST /api/auth/mfa/setup': 'a new secret each time, confirmed by mfa/confirm',
  'POST /api/auth/mfa/confirm': 'turns the second factor on once (a repeat is refused)',
  'POST /api/auth/mfa/verify': 'checks a code',
  'POST /api/auth/mfa/disable': 'turns the second factor off',
  'POST /api/users/{id}/activation': 'sends a new activation mail (replaces the link)',
  'POST /api/users/{id}/mfa/reset': 'a state step',
  'POST /api/networks/{id}/role-review': 'a confirmation, the same when repeated',
  'POST /api/networks/{id}/admin-changes/seen': 'a marker',
  'POST /api/notifications/{id}/read': 'a marker, the same when repeated',
  'POST /api/notifications/read-all': 'a marker, the same when repeated',
  'POST /api/networks/{id}/confidentiality/accept': 'an acceptance, renewed when repeated',
  'POST /api/meetings/{id}/confidentiality/accept': 'an acceptance, renewed when repeated',
  'POST /api/networks/{id}/questions/scan': 'a check, stores nothing',
  'POST /api/questions/{id}/answer': 'a state step (a second answer is refused)',
  'POST /api/questions/{id}/withdraw': 'a state step (409 when repeated)',
  'POST /api/meetings/{id}/agenda/assemble': 'adds only what is missing: a repeat adds nothing',
  'POST /api/meetings/{id}/start': 'a state step (409 when repeated)',
  'POST /api/meetings/{id}/close': 'a state step (409 when repeated)',
  'POST /api/meetings/{id}/reopen': 'a state step (409 when repeated)',
  'POST /api/meetings/{id}/cancel': 'a state step (409 when repeated)',
  'POST /api/meetings/{id}/minutes/send': 'a state step',
  'POST /api/meetings/{id}/minutes/approve': 'a state step (409 when repeated)',
  'POST /api/meetings/{id}/minutes/comments/{commentId}/resolve': 'a state step',
  'POST /api/referrals/{id}/accept': 'a state step (409 when repeated): the referral is claimed once, so its case is made once',
  'POST /api/referrals/{id}/decline': 'a state step (409 when repeated)',
  'POST /api/cases/{id}/known-elsewhere': 'a question: stores nothing but its access-log entries',
};

interface CreateCase {
  as: () => Agent;
  url: () => string;
  body: () => object;
  /** Set-up that must come first (minutes approved before an addendum). */
  before?: () => Promise<void>;
}

describe('Idempotency keys on create routes', () => {
  const { t, make } = useTestApp({ minutesBetweenTests: 0.1 });
  let s: Awaited<ReturnType<typeof make.staffedNetwork>>;
  let admin: Agent;
  const ids = {} as Record<
    'case' | 'question' | 'open' | 'item' | 'closed' | 'section' | 'spareOrganisation' | 'spareUser' | 'guest' | 'otherNetwork',
    string
  >;

  beforeAll(async () => {
    s = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });
    admin = await t.admin();
    const c = s.coordinator.agent;
    ids.case = (await s.core.agent.post(`/api/networks/${s.network.id}/cases`).send(caseBody()).expect(201)).body.id;
    await c.patch(`/api/cases/${ids.case}`).send({ status: 'ACCEPTED' }).expect(200);
    ids.question = (await s.volunteer.agent.post(`/api/networks/${s.network.id}/questions`).send(question()).expect(201)).body.id;
    // A meeting held, closed and sent (its minutes get comments and, once approved, an addendum).
    ids.closed = (
      await c
        .post(`/api/networks/${s.network.id}/meetings`)
        .send({ startsAt: inDays(t, 1), durationMinutes: 60 })
        .expect(201)
    ).body.id;
    await c.post(`/api/meetings/${ids.closed}/agenda`).send({ kind: 'OTHER', title: 'Kennismaking' }).expect(201);
    await c.post(`/api/meetings/${ids.closed}/start`).expect(200);
    await c.post(`/api/meetings/${ids.closed}/close`).expect(200);
    await c.post(`/api/meetings/${ids.closed}/minutes/send`).expect(200);
    ids.section = (await c.get(`/api/meetings/${ids.closed}/minutes`).expect(200)).body.sections[0].id;
    // A meeting being prepared, with the case on its agenda.
    ids.open = (
      await c
        .post(`/api/networks/${s.network.id}/meetings`)
        .send({ startsAt: inDays(t, 14), durationMinutes: 60 })
        .expect(201)
    ).body.id;
    const agenda = (await c.post(`/api/meetings/${ids.open}/agenda/assemble`).expect(200)).body.agenda as { id: string; case: unknown }[];
    ids.item = agenda.find((i) => i.case)!.id;
    ids.spareOrganisation = (await make.organisation()).id;
    ids.spareUser = (await make.user(s.core.organisation.id)).id;
  });

  /** Every create route, with who calls it and a body that succeeds. */
  const CREATES = (): Record<string, CreateCase> => {
    const c = () => s.coordinator.agent;
    const n = () => `/api/networks/${s.network.id}`;
    return {
      'POST /api/organisations': {
        as: () => admin,
        url: () => '/api/organisations',
        body: () => ({ name: 'Stichting Eenmaal', kind: 'FORMAL' }),
      },
      'POST /api/users': {
        as: () => admin,
        url: () => '/api/users',
        body: () => ({ name: 'Eenmalige Medewerker', email: 'eenmalig@test.nl', organisationId: s.shell.organisation.id }),
      },
      'POST /api/networks': {
        as: () => admin,
        url: () => '/api/networks',
        body: () => ({ name: 'Netwerk Eenmaal', kind: 'NEIGHBOURHOOD', area: 'Soesterkwartier' }),
      },
      'POST /api/networks/{id}/members': {
        as: () => admin,
        url: () => `${n()}/members`,
        body: () => ({ organisationId: ids.spareOrganisation, ring: 'SHELL' }),
      },
      'POST /api/networks/{id}/roles': {
        as: () => admin,
        url: () => `${n()}/roles`,
        body: () => ({ userId: ids.spareUser, role: 'CORE_PARTNER' }),
      },
      'POST /api/networks/{id}/covenant/signatures': {
        as: c,
        url: () => `${n()}/covenant/signatures`,
        body: () => ({ organisationId: s.core.organisation.id, signatory: 'J. de Vries', signedOn: '2026-10-01' }),
      },
      'POST /api/networks/{id}/cases': { as: () => s.core.agent, url: () => `${n()}/cases`, body: () => caseBody() },
      'POST /api/networks/{id}/questions': {
        as: () => s.volunteer.agent,
        url: () => `${n()}/questions`,
        body: () => question('Een tweede vraag'),
      },
      'POST /api/questions/{id}/messages': {
        as: () => s.volunteer.agent,
        url: () => `/api/questions/${ids.question}/messages`,
        body: () => ({ text: 'Er is nog iets bijgekomen.' }),
      },
      'POST /api/questions/{id}/convert': {
        as: () => s.volunteer.agent,
        url: () => `/api/questions/${ids.question}/convert`,
        body: () => ({ client: CANARY, consent: 'GIVEN', urgency: 'MEDIUM', neighbourhood: 'Soesterkwartier' }),
      },
      'POST /api/networks/{id}/meetings': {
        as: c,
        url: () => `${n()}/meetings`,
        body: () => ({ startsAt: inDays(t, 40), durationMinutes: 60, repeat: { everyWeeks: 4, count: 3 } }),
      },
      'POST /api/meetings/{id}/agenda': {
        as: c,
        url: () => `/api/meetings/${ids.open}/agenda`,
        body: () => ({ kind: 'OTHER', title: 'Nieuwe werkwijze bespreken' }),
      },
      'POST /api/meetings/{id}/agenda/{itemId}/actions': {
        as: c,
        url: () => `/api/meetings/${ids.open}/agenda/${ids.item}/actions`,
        body: () => ({ description: 'Huisbezoek afleggen', ownerOrganisationId: s.core.organisation.id, dueDate: '2026-12-20' }),
      },
      'POST /api/meetings/{id}/guests': {
        as: c,
        url: () => `/api/meetings/${ids.open}/guests`,
        body: () => ({ userId: ids.guest, itemIds: [ids.item] }),
        before: async () => {
          ids.guest = (await make.user((await make.organisation()).id)).id;
        },
      },
      'POST /api/meetings/{id}/minutes/comments': {
        as: c,
        url: () => `/api/meetings/${ids.closed}/minutes/comments`,
        body: () => ({ sectionId: ids.section, text: 'Graag de datum aanpassen.' }),
      },
      'POST /api/meetings/{id}/minutes/addenda': {
        as: c,
        url: () => `/api/meetings/${ids.closed}/minutes/addenda`,
        body: () => ({ text: 'Correctie: het huisbezoek is op dinsdag.' }),
        before: async () => {
          await c()
            .post(`/api/meetings/${ids.closed}/minutes/approve`)
            .send({ reason: 'Vastgesteld per e-mail door alle leden.' })
            .expect(200);
        },
      },
      'POST /api/calendar/token': { as: () => s.shell.agent, url: () => '/api/calendar/token', body: () => ({}) },
      'POST /api/cases/{id}/referrals': {
        as: c,
        url: () => `/api/cases/${ids.case}/referrals`,
        body: () => ({ toNetworkId: ids.otherNetwork, reason: 'Past beter bij het andere netwerk.' }),
        before: async () => {
          ids.otherNetwork = (await make.network('OGGZ')).id;
        },
      },
    };
  };

  /** Rows per table (sessions and login attempts left out: signing in is not creating). */
  async function counts(): Promise<Record<string, number>> {
    const dataSource = t.app.get(DataSource);
    const out: Record<string, number> = {};
    for (const table of [...new Set(dataSource.entityMetadatas.map((m) => m.tableName))].sort()) {
      if (['sessions', 'login_attempts'].includes(table)) continue;
      out[table] = Number((await dataSource.query(`SELECT COUNT(*) AS n FROM "${table}"`))[0].n);
    }
    return out;
  }

  it('knows every POST route: each creating one takes a key, each other one is listed with its reason', () => {
    const posts = apiRoutes(t.app).filter((r) => r.method === 'post');
    const idempotent = (r: (typeof posts)[number]) =>
      Reflect.getMetadata(IDEMPOTENT, (r.controller.prototype as Record<string, object>)[r.handlerName]) === true;
    const names = (list: typeof posts) => list.flatMap((r) => r.paths.map((p) => `POST ${p}`)).sort();
    expect(names(posts.filter(idempotent))).toEqual(Object.keys(CREATES()).sort());
    expect(names(posts.filter((r) => !idempotent(r)))).toEqual(Object.keys(NOT_CREATING).sort());
  });

  it('answers a repeat on every create route with the first answer, and creates nothing', async () => {
    const cases = CREATES();
    const wrong: string[] = [];
    for (const [route, call] of Object.entries(cases)) {
      await call.before?.();
      const k = key();
      const first = await call.as().post(call.url()).set(IDEMPOTENCY_HEADER, k).send(call.body());
      if (first.status >= 300) {
        wrong.push(`${route}: first answer ${first.status} ${first.text.slice(0, 200)}`);
        continue;
      }
      const before = await counts();
      const again = await call.as().post(call.url()).set(IDEMPOTENCY_HEADER, k).send(call.body());
      const after = await counts();
      if (again.status !== first.status) wrong.push(`${route}: repeat answered ${again.status}, first ${first.status}`);
      if (JSON.stringify(again.body) !== JSON.stringify(first.body)) wrong.push(`${route}: repeat answered another body`);
      if (again.headers[REPLAYED_HEADER.toLowerCase()] !== 'true') wrong.push(`${route}: repeat not marked as replayed`);
      if (JSON.stringify(after) !== JSON.stringify(before)) wrong.push(`${route}: repeat changed the row counts`);
      // Without a key the route works as before: a second record (or a refusal of a duplicate).
    }
    expect(wrong).toEqual([]);
  }, 120_000);

  it('makes one series of 6 meetings when the same plan is posted twice at once', async () => {
    const c = s.coordinator.agent;
    const list = async () => ((await c.get(`/api/networks/${s.network.id}/meetings`).expect(200)).body as unknown[]).length;
    const before = await list();
    const k = key();
    const body = { startsAt: inDays(t, 60), durationMinutes: 90, repeat: { everyWeeks: 4, count: 6 } };
    const [a, b] = await Promise.all([
      c.post(`/api/networks/${s.network.id}/meetings`).set(IDEMPOTENCY_HEADER, k).send(body),
      c.post(`/api/networks/${s.network.id}/meetings`).set(IDEMPOTENCY_HEADER, k).send(body),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body).toHaveLength(6);
    expect(b.body).toEqual(a.body);
    expect(await list()).toBe(before + 6);
  });

  it('keeps keys per user: another user with the same key gets a record of their own, never the first body', async () => {
    const k = key();
    const mine = await s.core.agent.post(`/api/networks/${s.network.id}/cases`).set(IDEMPOTENCY_HEADER, k).send(caseBody()).expect(201);
    const theirs = await s.shell.agent.post(`/api/networks/${s.network.id}/cases`).set(IDEMPOTENCY_HEADER, k).send(caseBody()).expect(201);
    expect(theirs.body.id).not.toBe(mine.body.id);
    expect(theirs.headers[REPLAYED_HEADER.toLowerCase()]).toBeUndefined();
    expect(theirs.body.submittedBy).toEqual({
      organisation: { id: s.shell.organisation.id, name: s.shell.organisation.name },
      isYou: true,
    });
    // And the first user's repeat still gets their own record.
    const again = await s.core.agent.post(`/api/networks/${s.network.id}/cases`).set(IDEMPOTENCY_HEADER, k).send(caseBody()).expect(201);
    expect(again.body.id).toBe(mine.body.id);
  });

  it('refuses a key used for another body or route (422), and a malformed key (400), in Dutch', async () => {
    const v = s.volunteer.agent;
    const k = key();
    await v.post(`/api/networks/${s.network.id}/questions`).set(IDEMPOTENCY_HEADER, k).send(question('Eerste vraag')).expect(201);
    const otherBody = await v
      .post(`/api/networks/${s.network.id}/questions`)
      .set(IDEMPOTENCY_HEADER, k)
      .send(question('Een andere vraag'))
      .expect(422);
    expect(otherBody.body.message).toMatch(/al gebruikt voor een ander verzoek/);
    const otherRoute = await v
      .post(`/api/questions/${ids.question}/messages`)
      .set(IDEMPOTENCY_HEADER, k)
      .send({ text: 'Een bericht.' })
      .expect(422);
    expect(otherRoute.body.message).toMatch(/al gebruikt voor een ander verzoek/);

    const count = async () => ((await v.get(`/api/networks/${s.network.id}/questions`).expect(200)).body as unknown[]).length;
    const before = await count();
    for (const bad of ['kort', 'met spaties erin', 'x'.repeat(129), 'ümlaut-sleutel']) {
      const res = await v
        .post(`/api/networks/${s.network.id}/questions`)
        .set(IDEMPOTENCY_HEADER, bad)
        .send(question('Vraag met slechte sleutel'));
      expect([res.status, res.body.message]).toEqual([400, MALFORMED_KEY]);
    }
    expect(await count()).toBe(before);
  });

  it('does not pin a key to a failed first request: the retry runs', async () => {
    const v = s.volunteer.agent;
    const k = key();
    // Refused by validation (400) and by the identity guard (422): nothing kept under the key.
    await v
      .post(`/api/networks/${s.network.id}/questions`)
      .set(IDEMPOTENCY_HEADER, k)
      .send({ ...question(), title: '' })
      .expect(400);
    await v
      .post(`/api/networks/${s.network.id}/questions`)
      .set(IDEMPOTENCY_HEADER, k)
      .send({ ...question(), situation: `Mevrouw ${CANARY.surname} komt de deur niet uit.` })
      .expect(422);
    const ok = await v.post(`/api/networks/${s.network.id}/questions`).set(IDEMPOTENCY_HEADER, k).send(question('Na een fout')).expect(201);
    const again = await v
      .post(`/api/networks/${s.network.id}/questions`)
      .set(IDEMPOTENCY_HEADER, k)
      .send(question('Na een fout'))
      .expect(201);
    expect(again.body.id).toBe(ok.body.id);
  });

  it('makes a repeat wait for a first request still running, and answers 409 when it takes too long', async () => {
    const v = s.volunteer.agent;
    const k = key();
    const url = `/api/networks/${s.network.id}/questions`;
    const service = t.app.get(IdempotencyService);
    const body = question('Nog bezig');
    // A first request under this key that holds it and does not finish.
    const claim = await service.claim({ userId: s.volunteer.user.id, key: k, route: `POST ${url}`, body });
    expect(claim.run).toBe(true);
    const started = Date.now();
    const waited = await v.post(url).set(IDEMPOTENCY_HEADER, k).send(body).expect(409);
    expect(waited.body.message).toBe(STILL_RUNNING);
    expect(Date.now() - started).toBeGreaterThanOrEqual(4_000);
    // It finishes (here: it failed) while a repeat waits: the repeat then runs itself.
    const repeat = v.post(url).set(IDEMPOTENCY_HEADER, k).send(body);
    setTimeout(() => void service.release((claim as { id: string }).id), 300);
    const ran = await repeat.expect(201);
    expect(ran.body.title).toBe('Nog bezig');
  }, 20_000);

  it('keeps no client identity in the table in plain text', async () => {
    const k = key();
    const created = await s.core.agent.post(`/api/networks/${s.network.id}/cases`).set(IDEMPOTENCY_HEADER, k).send(caseBody()).expect(201);
    expect(created.body.client.surname).toBe(CANARY.surname);
    const rows = (await t.app.get(DataSource).query('SELECT * FROM "idempotency_keys"')) as Record<string, unknown>[];
    const row = rows.find((r) => r['key'] === k)!;
    expect(row).toMatchObject({ state: 'DONE', responseStatus: 201, userId: s.core.user.id });
    expect(String(row['responseBody'])).toMatch(/^v1\./);
    const raw = JSON.stringify(rows);
    for (const marker of [...CANARY_MARKERS, CANARY.givenName, 'Gerrit']) expect(raw).not.toContain(marker);
    expect(raw).not.toContain(created.body.id);
  });
});

describe('Idempotency keys expire', () => {
  const { t, make } = useTestApp();

  it(`treats a key older than ${IDEMPOTENCY_TTL_HOURS} hours as new, and the daily retention job deletes it`, async () => {
    const s = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });
    const k = key();
    const body = question('Een vraag van gisteren');
    const url = `/api/networks/${s.network.id}/questions`;
    const first = await s.volunteer.agent.post(url).set(IDEMPOTENCY_HEADER, k).send(body).expect(201);
    t.clock.advanceMinutes(IDEMPOTENCY_TTL_HOURS * 60 - 5);
    const rows = async () => Number((await t.app.get(DataSource).query('SELECT COUNT(*) AS n FROM "idempotency_keys"'))[0].n);
    await t.app.get(RetentionService).run();
    expect(await rows()).toBe(1); // not yet expired
    t.clock.advanceMinutes(10);
    await t.app.get(RetentionService).run();
    expect(await rows()).toBe(0);
    const volunteer = await t.login(s.volunteer.user.email);
    const later = await volunteer.post(url).set(IDEMPOTENCY_HEADER, k).send(body).expect(201);
    expect(later.body.id).not.toBe(first.body.id);
    // An expired key met on a request (before the job ran) is also taken as new.
    t.clock.advanceMinutes(IDEMPOTENCY_TTL_HOURS * 60 + 1);
    const again = await (await t.login(s.volunteer.user.email)).post(url).set(IDEMPOTENCY_HEADER, k).send(body).expect(201);
    expect(again.body.id).not.toBe(later.body.id);
  });
});
